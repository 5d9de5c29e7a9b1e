// SPDX-License-Identifier: MIT
#include "geocode/postcode_sources.hpp"

#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "geocode/postcode.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>

namespace safermap::geocode {

namespace {

// Where each value sits in a row of one of the formats.
struct Layout {
    std::string format;
    bool has_header = true;
    int postcode = -1, x = -1, y = -1, lat = -1, lon = -1, quality = -1, terminated = -1, district = -1, ward = -1;
};

constexpr std::size_t k_codepoint_columns = 10;

bool looks_like_codepoint_row(const std::vector<std::string>& fields) {
    return fields.size() == k_codepoint_columns && parse_postcode(fields[0]) && io::parse_number(fields[2]) &&
           io::parse_number(fields[3]);
}

Layout detect_layout(const std::vector<std::string>& first, const std::string& path) {
    if (looks_like_codepoint_row(first)) {
        // Code-Point Open's Doc/Code-Point_Open_Column_Headers.csv: Postcode, PQI, Eastings,
        // Northings, Country, NHS regional HA, NHS HA, Admin county, Admin district, Admin ward.
        return Layout{"codepoint_open", false, 0, 2, 3, -1, -1, 1, -1, 8, 9};
    }
    io::CsvHeader h(first);
    Layout l;
    if (h.find({"pcds", "pcd", "pcd7", "pcd8"}) >= 0) {
        l.format = "onspd";
        l.postcode = h.find({"pcds", "pcd", "pcd7", "pcd8"});
        l.x = h.find({"oseast1m", "east1m"});
        l.y = h.find({"osnrth1m", "north1m"});
        l.lat = h.find({"lat"});
        l.lon = h.find({"long", "lon"});
        l.quality = h.find({"osgrdind"});
        l.terminated = h.find({"doterm"});
        l.district = h.find({"oslaua", "laua", "lad25cd", "lad24cd", "lad23cd", "lad22cd", "lad21cd", "lad20cd"});
        l.ward = h.find({"osward", "ward", "wd25cd", "wd24cd", "wd23cd", "wd22cd", "wd21cd", "wd20cd"});
    } else {
        l.format = "postcode_csv";
        l.postcode = h.find({"postcode", "post code", "postcode_unit", "postcode unit"});
        l.x = h.find({"easting", "eastings", "x", "x_coordinate"});
        l.y = h.find({"northing", "northings", "y", "y_coordinate"});
        l.lat = h.find({"latitude", "lat"});
        l.lon = h.find({"longitude", "long", "lon", "lng"});
        l.quality = h.find({"positional_quality_indicator", "pqi", "quality", "positional_quality"});
        l.terminated = h.find({"terminated", "date_terminated", "doterm", "date_of_termination"});
        l.district = h.find({"admin_district_code", "district_code", "lad_code", "district"});
        l.ward = h.find({"admin_ward_code", "ward_code", "ward"});
    }
    const bool has_xy = l.x >= 0 && l.y >= 0;
    const bool has_lonlat = l.lat >= 0 && l.lon >= 0;
    if (l.postcode < 0 || (!has_xy && !has_lonlat))
        throw SchemaError(fmt::format(
            "{}: not a postcode file: expected OS Code-Point Open rows (no header), an ONS Postcode Directory/NSPL "
            "header (pcds, oseast1m, osnrth1m) or a header with postcode and easting/northing or latitude/longitude "
            "columns; found: {}",
            path, h.listing()));
    return l;
}

// ONSPD's doterm is YYYYMM; other files may write YYYY-MM or a date.
std::string terminated_month(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos) return text.substr(0, 4) + "-" + text.substr(4);
    if (text.size() >= 7 && text[4] == '-') return text.substr(0, 7);
    return text;
}

} // namespace

std::string read_postcode_file(const std::string& path, const std::function<void(const PostcodeRecord&)>& on_record,
                               Rejects& rejects, RunReport& report) {
    io::CsvReader reader(path);
    io::CsvRecord record;
    if (!reader.next(record)) throw SchemaError(fmt::format("{}: empty file", path));
    const Layout layout = detect_layout(record.fields, path);
    const bool use_xy = layout.x >= 0 && layout.y >= 0;
    std::unique_ptr<geo::Reprojector> to_bng;
    if (!use_xy) to_bng = std::make_unique<geo::Reprojector>("EPSG:4326", "EPSG:27700");
    const geo::Bounds gb{0, 0, 700000, 1300000}; // the National Grid's extent

    bool pending = !layout.has_header; // the first record is data
    PostcodeRecord out;
    while (pending || reader.next(record)) {
        pending = false;
        ++report.rows_read;
        auto reject = [&](std::string_view reason, const std::string& detail) {
            rejects.add(report, RejectedRow{path, record.line, reason, detail, record.raw});
        };
        const auto& f = record.fields;
        const std::string pc_text = io::field_or_empty(f, layout.postcode);
        auto pc = parse_postcode(pc_text);
        if (!pc) {
            reject("bad_postcode", fmt::format("'{}' is not a UK postcode", pc_text));
            continue;
        }
        std::optional<double> x, y;
        if (use_xy) {
            x = io::parse_number(io::field_or_empty(f, layout.x));
            y = io::parse_number(io::field_or_empty(f, layout.y));
        } else {
            x = io::parse_number(io::field_or_empty(f, layout.lon));
            y = io::parse_number(io::field_or_empty(f, layout.lat));
            if (x && y && !(*y >= 99.0) && !to_bng->transform(*x, *y)) x.reset();
            if (y && *y >= 99.0) x.reset(); // ONSPD writes 99.999999 for "no coordinates"
        }
        const std::string quality_text = io::field_or_empty(f, layout.quality);
        const auto quality = io::parse_number(quality_text);
        if (!x || !y || (*x == 0 && *y == 0) || (quality && (*quality == 90 || *quality == 9))) {
            reject("no_coordinates", fmt::format("postcode {} has no usable coordinates", pc->formatted));
            continue;
        }
        if (!gb.contains(*x, *y)) {
            reject("outside_great_britain", fmt::format("postcode {} at ({}, {}) is off the National Grid", pc->formatted, *x, *y));
            continue;
        }
        out.postcode = pc->formatted;
        out.sector = pc->sector;
        out.x = *x;
        out.y = *y;
        out.quality = quality ? static_cast<int>(*quality) : 0;
        out.terminated = terminated_month(io::field_or_empty(f, layout.terminated));
        out.district_code = io::field_or_empty(f, layout.district);
        out.ward_code = io::field_or_empty(f, layout.ward);
        if (pc->corrected || pc->formatted != pc_text) report.note(pc->corrected ? "postcode_slip_mended" : "postcode_reformatted");
        ++report.kept;
        on_record(out);
    }
    return layout.format;
}

} // namespace safermap::geocode
