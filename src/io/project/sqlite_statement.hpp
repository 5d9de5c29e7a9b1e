// SPDX-License-Identifier: MIT
#pragma once
// SaferMap's own statements on the SQLite connection GDAL holds a GeoPackage project open on:
// in the same transaction as GDAL's writes, with SQLite's bound parameters rather than SQL
// text, for the bulk writes where GDAL's per-feature work would cost more than SQLite's.

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace safermap::io {

class ProjectStore;

// The connection GDAL has the project open on; null unless it is a GeoPackage.
sqlite3* sqlite_connection(ProjectStore& store);

// One prepared statement, bound and stepped once per row. Text and blobs are bound without a
// copy: they must outlive the step.
class SqliteStatement {
public:
    // Throws IoError naming the project and `purpose` when SQLite cannot prepare `sql`.
    SqliteStatement(sqlite3* db, const std::string& project, std::string_view purpose, const std::string& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters count from 1, as in SQLite.
    void bind_null(int i);
    void bind_int64(int i, std::int64_t value);
    void bind_double(int i, double value);
    void bind_text(int i, std::string_view text);
    void bind_blob(int i, std::string_view bytes);

    // Runs a statement that returns no rows and resets it for the next; false when SQLite
    // refused it (error() says why).
    bool step();
    // Runs it and throws IoError naming the project and `purpose` when SQLite refuses it.
    void run();
    std::string error() const;
    // The rowid the connection's last successful INSERT gave.
    std::int64_t last_insert_rowid() const;

private:
    sqlite3* m_db;
    std::string m_project;
    std::string m_purpose;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace safermap::io
