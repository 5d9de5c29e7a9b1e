// SPDX-License-Identifier: MIT
#pragma once
// The few places where a project's SQL differs between its back ends (issue #14): a
// GeoPackage answers in SQLite's dialect, a PostGIS project in PostgreSQL's. Everything else
// SaferMap sends (SELECT ... WHERE ... GROUP BY, MIN/MAX, COUNT, IN, string literals quoted by
// sql_quote) reads the same in both and needs no helper.

#include <gdal_priv.h>

#include <string>
#include <string_view>

namespace safermap::io {

enum class SqlDialect { sqlite, postgres };

// The dialect `ds` answers in: postgres for GDAL's PostgreSQL driver, sqlite for any other
// (a project is a GeoPackage otherwise).
SqlDialect sql_dialect_of(GDALDataset& ds);

// The text column `column` as a select-list item (named `column`) that an ORDER BY `column`
// sorts by code point on both back ends, as SQLite's default BINARY collation does:
// PostgreSQL's default collation follows the database's locale (en_GB.UTF-8 sorts "ab" before
// "Ac"), which would make listings differ between back ends. For SELECT DISTINCT ... ORDER BY.
std::string sortable_text(SqlDialect dialect, std::string_view column);

// A condition true when `column` holds a GSS (ONS) code: one of E, W, S, N and eight digits.
std::string is_gss_code(SqlDialect dialect, std::string_view column);

// " ORDER BY fid": rows in the order they were written. PostgreSQL returns a table's rows in
// physical order, which updates change, and a GeoPackage query that reads through the R-tree
// (an area filter, filter_resolution.hpp) returns them in the index's order; a plain SQLite
// scan is already in this order, and costs nothing more. Results that depend on order (seeded
// permutations, the order of an export) must not differ between back ends or filters.
std::string order_by_insertion(SqlDialect dialect);

} // namespace safermap::io
