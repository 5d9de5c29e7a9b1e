// SPDX-License-Identifier: MIT
#pragma once
// A libpq connection to a PostgreSQL project's database, for what GDAL's driver does slowly:
// streaming many rows out by binary COPY (a million points in about half the time of GDAL's
// cursor, which builds a feature per row), and an import of incidents alone streaming them in
// by binary COPY, in a transaction of its own (postgres_incident_import.hpp). Everything else
// goes through GDAL (ProjectStore). Outside a transaction, its reads see the database's latest
// committed state, as a second GDAL connection's would.

#include "core/error.hpp"
#include "io/postgres/binary_copy_parser.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace safermap::io {

struct ProjectLocation;

// What end_copy_in() throws when the server refused a row of the stream: `row` is the row's
// number in the stream, from 1, as the server's error context gives it (0 when it gives none).
struct CopyRefused : IoError {
    CopyRefused(const std::string& message, long long row_in_stream) : IoError(message), row(row_in_stream) {}
    long long row;
};

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

    // Runs one statement with text parameters ($1, $2, ...; nullopt is NULL) and returns how many
    // rows it touched. Throws IoError naming the project and the statement, with the server's message.
    long long execute(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
    // Commits the transaction begun with execute("BEGIN"). Throws IoError when the server rolled
    // it back instead (an earlier statement failed), or the connection failed.
    void commit();
    // The first column of each row a query returns, as text (nullopt for NULL). Throws IoError.
    std::vector<std::optional<std::string>> column(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});

    // Starts `COPY table (columns) FROM STDIN (FORMAT binary)`; then send() the stream's bytes
    // (binary_copy_writer.hpp) and end it with end_copy_in(), which reports what the server
    // refused (a violated constraint, a bad value) as CopyRefused naming the project. Nothing
    // else may run on the connection in between.
    void begin_copy_in(const std::string& copy_statement);
    void send(std::string_view bytes);
    void end_copy_in();

private:
    std::string error_message() const;

    pg_conn* m_conn = nullptr;
    std::string m_display;
};

} // namespace safermap::io
