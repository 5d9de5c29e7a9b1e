// SPDX-License-Identifier: MIT
#include "scene/map_scene.hpp"

#include "io/project/place_reader.hpp"

#include "geo/incident_location.hpp"
#include "core/error.hpp"
#include "io/incidents/harm_table.hpp"
#include "io/project/attribution.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_set>

namespace safermap::scene {

using namespace render; // the scene is built from render's GL-free geometry (meshes, bounds, colours)

namespace {

constexpr const char* k_area_order[] = {"district", "ward", "lsoa", "estate", "custom", "priority"};

WorldBounds extent_of(const geo::GeosContext& ctx, const GEOSGeometry* g) {
    WorldBounds b;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (g && GEOSGeom_getXMin_r(ctx.handle(), g, &x0) && GEOSGeom_getYMin_r(ctx.handle(), g, &y0) &&
        GEOSGeom_getXMax_r(ctx.handle(), g, &x1) && GEOSGeom_getYMax_r(ctx.handle(), g, &y1)) {
        b.include(x0, y0);
        b.include(x1, y1);
    }
    return b;
}

XY middle(const WorldBounds& b) { return XY{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2}; }

std::vector<AreaLayer> load_areas(io::ProjectStore& store, const geo::GeosContext& geos) {
    std::map<std::string, std::vector<io::StoredBoundary>> by_kind;
    for (const char* kind : k_area_order) {
        io::read_boundaries(store, fmt::format("kind = '{}'", kind), geos,
                            [&](io::StoredBoundary&& b) { by_kind[kind].push_back(std::move(b)); });
    }
    std::vector<AreaLayer> out;
    for (const char* kind : k_area_order) {
        auto it = by_kind.find(kind);
        if (it == by_kind.end() || it->second.empty()) continue;
        auto& list = it->second;
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        AreaLayer layer;
        layer.kind = kind;
        std::vector<geo::GeomPtr> geoms;
        for (auto& b : list) {
            layer.names.push_back(b.name);
            layer.codes.push_back(b.code);
            layer.attributes.push_back(b.attributes_json);
            layer.extents.push_back(extent_of(geos, b.geometry.get()));
            layer.bounds.include(layer.extents.back());
            geoms.push_back(std::move(b.geometry));
        }
        layer.polygons = std::make_unique<geo::PolygonIndex>(geos, std::move(geoms));
        std::vector<const GEOSGeometry*> raw;
        for (std::size_t i = 0; i < layer.polygons->size(); ++i) raw.push_back(layer.polygons->polygon(i));
        const XY origin = middle(layer.bounds);
        layer.fill = triangulate(geos, raw, origin);
        layer.lines = outline(geos, raw, origin);
        std::vector<double> lx, ly;
        layer.polygons->interior_points(lx, ly);
        for (std::size_t i = 0; i < lx.size(); ++i) layer.label_points.push_back(XY{lx[i], ly[i]});
        out.push_back(std::move(layer));
    }
    return out;
}

// Each incident's ward, by the one rule the CLI uses (geo::locate_incident).
std::vector<std::int32_t> wards_of(const IncidentLayer& l, const AreaLayer* wards) {
    std::vector<std::int32_t> out(l.x.size(), -1);
    if (!wards) return out;
    for (std::size_t i = 0; i < l.x.size(); ++i)
        if (auto w = geo::locate_incident(*wards->polygons, l.x[i], l.y[i])) out[i] = static_cast<std::int32_t>(*w);
    return out;
}

IncidentLayer load_incidents(const std::string& project, const AreaLayer* wards) {
    io::PointSet points = io::load_project_points(project, io::PointFilter{});
    IncidentLayer l;
    WorldBounds b;
    for (std::size_t i = 0; i < points.size(); ++i) b.include(points.x[i], points.y[i]);
    l.origin = b.min_x <= b.max_x ? middle(b) : XY{};
    l.x = std::move(points.x);
    l.y = std::move(points.y);
    l.ward = wards_of(l, wards);
    struct SpriteKey {
        float x, y;
        std::uint16_t category;
        std::int32_t month;
        bool operator==(const SpriteKey&) const = default;
    };
    struct SpriteHash {
        std::size_t operator()(const SpriteKey& k) const {
            std::uint32_t xi = 0, yi = 0;
            std::memcpy(&xi, &k.x, 4);
            std::memcpy(&yi, &k.y, 4);
            return (static_cast<std::size_t>(xi) * 0x9E3779B97F4A7C15ULL) ^ (static_cast<std::size_t>(yi) * 0xC2B2AE3D27D4EB4FULL) ^
                   (static_cast<std::size_t>(k.category) << 40) ^ static_cast<std::size_t>(k.month);
        }
    };
    std::unordered_set<SpriteKey, SpriteHash> seen;
    seen.reserve(l.x.size() / 4 + 16);
    for (std::size_t i = 0; i < l.x.size(); ++i) {
        const SpriteKey k{static_cast<float>(l.x[i] - l.origin.x), static_cast<float>(l.y[i] - l.origin.y), points.category[i],
                          points.month[i]};
        if (!seen.insert(k).second) continue;
        l.draw_xy.push_back(k.x);
        l.draw_xy.push_back(k.y);
        l.draw_category.push_back(k.category);
        l.draw_month.push_back(k.month);
        l.draw_ward.push_back(l.ward[i]);
    }
    l.category = std::move(points.category);
    l.month = std::move(points.month);
    l.categories = std::move(points.categories);
    for (auto m : l.month) {
        if (m < 0) continue;
        if (l.first_month < 0 || m < l.first_month) l.first_month = m;
        if (m > l.last_month) l.last_month = m;
    }
    auto it = points.report.notes_by_reason.find("not_geocoded");
    if (it != points.report.notes_by_reason.end()) l.not_geocoded = static_cast<std::size_t>(it->second);
    return l;
}

std::vector<CctvSite> load_cctv(io::ProjectStore& store) {
    std::vector<CctvSite> out;
    OGRLayer& l = store.layer(io::schema::k_cctv);
    l.ResetReading();
    for (auto& f : l) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        CctvSite s;
        s.xy = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        s.id = f->GetFieldAsString("site_id");
        s.name = f->GetFieldAsString("name");
        s.type = f->GetFieldAsString("type");
        s.install_date = f->GetFieldAsString("install_date");
        s.status = f->GetFieldAsString("status");
        s.funding = f->GetFieldAsString("funding");
        const int h = f->GetFieldIndex("heading_deg"), v = f->GetFieldIndex("fov_deg"), r = f->GetFieldIndex("range_m");
        s.has_direction = f->IsFieldSetAndNotNull(h) && f->IsFieldSetAndNotNull(v);
        s.heading_deg = f->GetFieldAsDouble(h);
        s.fov_deg = f->GetFieldAsDouble(v);
        s.range_m = f->IsFieldSetAndNotNull(r) ? f->GetFieldAsDouble(r) : 50.0;
        s.illustrative = f->GetFieldAsInteger("illustrative") != 0;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Intervention> load_interventions(io::ProjectStore& store, const geo::GeosContext& geos) {
    std::vector<Intervention> out;
    OGRLayer& l = store.layer(io::schema::k_interventions);
    l.ResetReading();
    for (auto& f : l) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        Intervention iv;
        iv.id = f->GetFieldAsString("intervention_id");
        iv.type = f->GetFieldAsString("type");
        iv.install_date = f->GetFieldAsString("install_date");
        iv.funding = f->GetFieldAsString("funding");
        iv.description = f->GetFieldAsString("description");
        iv.illustrative = f->GetFieldAsInteger("illustrative") != 0;
        std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
        g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
        iv.geometry = geo::read_wkb(geos, wkb);
        if (!iv.geometry) continue;
        geo::GeomPtr p = geo::make_geom(geos, GEOSPointOnSurface_r(geos.handle(), iv.geometry.get()));
        if (p) {
            GEOSGeomGetX_r(geos.handle(), p.get(), &iv.anchor.x);
            GEOSGeomGetY_r(geos.handle(), p.get(), &iv.anchor.y);
        }
        out.push_back(std::move(iv));
    }
    return out;
}

std::optional<WorldBounds> parse_bounds(const std::string& text) {
    std::stringstream s(text);
    WorldBounds b;
    char c1 = 0, c2 = 0, c3 = 0;
    double x0, y0, x1, y1;
    if (!(s >> x0 >> c1 >> y0 >> c2 >> x1 >> c3 >> y1) || c1 != ',' || c2 != ',' || c3 != ',') return std::nullopt;
    b.include(x0, y0);
    b.include(x1, y1);
    if (b.empty()) return std::nullopt;
    return b;
}

} // namespace

const AreaLayer* MapScene::area(const std::string& kind) const {
    for (const auto& a : areas)
        if (a.kind == kind) return &a;
    return nullptr;
}

const Bookmark* MapScene::bookmark(const std::string& n) const {
    for (const auto& b : bookmarks)
        if (b.name == n) return &b;
    return nullptr;
}

// The layer `safermap site --out PROJECT` writes, when there is one: point sites in rank order,
// their range and field of view from the layer's metadata.
void load_proposed(io::ProjectStore& store, MapScene& s) {
    OGRLayer* layer = store.dataset().GetLayerByName("proposed_sites");
    if (!layer) return;
    auto number = [&](const char* key, double fallback) {
        const char* v = layer->GetMetadataItem(key);
        if (!v) return fallback;
        char* end = nullptr;
        const double d = std::strtod(v, &end);
        return end != v && std::isfinite(d) ? d : fallback;
    };
    s.proposed_range_m = number("range_m", 0);
    s.proposed_fov_deg = number("fov_deg", 360);
    const OGRFeatureDefn* d = layer->GetLayerDefn();
    const int rank = d->GetFieldIndex("rank"), id = d->GetFieldIndex("candidate_id"), heading = d->GetFieldIndex("heading_deg"),
              marginal = d->GetFieldIndex("marginal_demand");
    layer->ResetReading();
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue; // street lines: not drawn as sites
        ProposedSite p;
        p.xy = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        if (rank >= 0) p.rank = f->GetFieldAsInteger(rank);
        if (id >= 0) p.id = f->GetFieldAsString(id);
        if (heading >= 0 && f->IsFieldSetAndNotNull(heading)) p.heading_deg = f->GetFieldAsDouble(heading);
        if (marginal >= 0) p.marginal_demand = f->GetFieldAsDouble(marginal);
        s.proposed.push_back(std::move(p));
    }
    std::sort(s.proposed.begin(), s.proposed.end(), [](const ProposedSite& a, const ProposedSite& b) { return a.rank < b.rank; });
}

