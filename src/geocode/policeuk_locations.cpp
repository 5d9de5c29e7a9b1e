// SPDX-License-Identifier: MIT
#include "geocode/policeuk_locations.hpp"

#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "geocode/street_names.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/incidents/police_uk_format.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>

namespace safermap::geocode {

namespace {

// police.uk's generic location labels, as they appear after "On or near ".
constexpr std::array<std::string_view, 18> k_places{
    "Supermarket",        "Parking Area",       "Shopping Area",          "Petrol Station",
    "Sports/Recreation Area", "Hospital",       "Nightclub",              "Police Station",
    "Park/Open Space",    "Bus/Coach Station",  "Theatre/Concert Hall",   "Further/Higher Educational Building",
    "Prison",             "Airport/Airfield",   "Conference/Exhibition Centre", "Pedestrian Subway",
    "Theme/Adventure Park", "Railway Station"};

constexpr std::string_view k_prefix = "On or near ";

} // namespace

std::string location_id(const PoliceUkLocation& l) {
    return fmt::format("{}\x1f{}\x1f{:.1f}\x1f{:.1f}", l.location, l.lsoa_code, l.xy.x, l.xy.y);
}

bool is_policeuk_place(std::string_view location) {
    for (auto p : k_places)
        if (p == location) return true;
    return false;
}

std::string district_of_lsoa_name(std::string_view name) {
    // "Ashfield 001A", "Newark and Sherwood 012C": the last word is three digits and a letter.
    const std::size_t space = name.rfind(' ');
    if (space == std::string_view::npos) return std::string(name);
    const std::string_view last = name.substr(space + 1);
    if (last.size() == 4 && std::isdigit(static_cast<unsigned char>(last[0])) && std::isdigit(static_cast<unsigned char>(last[1])) &&
        std::isdigit(static_cast<unsigned char>(last[2])) && std::isalpha(static_cast<unsigned char>(last[3])))
        return std::string(name.substr(0, space));
    return std::string(name);
}

void read_policeuk_locations(const std::string& path, PoliceUkLocations& locations, Rejects& rejects, RunReport& report) {
    io::CsvReader reader(path);
    io::CsvRecord record;
    if (!reader.next(record) || !io::is_police_uk_header(record.fields))
        throw SchemaError(fmt::format("{}: not a police.uk street-level CSV (the header must be: Crime ID, Month, "
                                      "Reported by, Falls within, Longitude, Latitude, Location, LSOA code, ...)",
                                      path));
    const geo::Reprojector to_bng("EPSG:4326", "EPSG:27700");
    Incident inc;
    PoliceUkLocation loc;
    while (reader.next(record)) {
        ++report.rows_read;
        auto reject = [&](std::string_view reason, const std::string& detail) {
            rejects.add(report, RejectedRow{path, record.line, reason, detail, record.raw});
        };
        inc.clear();
        if (auto why = io::parse_police_uk_row(record, inc)) {
            reject(why->reason, why->detail);
            continue;
        }
        if (inc.location.rfind(k_prefix, 0) != 0) {
            reject("no_location", fmt::format("Location '{}' is not 'On or near ...'", inc.location));
            continue;
        }
        auto lon = io::parse_number(inc.src_x);
        auto lat = io::parse_number(inc.src_y);
        if (!lon || !lat) {
            reject("no_coordinates", "the row has no longitude/latitude");
            continue;
        }
        double x = *lon, y = *lat;
        if (!to_bng.transform(x, y)) {
            reject("outside_crs_area", fmt::format("({}, {}) is outside British National Grid's area", *lon, *lat));
            continue;
        }
        loc.location = inc.location.substr(k_prefix.size());
        loc.lsoa_code = inc.lsoa_code;
        loc.xy = XY{std::round(x * 10) / 10, std::round(y * 10) / 10};
        auto [it, added] = locations.try_emplace(location_id(loc));
        PoliceUkLocation& l = it->second;
        if (added) {
            l.location = loc.location;
            l.key = street_key(l.location);
            l.kind = is_policeuk_place(l.location) ? "place" : "street";
            l.lsoa_code = inc.lsoa_code;
            l.lsoa_name = inc.lsoa_name;
            l.district = district_of_lsoa_name(inc.lsoa_name);
            l.xy = loc.xy;
            l.first_month = l.last_month = inc.month;
        }
        ++l.incidents;
        if (inc.month < l.first_month) l.first_month = inc.month;
        if (inc.month > l.last_month) l.last_month = inc.month;
        ++report.kept;
    }
}

} // namespace safermap::geocode
