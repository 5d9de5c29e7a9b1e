// SPDX-License-Identifier: MIT
#include "io/project/sql_dialect.hpp"

#include <fmt/format.h>

namespace safermap::io {

SqlDialect sql_dialect_of(GDALDataset& ds) {
    const GDALDriver* driver = ds.GetDriver();
    const std::string_view name = driver ? driver->GetDescription() : "";
    return name == "PostgreSQL" ? SqlDialect::postgres : SqlDialect::sqlite;
}

std::string sortable_text(SqlDialect dialect, std::string_view column) {
    if (dialect == SqlDialect::postgres) return fmt::format("{0} COLLATE \"C\" AS {0}", column);
    return std::string(column);
}

std::string is_gss_code(SqlDialect dialect, std::string_view column) {
    if (dialect == SqlDialect::postgres) return fmt::format("{} ~ '^[EWSN][0-9]{{8}}$'", column);
    // GLOB is case-sensitive and anchored: the whole value must match.
    return fmt::format("{} GLOB '[EWSN][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'", column);
}

std::string order_by_insertion(SqlDialect) { return " ORDER BY fid"; }

} // namespace safermap::io
