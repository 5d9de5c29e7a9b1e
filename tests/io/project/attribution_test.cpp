// SPDX-License-Identifier: MIT
#include "io/project/attribution.hpp"
#include "io/project/import_job.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace safermap;

TEST_CASE("attribution lines follow what the project holds and what is shown", "[io][attribution]") {
    test::TempDir dir;
    io::ImportRequest req = test::request_in(dir);
    io::BoundarySpec wards, priority;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    priority.path = test::source_file("shapefiles/ashfield_priority_areas.geojson");
    priority.kind = AreaKind::priority;
    req.boundaries = {wards, priority};
    req.cctv_files = {test::source_file("assets/demo/cctv_illustrative.csv")};
    req.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz")};
    io::run_import(req);
    io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    const auto lines = io::project_attribution(store);
    auto shown = [&](std::set<std::string> layers) {
        return io::attribution_for(lines, [&](const std::string& l) { return layers.count(l) > 0; });
    };
    const std::string police = "Crime data: data.police.uk, Open Government Licence v3.0";
    const std::string ons = "Boundaries: Office for National Statistics, OGL v3.0; contains OS data © Crown copyright and database right";
    // Wards carry GSS codes (E05...): ONS; the priority areas are the partnership's own.
    CHECK(shown({"ward"}) == std::vector<std::string>{ons});
    CHECK(shown({"incidents", "ward"}) == std::vector<std::string>{police, ons});
    CHECK(shown({"priority"}) == std::vector<std::string>{"Areas (priority): drawn by the partnership"});
    CHECK(shown({"cctv"}) == std::vector<std::string>{"CCTV sites marked ILLUSTRATIVE are made up, not real positions"});
    CHECK(shown({}).empty());
    // Nothing here was geocoded, and no partner incident file was imported.
    for (const auto& l : lines) {
        CHECK(l.text.find("Royal Mail") == std::string::npos);
        CHECK(l.text.find("partner data") == std::string::npos);
    }
}
