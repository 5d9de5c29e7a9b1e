// SPDX-License-Identifier: MIT
#include "io/postgres/postgres_connection.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "io/project/project_location.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
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
    execute(fmt::format("SET search_path = {}, public", location.schema));
}

PostgresConnection::~PostgresConnection() {
    if (m_conn) PQfinish(m_conn);
}

std::string PostgresConnection::error_message() const {
    std::string message = m_conn ? PQerrorMessage(m_conn) : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return mask_credentials(message);
}

namespace {

Result run_with_params(pg_conn* conn, const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    return Result(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

} // namespace

long long PostgresConnection::execute(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    Result r = run_with_params(m_conn, sql, params);
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw IoError(fmt::format("{}: {} failed ({})", m_display, sql, error_message()));
    const char* touched = PQcmdTuples(r.get());
    return touched && *touched ? std::stoll(touched) : 0;
}

void PostgresConnection::commit() {
    Result r(PQexec(m_conn, "COMMIT"));
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK)
        throw IoError(fmt::format("{}: commit failed ({})", m_display, error_message()));
    // A transaction that an error aborted answers COMMIT by rolling back, without an error.
    if (std::string_view(PQcmdStatus(r.get())) != "COMMIT")
        throw IoError(fmt::format("{}: the transaction failed and was rolled back; nothing was written", m_display));
}

std::vector<std::optional<std::string>> PostgresConnection::column(const std::string& sql,
                                                                   const std::vector<std::optional<std::string>>& params) {
    Result r = run_with_params(m_conn, sql, params);
    if (!r || PQresultStatus(r.get()) != PGRES_TUPLES_OK)
        throw IoError(fmt::format("{}: {} failed ({})", m_display, sql, error_message()));
    std::vector<std::optional<std::string>> out;
    const int rows = PQntuples(r.get());
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        if (PQgetisnull(r.get(), i, 0)) out.emplace_back();
        else out.emplace_back(std::string(PQgetvalue(r.get(), i, 0), static_cast<std::size_t>(PQgetlength(r.get(), i, 0))));
    }
    return out;
}

void PostgresConnection::begin_copy_in(const std::string& copy_statement) {
    Result r(PQexec(m_conn, copy_statement.c_str()));
    if (!r || PQresultStatus(r.get()) != PGRES_COPY_IN)
        throw IoError(fmt::format("{}: {} failed ({})", m_display, copy_statement, error_message()));
}

void PostgresConnection::send(std::string_view bytes) {
    if (bytes.empty()) return;
    // In blocking mode this waits while the server catches up; -1 means the connection failed.
    if (PQputCopyData(m_conn, bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw IoError(fmt::format("{}: sending rows failed ({})", m_display, error_message()));
}

void PostgresConnection::end_copy_in() {
    if (PQputCopyEnd(m_conn, nullptr) != 1) throw IoError(fmt::format("{}: ending the rows' stream failed ({})", m_display, error_message()));
    // The rows meet the server's checks as they arrive; any refusal is the command's result,
    // its context "COPY table, line N[, column c]: ..." naming the row.
    std::string failure;
    long long row = 0;
    while (PGresult* raw = PQgetResult(m_conn)) {
        Result r(raw);
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK || !failure.empty()) continue;
        failure = error_message();
        if (const char* context = PQresultErrorField(r.get(), PG_DIAG_CONTEXT)) {
            const std::string_view text(context);
            if (auto at = text.find(", line "); at != std::string_view::npos) row = std::atoll(context + at + 7);
        }
    }
    if (!failure.empty()) throw CopyRefused(fmt::format("{}: the server refused the rows ({})", m_display, failure), row);
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
