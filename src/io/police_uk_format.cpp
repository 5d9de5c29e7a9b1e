// SPDX-License-Identifier: MIT
#include "io/police_uk_format.hpp"

#include "core/dates.hpp"

#include <fmt/format.h>

#include <cctype>

namespace safermap::io {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}
} // namespace

bool is_police_uk_header(const std::vector<std::string>& header) {
    if (header.size() != k_police_uk_columns.size()) return false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (trim(header[i]) != k_police_uk_columns[i]) return false;
    }
    return true;
}

std::optional<Rejection> parse_police_uk_row(const CsvRecord& record, Incident& inc) {
    const auto& f = record.fields;
    if (f.size() < k_police_uk_columns.size())
        return Rejection{"short_row", fmt::format("{} fields, police.uk rows have 12", f.size())};
    if (f.size() > k_police_uk_columns.size())
        return Rejection{"long_row", fmt::format("{} fields, police.uk rows have 12", f.size())};
    auto month = parse_month(f[1]);
    if (!month) return Rejection{"bad_month", fmt::format("Month '{}' is not YYYY-MM", f[1])};
    inc.crime_id = f[0];
    inc.month = *month;
    inc.reported_by = f[2];
    inc.falls_within = f[3];
    inc.src_x = f[4];
    inc.src_y = f[5];
    inc.src_crs = "EPSG:4326";
    inc.location = f[6];
    inc.lsoa_code = f[7];
    inc.lsoa_name = f[8];
    inc.category = f[9];
    inc.outcome = f[10];
    inc.context = f[11];
    inc.source_format = "police.uk";
    return std::nullopt;
}

std::array<std::string_view, 12> police_uk_fields(const Incident& i) {
    return {i.crime_id, i.month,     i.reported_by, i.falls_within, i.src_x,   i.src_y,
            i.location, i.lsoa_code, i.lsoa_name,   i.category,     i.outcome, i.context};
}

} // namespace safermap::io
