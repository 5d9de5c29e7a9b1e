// SPDX-License-Identifier: MIT
#include "io/project/sqlite_statement.hpp"

#include "core/error.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace safermap::io {

sqlite3* sqlite_connection(ProjectStore& store) {
    if (store.dialect() != SqlDialect::sqlite) return nullptr;
    return static_cast<sqlite3*>(store.dataset().GetInternalHandle("SQLITE_HANDLE"));
}

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& project, std::string_view purpose, const std::string& sql)
    : m_db(db), m_project(project), m_purpose(purpose) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_statement, nullptr) != SQLITE_OK)
        throw IoError(fmt::format("{}: cannot prepare to {} ({})", m_project, m_purpose, error()));
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

void SqliteStatement::bind_null(int i) { sqlite3_bind_null(m_statement, i); }
void SqliteStatement::bind_int64(int i, std::int64_t value) { sqlite3_bind_int64(m_statement, i, value); }
void SqliteStatement::bind_double(int i, double value) { sqlite3_bind_double(m_statement, i, value); }

void SqliteStatement::bind_text(int i, std::string_view text) {
    sqlite3_bind_text64(m_statement, i, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bind_blob(int i, std::string_view bytes) {
    sqlite3_bind_blob64(m_statement, i, bytes.data(), bytes.size(), SQLITE_STATIC);
}

bool SqliteStatement::step() {
    const bool done = sqlite3_step(m_statement) == SQLITE_DONE;
    // sqlite3_reset repeats the step's error code; the message stays readable until the next call.
    sqlite3_reset(m_statement);
    return done;
}

void SqliteStatement::run() {
    if (!step()) throw IoError(fmt::format("{}: cannot {} ({})", m_project, m_purpose, error()));
}

std::string SqliteStatement::error() const { return sqlite3_errmsg(m_db); }

std::int64_t SqliteStatement::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }

} // namespace safermap::io
