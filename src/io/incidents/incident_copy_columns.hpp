// SPDX-License-Identifier: MIT
#pragma once
// The columns of a PostGIS project's incidents table that an import by binary COPY fills, each
// sent in the binary form of the type the catalog gives it, with the values IncidentWriter
// stores through GDAL (empty text as NULL, '' for an undated month, text cut at a NUL byte as
// GDAL's C strings cut it), so that both paths store the same row.

#include "core/incident.hpp"
#include "io/postgres/binary_copy_writer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::io {

class PostgresConnection;

class IncidentCopyColumns {
public:
    // Reads the types of `schema`.incidents' columns and its geometry's SRID on `conn`. Throws
    // SchemaError (`what` names the project) when a column is missing, of a type SaferMap does
    // not write, or the geometry has no SRID; IoError when the database refuses.
    IncidentCopyColumns(PostgresConnection& conn, const std::string& schema, const std::string& what);

    // "key, crime_id, ...": the column list of the COPY statement, in the order encode() sends.
    std::string column_list() const;
    // Appends `incident` as one tuple. Throws IoError naming its source file and line when a
    // value does not fit its column (a count too large, a field over PostgreSQL's 1 GB).
    void encode(const Incident& incident, BinaryCopyWriter& out) const;

    // How a field's value is sent, from the column's type in the catalog.
    enum class Encoding { text, int2, int4, int8, float8, boolean, geometry };

private:
    std::vector<Encoding> m_encodings; // one per field of k_fields, in its order
    std::int32_t m_srid = 0;
};

} // namespace safermap::io
