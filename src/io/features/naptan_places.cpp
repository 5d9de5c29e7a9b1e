// SPDX-License-Identifier: MIT
#include "io/features/naptan_places.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "core/text_encoding.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/features/point_csv.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace safermap::io {

namespace {

constexpr std::array<std::string_view, 6> k_required{"ATCOCode", "NptgLocalityCode", "LocalityName", "Easting", "Northing", "Status"};

// The National Grid's extent: every British easting and northing lies inside it.
constexpr double k_max_easting = 700000, k_max_northing = 1300000;

std::vector<std::string_view> missing_columns(const CsvHeader& header) {
    std::vector<std::string_view> out;
    for (auto name : k_required)
        if (header.find({name}) < 0) out.push_back(name);
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// NaPTAN writes "-" where a stop has no street name.
bool is_real_street(const std::string& street) { return !street.empty() && street != "-"; }

bool has_word_estate(const std::string& name) {
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        const char c = i < name.size() ? name[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (word == "estate") return true;
        word.clear();
    }
    return false;
}

struct Columns {
    int atco, common_name, street, locality_code, locality_name, parent, town, easting, northing, status;
};

// A stop's position, or why it has none.
std::optional<Rejection> read_position(const std::string& easting, const std::string& northing, XY& xy) {
    if (easting.empty() || northing.empty())
        return Rejection{"no_location", fmt::format("Easting '{}', Northing '{}': a stop needs both", easting, northing)};
    const auto e = parse_number(easting), n = parse_number(northing);
    if (!e || !n) return Rejection{"bad_coordinates", fmt::format("Easting '{}', Northing '{}' are not numbers", easting, northing)};
    // NaPTAN's placeholder for an unknown position is 0, 0.
    if (*e <= 0 || *n <= 0 || *e > k_max_easting || *n > k_max_northing)
        return Rejection{"coordinates_out_of_range",
                         fmt::format("Easting {}, Northing {} is not on the National Grid (0-{} E, 0-{} N)", *e, *n, k_max_easting,
                                     k_max_northing)};
    xy = XY{*e, *n};
    return std::nullopt;
}

} // namespace

bool is_naptan_stops_header(const std::vector<std::string>& header) { return missing_columns(CsvHeader(header)).empty(); }

bool is_naptan_stops_file(const std::string& path) {
    if (!is_csv_path(path)) return false;
    CsvReader reader(path);
    CsvRecord first;
    return reader.next(first) && is_naptan_stops_header(first.fields);
}

std::vector<NaptanStop> read_naptan_stops(const std::string& path, Rejects& rejects, RunReport& report) {
    CsvReader reader(path);
    CsvRecord record;
    if (!reader.next(record)) throw SchemaError(fmt::format("{}: empty file (no header row); a NaPTAN stops CSV was expected", path));
    const CsvHeader header(record.fields);
    if (auto missing = missing_columns(header); !missing.empty()) {
        std::string list;
        for (auto m : missing) list += fmt::format("{}{}", list.empty() ? "" : ", ", m);
        throw SchemaError(fmt::format("{}: line 1: not a NaPTAN stops CSV: no column {} (columns: {})", path, list, header.listing()));
    }
    const Columns c{header.find({"ATCOCode"}),         header.find({"CommonName"}),
                    header.find({"Street"}),           header.find({"NptgLocalityCode"}),
                    header.find({"LocalityName"}),     header.find({"ParentLocalityName"}),
                    header.find({"Town"}),             header.find({"Easting"}),
                    header.find({"Northing"}),         header.find({"Status"})};
    const std::string file_name = std::filesystem::path(path).filename().string();
    std::vector<NaptanStop> out;
    while (reader.next(record)) {
        ++report.rows_read;
        auto reject = [&](const Rejection& why) {
            rejects.add(report, RejectedRow{file_name, record.line, why.reason, why.detail, record.raw_view});
        };
        auto& f = record.fields;
        if (record.unterminated_quote) {
            reject({"unterminated_quote", "a quoted field runs to the end of the file"});
            continue;
        }
        if (f.size() != header.size()) {
            reject({f.size() < header.size() ? "short_row" : "long_row",
                    fmt::format("{} fields, the header has {}", f.size(), header.size())});
            continue;
        }
        bool transcoded = false;
        for (auto& field : f) {
            if (is_valid_utf8(field)) continue;
            field = cp1252_to_utf8(field);
            transcoded = true;
        }
        auto field = [&](int i) { return trimmed(field_or_empty(f, i)); };
        const std::string status = lower(field(c.status));
        if (status == "inactive" || status == "pending") {
            report.note(status + "_stop");
            continue;
        }
        if (status != "active") {
            reject({"bad_status", fmt::format("Status '{}' is not active, inactive or pending", field(c.status))});
            continue;
        }
        NaptanStop stop;
        if (auto why = read_position(field(c.easting), field(c.northing), stop.xy)) {
            reject(*why);
            continue;
        }
        stop.locality_code = field(c.locality_code);
        stop.locality_name = field(c.locality_name);
        if (stop.locality_code.empty() || stop.locality_name.empty()) {
            reject({"no_locality", fmt::format("NptgLocalityCode '{}', LocalityName '{}': a stop needs both", stop.locality_code,
                                               stop.locality_name)});
            continue;
        }
        stop.atco_code = field(c.atco);
        stop.common_name = field(c.common_name);
        stop.street = field(c.street);
        if (!is_real_street(stop.street)) {
            stop.street.clear();
            report.note("no_street");
        }
        stop.parent_name = field(c.parent);
        stop.town = field(c.town);
        stop.line = record.line;
        if (transcoded) report.note("transcoded_from_cp1252");
        out.push_back(std::move(stop));
        ++report.kept;
    }
    return out;
}

std::vector<Place> group_places(const std::vector<NaptanStop>& stops, std::size_t town_min_stops) {
    std::vector<Place> places;
    std::map<std::string, std::size_t> index; // locality code -> places[i]
    std::set<std::string> parents, towns;     // name_key of names used as parent or in Town
    std::vector<std::map<std::string, std::string>> streets; // per place: street key -> first spelling
    for (const auto& s : stops) {
        if (!s.parent_name.empty()) parents.insert(name_key(s.parent_name));
        if (!s.town.empty()) towns.insert(name_key(s.town));
        auto [it, added] = index.try_emplace(s.locality_code, places.size());
        if (added) {
            Place p;
            p.code = s.locality_code;
            p.name = s.locality_name;
            p.parent = s.parent_name;
            places.push_back(std::move(p));
            streets.emplace_back();
        }
        places[it->second].stops.push_back(s.xy);
        if (!s.street.empty()) streets[it->second].try_emplace(name_key(s.street), s.street);
    }
    for (std::size_t i = 0; i < places.size(); ++i) {
        Place& p = places[i];
        double sx = 0, sy = 0;
        p.min_x = p.max_x = p.stops.front().x;
        p.min_y = p.max_y = p.stops.front().y;
        for (const auto& xy : p.stops) {
            sx += xy.x;
            sy += xy.y;
            p.min_x = std::min(p.min_x, xy.x);
            p.max_x = std::max(p.max_x, xy.x);
            p.min_y = std::min(p.min_y, xy.y);
            p.max_y = std::max(p.max_y, xy.y);
        }
        const auto n = static_cast<double>(p.stops.size());
        p.centre = XY{sx / n, sy / n};
        for (const auto& xy : p.stops) p.radius_m = std::max(p.radius_m, std::hypot(xy.x - p.centre.x, xy.y - p.centre.y));
        for (const auto& [key, spelling] : streets[i]) p.streets.push_back(spelling);
        const std::string key = name_key(p.name);
        if ((parents.count(key) || towns.count(key)) && p.stops.size() >= town_min_stops) {
            p.kind = "town";
            p.rank = 1;
        } else if (!p.parent.empty()) {
            p.kind = has_word_estate(p.name) ? "estate" : "suburb";
            p.rank = 3;
        } else {
            p.kind = "village";
            p.rank = 2;
        }
    }
    std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.name != b.name) return a.name < b.name;
        return a.code < b.code;
    });
    return places;
}

} // namespace safermap::io
