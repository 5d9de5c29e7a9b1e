// SPDX-License-Identifier: MIT
#pragma once
// Keeping database passwords out of what SaferMap prints and writes (issue #14: credentials
// never in messages, logs or outputs). A PostgreSQL project is named by a GDAL connection
// string ("PG:host=... dbname=..."); a user may have put a password in it, although a service
// file, ~/.pgpass or PGPASSWORD is the way (README "PostGIS").

#include <string>
#include <string_view>

namespace safermap {

// `text` with every password it holds replaced by "***": the value of each `password=`
// key (any case, spaces allowed around '=', the value bare or single-quoted with \' escapes,
// as libpq reads it) and the password of a connection URI (postgresql://user:SECRET@host).
// Text without a password comes back unchanged; empty text gives empty text.
std::string mask_credentials(std::string_view text);

// Whether `name` is a GDAL PostgreSQL connection string ("PG:...", any case): a PostGIS
// project, or a schema that takes results as layers.
bool is_postgres_connection(std::string_view name);

} // namespace safermap
