// SPDX-License-Identifier: MIT
#include "geocode/gazetteer_fixture.hpp"

#include <fmt/format.h>

#include <memory>

namespace safermap::test {

geocode::GazetteerInputs ashfield_gazetteer_inputs() {
    geocode::GazetteerInputs in;
    in.postcodes = {source_file("assets/gazetteer/codepoint/ng.csv.gz"), test_data("geocode/onspd_style.csv")};
    for (int m = 1; m <= 12; ++m) in.policeuk.push_back(source_file(fmt::format("assets/demo/policeuk/2025-{:02}-ashfield-street.csv.gz", m)));
    in.localities = {source_file("shapefiles/ashfield_wards_dec2020.shp"), source_file("shapefiles/ashfield_district_2020.geojson")};
    in.addresses = {test_data("geocode/address_points.csv")};
    return in;
}

const std::string& ashfield_gazetteer() {
    static TempDir dir;
    static const std::string path = [] {
        std::string p = dir.file("ashfield-gazetteer.gpkg");
        auto in = ashfield_gazetteer_inputs();
        in.rejects_path = dir.file("gazetteer-rejects.csv");
        geocode::build_gazetteer(p, in);
        return p;
    }();
    return path;
}

} // namespace safermap::test
