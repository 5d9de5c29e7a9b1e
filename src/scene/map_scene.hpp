// SPDX-License-Identifier: MIT
#pragma once
// Everything the viewer shows, loaded from a project and prepared for drawing without a GL
// context: boundary layers triangulated once, incidents as compact float arrays with their
// category and month for filtering on the GPU, CCTV sites, interventions and saved views.

#include "core/incident.hpp"
#include "geo/geos_context.hpp"
#include "geo/polygon_index.hpp"
#include "io/features/siting_inputs.hpp"
#include "io/project/attribution.hpp"
#include "render/camera.hpp"
#include "render/tessellate.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace safermap::scene {

using render::Mesh;
using render::WorldBounds;

struct AreaLayer {
    std::string kind; // district, ward, lsoa, priority, estate, custom
    std::vector<std::string> names, codes;
    std::vector<std::string> attributes;           // other source fields, JSON ("" when none)
    std::unique_ptr<geo::PolygonIndex> polygons; // owns the geometries, in name order
    Mesh fill, lines;
    std::vector<XY> label_points;      // a point inside each polygon
    std::vector<WorldBounds> extents;  // of each polygon
    WorldBounds bounds;
};

struct IncidentLayer {
    XY origin;
    std::vector<double> x, y;          // world, for analysis and picking
    std::vector<std::uint16_t> category;
    std::vector<std::int32_t> month;   // months since year 0; -1 unknown
    std::vector<std::int32_t> ward;    // index into the ward layer (within 150 m); -1 none or no wards
    // What the GPU draws: one sprite per distinct position, type and month. police.uk moves
    // every crime onto a shared snap point, so identical sprites would only overdraw each
    // other; filtering by month and type still works per sprite.
    std::vector<float> draw_xy;        // relative to origin
    std::vector<std::uint16_t> draw_category;
    std::vector<std::int32_t> draw_month;
    std::vector<std::int32_t> draw_ward;
    std::vector<std::string> categories;
    std::int32_t first_month = -1, last_month = -1;
    std::size_t not_geocoded = 0;      // in the project but without a position
    std::size_t size() const { return x.size(); }
};

struct CctvSite {
    XY xy;
    std::string id, name, type, install_date, status, funding;
    double heading_deg = 0, fov_deg = 0, range_m = 0;
    bool has_direction = false;        // heading and field of view are known
    bool illustrative = false;
};

// A site proposed by `safermap site --out PROJECT` (its layer proposed_sites), in rank order.
struct ProposedSite {
    XY xy;
    int rank = 0;
    std::string id;
    std::optional<double> heading_deg; // fixed cameras; none for PTZ and lighting
    double marginal_demand = 0;
};

struct Intervention {
    std::string id, type, install_date, funding, description;
    bool illustrative = false;
    geo::GeomPtr geometry;
    XY anchor;                         // where its symbol goes
};

// A named place to orient by (a NaPTAN locality: town, village, suburb or estate), labelled
// on maps with towns largest (rank 1) and estates smallest.
struct PlaceLabel {
    std::string name, kind;
    int rank = 3;
    XY xy;
    double radius_m = 0;
};

struct Bookmark {
    std::string name;
    WorldBounds bounds;
};

struct MapScene {
    std::string project, name, crs;
    std::vector<AreaLayer> areas;      // in drawing order: district, ward, lsoa, estate, custom, priority
    IncidentLayer incidents;
    std::vector<CctvSite> cctv;
    std::vector<io::ExistingCamera> camera_records; // the same cameras as `safermap site` counts them (range, sector)
    std::vector<Intervention> interventions;
    std::vector<ProposedSite> proposed;   // empty when the project holds no proposed_sites layer
    double proposed_range_m = 0, proposed_fov_deg = 360; // from that layer's metadata
    std::vector<PlaceLabel> places;    // from the project's places layer; empty without one
    std::vector<Bookmark> bookmarks;   // "Whole area", priority areas, then views saved in settings
    WorldBounds bounds;
    std::vector<io::AttributionLine> attribution; // what each layer's data is owed; show with io::attribution_for
    // The bundled ONS Crime Severity Score weight of each crime type (index as
    // incidents.categories), for weighing analyses by harm; empty when the table is unavailable.
    // Types the table lacks (anti-social behaviour) weigh 0, and harm_note says so.
    std::vector<double> harm_weight;
    std::string harm_note;

    const AreaLayer* area(const std::string& kind) const;
    const Bookmark* bookmark(const std::string& name) const;
};

// Reads the project. Throws IoError/SchemaError naming it.
MapScene load_scene(const std::string& project, const geo::GeosContext& geos);

// Views saved in the project's settings as "view:<name>" = "xmin,ymin,xmax,ymax".
void save_bookmark(const std::string& project, const Bookmark& bookmark);

// Which incidents to show and analyse.
struct IncidentFilter {
    std::int32_t from_month = -1, to_month = -1;  // inclusive; -1 open
    std::vector<bool> categories;                 // empty: all
    std::int32_t ward = -1;                       // only incidents in this ward; -1 all
    // Only incidents flagged 1 here (one flag per incident of the layer): any other area, such
    // as a priority area or an estate's catchment; null for none.
    std::shared_ptr<const std::vector<std::uint8_t>> area_mask;
    std::string area_label;                       // what the area is, in words; empty for none
    std::vector<double> category_weight;          // weight per category index (harm); empty: each counts 1
    bool passes(const IncidentLayer& layer, std::size_t i) const;
    double weight(const IncidentLayer& layer, std::size_t i) const {
        return category_weight.empty() ? 1.0 : category_weight[layer.category[i]];
    }
};

} // namespace safermap::scene
