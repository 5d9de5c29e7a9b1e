// SPDX-License-Identifier: MIT
#include "io/incidents/police_uk_format.hpp"

#include "core/dates.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/number_text.hpp"

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

namespace {

// Checks a row's shape and month; the fields are then handed over by `move_field`.
template <typename Record, typename Move>
std::optional<Rejection> read_police_uk_row(Record& record, Incident& inc, Move move_field) {
    auto& f = record.fields;
    if (f.size() < k_police_uk_columns.size())
        return Rejection{"short_row", fmt::format("{} fields, police.uk rows have 12", f.size())};
    if (f.size() > k_police_uk_columns.size())
        return Rejection{"long_row", fmt::format("{} fields, police.uk rows have 12", f.size())};
    if (!parse_month(f[1])) return Rejection{"bad_month", fmt::format("Month '{}' is not YYYY-MM", f[1])};
    move_field(f[0], inc.crime_id);
    move_field(f[1], inc.month);
    move_field(f[2], inc.reported_by);
    move_field(f[3], inc.falls_within);
    move_field(f[4], inc.src_x);
    move_field(f[5], inc.src_y);
    inc.src_crs = k_police_uk_crs;
    move_field(f[6], inc.location);
    move_field(f[7], inc.lsoa_code);
    move_field(f[8], inc.lsoa_name);
    move_field(f[9], inc.category);
    move_field(f[10], inc.outcome);
    move_field(f[11], inc.context);
    inc.source_format = "police.uk";
    return std::nullopt;
}

} // namespace

std::optional<Rejection> parse_police_uk_row(const CsvRecord& record, Incident& inc) {
    return read_police_uk_row(record, inc, [](const std::string& from, std::string& to) { to = from; });
}

std::optional<Rejection> take_police_uk_row(CsvRecord& record, Incident& inc) {
    return read_police_uk_row(record, inc, [](std::string& from, std::string& to) { to.swap(from); });
}

bool parse_police_uk_point(std::span<const std::string_view> f, const geo::Reprojector* to_working, PointMonths& months,
                           PointRow& point, std::string_view& category, std::string_view& crime_id) {
    // Each test below is one of read_police_uk_row's or place_incident's, in the form that passes.
    if (f.size() != k_police_uk_columns.size()) return false; // short_row, long_row
    std::int32_t month = -1;
    if (!months.read(f[1], month)) return false; // bad_month
    // Two numbers are never blank, so the rules for blank coordinates do not arise.
    const auto x = parse_number(f[4]), y = parse_number(f[5]);
    if (!x || !y) return false; // bad_coordinates, no_location
    double px = *x, py = *y;
    if (to_working && !to_working->transform(px, py)) return false; // coordinates_out_of_range
    point.x = px;
    point.y = py;
    point.weight = 1; // police.uk rows carry no weight
    point.month = month;
    point.day = -1;   // nor a date finer than the month
    category = f[9];
    crime_id = f[0];
    return true;
}

std::array<std::string_view, 12> police_uk_fields(const Incident& i) {
    return {i.crime_id, i.month,     i.reported_by, i.falls_within, i.src_x,   i.src_y,
            i.location, i.lsoa_code, i.lsoa_name,   i.category,     i.outcome, i.context};
}

} // namespace safermap::io
