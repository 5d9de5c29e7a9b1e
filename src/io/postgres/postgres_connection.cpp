// SPDX-License-Identifier: MIT
#include "io/postgres/postgres_connection.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "io/project/project_location.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

namespace safermap::io {

namespace {

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

} // namespace

PostgresConnection::PostgresConnection(const ProjectLocation& location) : m_display(location.display) {
    m_conn = PQconnectdb(libpq_connection_string(location).c_str());
    if (!m_conn) throw IoError(fmt::format("{}: cannot connect to the database (out of memory)", m_display));
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = error_message();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw IoError(fmt::format("{}: cannot connect to the database ({})", m_display, why));
    }
    if (PQsetClientEncoding(m_conn, "UTF8") != 0) {
        const std::string why = error_message();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw IoError(fmt::format("{}: cannot read text as UTF-8 ({})", m_display, why));
    }
    // The schema name was checked to be a plain identifier (parse_project_location).
    run(fmt::format("SET search_path = {}, public", location.schema));
}

PostgresConnection::~PostgresConnection() {
    if (m_conn) PQfinish(m_conn);
}

std::string PostgresConnection::error_message() const {
    std::string message = m_conn ? PQerrorMessage(m_conn) : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return mask_credentials(message);
}

void PostgresConnection::run(const std::string& sql) {
    Result r(PQexec(m_conn, sql.c_str()));
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw IoError(fmt::format("{}: {} failed ({})", m_display, sql, error_message()));
}

void PostgresConnection::copy_out(const std::string& query, std::size_t fields, const std::function<void(const CopyFields&)>& row) {
    const std::string sql = fmt::format("COPY ({}) TO STDOUT (FORMAT binary)", query);
    {
        Result r(PQexec(m_conn, sql.c_str()));
        if (!r || PQresultStatus(r.get()) != PGRES_COPY_OUT)
            throw IoError(fmt::format("{}: cannot read rows ({}; the query was {})", m_display, error_message(), query));
    }
    BinaryCopyParser parser(m_display, fields);
    CopyFields tuple;
    // Each message is a tuple or part of one; the parser joins what arrives split. Should the
    // data or `row` throw, the stream is left unread: the connection is closed with this object.
    while (true) {
        char* buffer = nullptr;
        const int n = PQgetCopyData(m_conn, &buffer, 0);
        if (n == -1) break; // the data has ended
        if (n < 0) throw IoError(fmt::format("{}: reading rows failed ({})", m_display, error_message()));
        std::unique_ptr<char, decltype(&PQfreemem)> owned(buffer, &PQfreemem);
        parser.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
        while (parser.next(tuple)) row(tuple);
    }
    // The command's own result: a server error in mid-stream arrives here.
    bool server_failed = false;
    std::string server_message;
    while (PGresult* raw = PQgetResult(m_conn)) {
        Result r(raw);
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && !server_failed) {
            server_failed = true;
            server_message = error_message();
        }
    }
    if (server_failed) throw IoError(fmt::format("{}: reading rows failed ({}; the query was {})", m_display, server_message, query));
    parser.finish();
}

} // namespace safermap::io