// The bundled ONS Crime Severity Score per crime type; types without a weight take 0, said once.
void load_harm_weights(MapScene& s) {
    try {
        const io::HarmTable table = io::load_harm_table("ons-css");
        std::string zero;
        for (const auto& c : s.incidents.categories) {
            const auto w = table.find(c);
            s.harm_weight.push_back(w.value_or(0.0));
            if (!w) zero += (zero.empty() ? "" : ", ") + c;
        }
        s.harm_note = "Harm: ONS Crime Severity Score (days of custody), OGL v3.0";
        if (!zero.empty()) s.harm_note += "; weight 0 (no CSS weight): " + zero;
    } catch (const Error& e) {
        s.harm_weight.clear();
        s.harm_note = std::string("harm weights unavailable: ") + e.what();
    }
}

MapScene load_scene(const std::string& project, const geo::GeosContext& geos) {
    MapScene s;
    s.project = project;
    {
        io::ProjectStore store = io::ProjectStore::open(project, false);
        s.crs = store.working_crs();
        auto settings = store.settings();
        s.name = settings.count("name") ? settings["name"] : project;
        s.areas = load_areas(store, geos);
        s.cctv = load_cctv(store);
        s.interventions = load_interventions(store, geos);
        for (const auto& a : s.areas) s.bounds.include(a.bounds);
        const AreaLayer* whole = s.area("district");
        s.bookmarks.push_back(Bookmark{"Whole area", whole ? whole->bounds : s.bounds});
        if (const AreaLayer* p = s.area("priority"))
            for (std::size_t i = 0; i < p->names.size(); ++i) s.bookmarks.push_back(Bookmark{p->names[i], p->extents[i]});
        for (const auto& [key, value] : settings) {
            if (key.rfind("view:", 0) != 0) continue;
            auto b = parse_bounds(value);
            if (!b) throw SchemaError(fmt::format("{}: setting '{}' = '{}' is not xmin,ymin,xmax,ymax", project, key, value));
            s.bookmarks.push_back(Bookmark{key.substr(5), *b});
        }
    }
    s.incidents = load_incidents(project, s.area("ward"));
    load_harm_weights(s);
    for (std::size_t i = 0; i < s.incidents.size(); ++i) s.bounds.include(s.incidents.x[i], s.incidents.y[i]);
    {
        io::ProjectStore store = io::ProjectStore::open(project, false);
        s.attribution = io::project_attribution(store);
        load_proposed(store, s);
        for (const auto& p : io::read_places(store)) s.places.push_back(PlaceLabel{p.name, p.kind, p.rank, p.centre, p.radius_m});
    }
    if (!s.cctv.empty()) s.camera_records = io::load_project_cctv(project);
    {
    }
    return s;
}

void save_bookmark(const std::string& project, const Bookmark& b) {
    io::ProjectStore store = io::ProjectStore::open(project, true);
    store.set_setting("view:" + b.name, fmt::format("{:.1f},{:.1f},{:.1f},{:.1f}", b.bounds.min_x, b.bounds.min_y, b.bounds.max_x, b.bounds.max_y));
    store.close();
}

bool IncidentFilter::passes(const IncidentLayer& l, std::size_t i) const {
    const std::int32_t m = l.month[i];
    if (from_month >= 0 && (m < 0 || m < from_month)) return false;
    if (to_month >= 0 && (m < 0 || m > to_month)) return false;
    if (!categories.empty() && l.category[i] < categories.size() && !categories[l.category[i]]) return false;
    if (ward >= 0 && l.ward[i] != ward) return false;
    if (area_mask && !(*area_mask)[i]) return false;
    return true;
}

} // namespace safermap::scene
