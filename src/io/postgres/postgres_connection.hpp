// SPDX-License-Identifier: MIT
#pragma once
// A libpq connection to a PostgreSQL project's database, for what GDAL's driver does slowly:
// streaming many rows out by binary COPY (a million points in about half the time of GDAL's
// cursor, which builds a feature per row). Everything else goes through GDAL (ProjectStore).
// Its reads see the database's latest committed state, as a second GDAL connection's would.

#include "io/postgres/binary_copy_parser.hpp"

#include <functional>
#include <string>

struct pg_conn;

namespace safermap::io {

struct ProjectLocation;

class PostgresConnection {
public:
    // Connects as GDAL would to the same PG: string (libpq_connection_string), with UTF-8 text
    // and the project's schema first on the search path, so that SQL written for the GDAL
    // connection reads the same tables. Throws IoError naming the project, password masked.
    explicit PostgresConnection(const ProjectLocation& location);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    // Runs `COPY (query) TO STDOUT (FORMAT binary)` and hands `row` each tuple, which must have
    // `fields` fields, as it arrives. Throws IoError naming the project with the server's
    // message, or what is wrong with the data.
    void copy_out(const std::string& query, std::size_t fields, const std::function<void(const CopyFields&)>& row);

private:
    void run(const std::string& sql);
    std::string error_message() const;

    pg_conn* m_conn = nullptr;
    std::string m_display;
};

} // namespace safermap::io
