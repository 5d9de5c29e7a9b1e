// SPDX-License-Identifier: MIT
#include "io/gdal/sql_text.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"

#include <fmt/format.h>

#include <memory>

namespace safermap::io {

std::string sql_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    return out + "'";
}

void for_each_row(GDALDataset& ds, const std::string& what, const std::string& sql, const std::function<void(OGRFeature&)>& row) {
    gdal_clear_error();
    auto release = [&ds](OGRLayer* l) { ds.ReleaseResultSet(l); };
    std::unique_ptr<OGRLayer, decltype(release)> result(ds.ExecuteSQL(sql.c_str(), nullptr, nullptr), release);
    if (!result) {
        if (CPLGetLastErrorType() >= CE_Failure) throw IoError(fmt::format("{}: query failed ({})", what, gdal_last_error()));
        return; // a statement without a result set
    }
    for (auto& f : *result) row(*f);
}

void run_sql(GDALDataset& ds, const std::string& what, const std::string& sql) { for_each_row(ds, what, sql, [](OGRFeature&) {}); }

std::int64_t sql_integer(GDALDataset& ds, const std::string& what, const std::string& sql) {
    std::int64_t n = 0;
    for_each_row(ds, what, sql, [&](OGRFeature& f) { n = f.GetFieldAsInteger64(0); });
    return n;
}

} // namespace safermap::io
