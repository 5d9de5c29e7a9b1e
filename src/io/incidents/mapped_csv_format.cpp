// SPDX-License-Identifier: MIT
#include "io/incidents/mapped_csv_format.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "geo/reprojector.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace safermap::io {

bool IncidentColumns::any() const {
    return has_xy() || has_lonlat() || !crs.empty() || !date.empty() || !category.empty() || !address.empty() ||
           !postcode.empty() || !weight.empty() || !id.empty();
}

namespace {
int find_column(const std::string& path, const std::vector<std::string>& header, const std::string& name,
                const char* flag) {
    if (name.empty()) return -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    std::string names;
    for (std::size_t i = 0; i < header.size(); ++i) names += fmt::format("{}'{}'", i ? ", " : "", header[i]);
    throw SchemaError(fmt::format("{}: line 1: no column '{}' (given by {}); the header has {}", path, name, flag, names));
}
} // namespace

MappedCsvFormat::MappedCsvFormat(const std::string& path, const std::vector<std::string>& header,
                                 const IncidentColumns& c)
    : m_header(header), m_mapped(header.size(), false) {
    if (c.has_xy() && c.has_lonlat())
        throw ConfigError(fmt::format("{}: give either --x/--y or --lon/--lat, not both", path));
    if (c.has_xy() && (c.x.empty() || c.y.empty()))
        throw ConfigError(fmt::format("{}: --x and --y must be given together", path));
    if (c.has_lonlat() && (c.lon.empty() || c.lat.empty()))
        throw ConfigError(fmt::format("{}: --lon and --lat must be given together", path));
    if (c.has_xy() && c.crs.empty())
        throw ConfigError(fmt::format("{}: --x/--y need --crs (e.g. EPSG:27700 for British National Grid)", path));
    if (!c.has_xy() && !c.has_lonlat() && c.address.empty() && c.postcode.empty())
        throw ConfigError(fmt::format(
            "{}: not a police.uk file, and no columns to place its rows by: give --x/--y with --crs, --lon/--lat, "
            "--address or --postcode",
            path));
    m_crs = c.has_lonlat() ? (c.crs.empty() ? "EPSG:4326" : c.crs) : c.crs;
    m_x = find_column(path, header, c.has_xy() ? c.x : c.lon, c.has_xy() ? "--x" : "--lon");
    m_y = find_column(path, header, c.has_xy() ? c.y : c.lat, c.has_xy() ? "--y" : "--lat");
    m_date = find_column(path, header, c.date, "--date");
    m_category = find_column(path, header, c.category, "--category");
    m_address = find_column(path, header, c.address, "--address");
    m_postcode = find_column(path, header, c.postcode, "--postcode");
    m_weight = find_column(path, header, c.weight, "--weight");
    m_id = find_column(path, header, c.id, "--id");
    for (int i : {m_x, m_y, m_date, m_category, m_address, m_postcode, m_weight, m_id}) {
        if (i >= 0) m_mapped[static_cast<std::size_t>(i)] = true;
    }
}

std::optional<Rejection> MappedCsvFormat::parse(const CsvRecord& record, Incident& inc) const {
    const auto& f = record.fields;
    if (f.size() < m_header.size())
        return Rejection{"short_row", fmt::format("{} fields, the header has {}", f.size(), m_header.size())};
    if (f.size() > m_header.size())
        return Rejection{"long_row", fmt::format("{} fields, the header has {}", f.size(), m_header.size())};
    auto get = [&](int i) -> const std::string& {
        static const std::string k_empty;
        return i >= 0 ? f[static_cast<std::size_t>(i)] : k_empty;
    };
    if (m_date >= 0) {
        auto date = parse_date(get(m_date));
        if (!date) return Rejection{"bad_date", fmt::format("date '{}' is not a date SaferMap reads", get(m_date))};
        inc.occurred = date->iso.size() > 7 ? date->iso : "";
        inc.month = date->month;
    }
    if (m_weight >= 0 && !get(m_weight).empty()) {
        auto w = parse_number(get(m_weight));
        if (!w || *w < 0) return Rejection{"bad_weight", fmt::format("weight '{}' is not a number >= 0", get(m_weight))};
        inc.weight = *w;
    }
    inc.crime_id = get(m_id);
    inc.category = get(m_category);
    inc.address = get(m_address);
    inc.postcode = get(m_postcode);
    inc.src_x = get(m_x);
    inc.src_y = get(m_y);
    inc.src_crs = m_crs;
    inc.source_format = "csv";
    nlohmann::ordered_json attributes = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (!m_mapped[i]) attributes[m_header[i]] = f[i];
    }
    inc.attributes_json = attributes.empty() ? "" : attributes.dump();
    return std::nullopt;
}

bool MappedCsvFormat::parse_point(std::span<const std::string_view> f, const geo::Reprojector* to_working, PointDates& dates,
                                  PointRow& point, std::string_view& category) const {
    // Each test below is one of parse()'s or place_incident()'s, in the form that passes.
    if (f.size() != m_header.size()) return false; // short_row, long_row
    auto get = [&](int i) { return i >= 0 ? f[static_cast<std::size_t>(i)] : std::string_view(); };
    std::int32_t month = -1, day = -1;
    if (m_date >= 0 && !dates.read(get(m_date), month, day)) return false; // bad_date
    double weight = 1;
    if (m_weight >= 0 && !get(m_weight).empty()) {
        auto w = parse_number(get(m_weight));
        if (!w || *w < 0) return false; // bad_weight
        weight = *w;
    }
    // Two numbers are never blank, so the address rules for blank coordinates do not arise.
    const auto x = parse_number(get(m_x)), y = parse_number(get(m_y));
    if (!x || !y) return false; // bad_coordinates, no_location, or not geocoded yet
    double px = *x, py = *y;
    if (to_working && !to_working->transform(px, py)) return false; // coordinates_out_of_range
    point.x = px;
    point.y = py;
    point.weight = weight;
    point.month = month;
    point.day = day;
    category = get(m_category);
    return true;
}

} // namespace safermap::io
