// SPDX-License-Identifier: MIT
#include "geocode/address_sources.hpp"

#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "geocode/postcode.hpp"
#include "geocode/street_names.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <memory>

namespace safermap::geocode {

void read_address_file(const std::string& path, const std::function<void(const AddressRecord&)>& on_record, Rejects& rejects,
                       RunReport& report) {
    io::CsvReader reader(path);
    io::CsvRecord r;
    if (!reader.next(r)) throw SchemaError(fmt::format("{}: empty file", path));
    const io::CsvHeader h(r.fields);
    const int uprn = h.find({"uprn", "id", "address_id"});
    const int flat = h.find({"sub_building_name", "sao_text", "flat", "sub_building"});
    const int number = h.find({"building_number", "pao_start_number", "number", "house_number"});
    const int building = h.find({"building_name", "pao_text", "building"});
    const int street = h.find({"street_description", "thoroughfare", "street", "street_name"});
    const int town = h.find({"town_name", "post_town", "locality", "town", "dependent_locality"});
    const int postcode = h.find({"postcode", "postcode_locator", "post_code"});
    const int x = h.find({"x_coordinate", "easting", "x"}), y = h.find({"y_coordinate", "northing", "y"});
    const int lat = h.find({"latitude", "lat"}), lon = h.find({"longitude", "lon", "long"});
    if (street < 0 || ((x < 0 || y < 0) && (lat < 0 || lon < 0)))
        throw SchemaError(fmt::format("{}: not an address file: need a street column (street_description, thoroughfare, "
                                      "street) and x_coordinate/y_coordinate or latitude/longitude; found: {}",
                                      path, h.listing()));
    const bool use_xy = x >= 0 && y >= 0;
    std::unique_ptr<geo::Reprojector> to_bng;
    if (!use_xy) to_bng = std::make_unique<geo::Reprojector>("EPSG:4326", "EPSG:27700");
    AddressRecord a;
    while (reader.next(r)) {
        ++report.rows_read;
        const auto& f = r.fields;
        auto reject = [&](std::string_view reason, const std::string& detail) {
            rejects.add(report, RejectedRow{path, r.line, reason, detail, r.raw});
        };
        a.uprn = io::field_or_empty(f, uprn).empty() ? fmt::format("{}:{}", path, r.line) : io::field_or_empty(f, uprn);
        a.flat = io::field_or_empty(f, flat);
        a.number = io::field_or_empty(f, number);
        a.building = io::field_or_empty(f, building);
        a.street = io::field_or_empty(f, street);
        a.street_key = street_key(a.street);
        a.locality = io::field_or_empty(f, town);
        auto pc = parse_postcode(io::field_or_empty(f, postcode));
        a.postcode = pc ? pc->formatted : std::string();
        if (a.street_key.empty() || (a.number.empty() && a.building.empty())) {
            reject("incomplete_address", "an address point needs a street and a number or building name");
            continue;
        }
        auto px = io::parse_number(io::field_or_empty(f, use_xy ? x : lon)), py = io::parse_number(io::field_or_empty(f, use_xy ? y : lat));
        if (px && py && to_bng && !to_bng->transform(*px, *py)) px.reset();
        if (!px || !py) {
            reject("no_coordinates", fmt::format("address {} has no usable coordinates", a.uprn));
            continue;
        }
        a.xy = XY{*px, *py};
        ++report.kept;
        on_record(a);
    }
}

} // namespace safermap::geocode
