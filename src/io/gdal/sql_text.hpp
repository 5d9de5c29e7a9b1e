// SPDX-License-Identifier: MIT
#pragma once
// Plain SQL through GDAL (valid for SQLite and PostgreSQL alike): quoting and reading rows.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <functional>
#include <string>

namespace safermap::io {

// `text` quoted as an SQL string literal ('O''Brien').
std::string sql_quote(const std::string& text);

// Runs `sql` on `ds` and hands each result row to `row`. Throws IoError naming `what` (the
// file) with GDAL's message when the statement fails.
void for_each_row(GDALDataset& ds, const std::string& what, const std::string& sql, const std::function<void(OGRFeature&)>& row);

// Runs a statement whose rows, if any, are not wanted. Throws as for_each_row does.
void run_sql(GDALDataset& ds, const std::string& what, const std::string& sql);

// The first column of the last row `sql` returns, as an integer (a COUNT(*)); 0 for no row.
// Throws as for_each_row does.
std::int64_t sql_integer(GDALDataset& ds, const std::string& what, const std::string& sql);

} // namespace safermap::io
