// SPDX-License-Identifier: MIT
#include "geocode/street_sources.hpp"

#include "core/error.hpp"
#include "geocode/street_names.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/features/naptan_places.hpp"
#include "io/features/point_csv.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>

#include <ogr_spatialref.h>

#include <array>
#include <memory>

namespace safermap::geocode {

namespace {

// OS_Open_Names_Header.csv, for the headerless data files OS publishes.
constexpr std::array<std::string_view, 34> k_open_names_header{
    "ID", "NAMES_URI", "NAME1", "NAME1_LANG", "NAME2", "NAME2_LANG", "TYPE", "LOCAL_TYPE", "GEOMETRY_X", "GEOMETRY_Y",
    "MOST_DETAIL_VIEW_RES", "LEAST_DETAIL_VIEW_RES", "MBR_XMIN", "MBR_YMIN", "MBR_XMAX", "MBR_YMAX", "POSTCODE_DISTRICT",
    "POSTCODE_DISTRICT_URI", "POPULATED_PLACE", "POPULATED_PLACE_URI", "POPULATED_PLACE_TYPE", "DISTRICT_BOROUGH",
    "DISTRICT_BOROUGH_URI", "DISTRICT_BOROUGH_TYPE", "COUNTY_UNITARY", "COUNTY_UNITARY_URI", "COUNTY_UNITARY_TYPE", "REGION",
    "REGION_URI", "COUNTRY", "COUNTRY_URI", "RELATED_SPATIAL_OBJECT", "SAME_AS_DBPEDIA", "SAME_AS_GEONAMES"};

constexpr double k_vertex_spacing_m = 50; // densify centrelines so that nearest-vertex tests work

bool is_open_names_csv(const std::string& path, io::CsvHeader& header, bool& headerless) {
    if (!io::is_csv_path(path)) return false;
    io::CsvReader reader(path);
    io::CsvRecord first;
    if (!reader.next(first)) return false;
    headerless = first.fields.size() == k_open_names_header.size() &&
                 first.fields[1].rfind("http://data.ordnancesurvey.co.uk/id/", 0) == 0;
    if (headerless) {
        header = io::CsvHeader(std::vector<std::string>(k_open_names_header.begin(), k_open_names_header.end()));
        return true;
    }
    header = io::CsvHeader(first.fields);
    return header.find({"NAME1"}) >= 0 && header.find({"LOCAL_TYPE"}) >= 0 && header.find({"GEOMETRY_X"}) >= 0;
}

StreetSource read_open_names(const std::string& path, const io::CsvHeader& h, bool headerless, Rejects& rejects,
                             RunReport& report) {
    StreetSource out;
    out.format = "open_names";
    const int name = h.find({"NAME1"}), type = h.find({"TYPE"}), local_type = h.find({"LOCAL_TYPE"}),
              gx = h.find({"GEOMETRY_X"}), gy = h.find({"GEOMETRY_Y"}), place = h.find({"POPULATED_PLACE"}),
              district = h.find({"DISTRICT_BOROUGH"}), x0 = h.find({"MBR_XMIN"}), y0 = h.find({"MBR_YMIN"}),
              x1 = h.find({"MBR_XMAX"}), y1 = h.find({"MBR_YMAX"});
    io::CsvReader reader(path);
    io::CsvRecord r;
    if (!headerless) reader.next(r);
    while (reader.next(r)) {
        ++report.rows_read;
        const auto& f = r.fields;
        auto reject = [&](std::string_view reason, const std::string& detail) {
            rejects.add(report, RejectedRow{path, r.line, reason, detail, r.raw});
        };
        const std::string lt = io::field_or_empty(f, local_type);
        const auto x = io::parse_number(io::field_or_empty(f, gx)), y = io::parse_number(io::field_or_empty(f, gy));
        if (io::field_or_empty(f, name).empty() || !x || !y) {
            reject("no_name_or_point", "an Open Names row needs NAME1, GEOMETRY_X and GEOMETRY_Y");
            continue;
        }
        if (lt == "Named Road") {
            StreetPiece p;
            p.name = io::field_or_empty(f, name);
            p.key = street_key(p.name);
            p.locality = io::field_or_empty(f, place).empty() ? io::field_or_empty(f, district) : io::field_or_empty(f, place);
            p.kind = "street";
            p.points = {XY{*x, *y}};
            out.pieces.push_back(std::move(p));
            ++report.kept;
        } else if (io::field_or_empty(f, type) == "populatedPlace") {
            const auto a = io::parse_number(io::field_or_empty(f, x0)), b = io::parse_number(io::field_or_empty(f, y0)), c = io::parse_number(io::field_or_empty(f, x1)),
                       d = io::parse_number(io::field_or_empty(f, y1));
            if (!a || !b || !c || !d) {
                reject("no_extent", "a populated place needs MBR_XMIN, MBR_YMIN, MBR_XMAX and MBR_YMAX");
                continue;
            }
            std::string kind = lt;
            for (auto& ch : kind) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.localities.push_back(LocalityBox{io::field_or_empty(f, name), kind, *a, *b, *c, *d});
            ++report.kept;
        } else {
            // Postcodes, numbered roads, hydrography, landforms: not streets or localities.
            reject("not_a_street_or_locality", fmt::format("Open Names {} '{}' is not used", lt, io::field_or_empty(f, name)));
        }
    }
    return out;
}

// NaPTAN stops: each active stop with a street is a point piece of that street in its
// locality; each locality (io::group_places) is a box round its stops, grown by the stops'
// catchment, since a locality reaches past the bus routes that cross it.
StreetSource read_naptan(const std::string& path, Rejects& rejects, RunReport& report) {
    StreetSource out;
    out.format = "naptan";
    const std::vector<io::NaptanStop> stops = io::read_naptan_stops(path, rejects, report);
    for (const auto& stop : stops) {
        if (stop.street.empty()) continue; // noted no_street by the reader; the stop still makes its locality
        StreetPiece p;
        p.name = stop.street;
        p.key = street_key(stop.street);
        p.locality = stop.locality_name;
        p.kind = "street";
        p.points = {stop.xy};
        out.pieces.push_back(std::move(p));
    }
    for (const auto& place : io::group_places(stops)) {
        const double pad = io::k_stop_catchment_m;
        out.localities.push_back(LocalityBox{place.name, place.kind, place.min_x - pad, place.min_y - pad, place.max_x + pad,
                                             place.max_y + pad});
    }
    return out;
}

void collect_vertices(const OGRGeometry& g, std::vector<std::vector<XY>>& lines) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbLineString: {
        std::vector<XY> v;
        for (const auto& p : *g.toLineString()) v.push_back(XY{p.getX(), p.getY()});
        if (!v.empty()) lines.push_back(std::move(v));
        break;
    }
    case wkbPoint: lines.push_back({XY{g.toPoint()->getX(), g.toPoint()->getY()}}); break;
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
        for (const auto* part : *g.toGeometryCollection()) collect_vertices(*part, lines);
        break;
    default: break;
    }
}

StreetSource read_roads(const std::string& path, const StreetSourceOptions& options, Rejects& rejects, RunReport& report) {
    StreetSource out;
    out.format = "roads";
    io::VectorSource src = io::open_vector(path, {options.layer, options.crs_override, {}});
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    const int name = options.name_field.empty()
                         ? io::find_field(defn, {"name1", "name", "road_name", "roadname", "street", "street_name", "streetname",
                                                 "street_description", "street_desc"})
                         : io::require_field(defn, options.name_field, path, "--name-field");
    if (name < 0)
        throw SchemaError(fmt::format("{}: no street name field (name1, name, road_name, street, ...); give one with --name-field",
                                      path));
    const int locality = options.locality_field.empty()
                             ? io::find_field(defn, {"locality", "town", "town_name", "post_town", "populated_place",
                                                     "district_borough"})
                             : io::require_field(defn, options.locality_field, path, "--locality-field");
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference source_srs;
    source_srs.SetFromUserInput(src.crs.c_str());
    source_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_bng(OGRCreateCoordinateTransformation(&source_srs, &bng));
    if (!to_bng) throw CrsError(fmt::format("{}: cannot transform from {} to British National Grid", path, src.crs));

    long long n = 0;
    while (auto f = io::next_feature(src, n)) {
        ++n;
        ++report.rows_read;
        auto reject = [&](std::string_view reason, const std::string& detail) {
            rejects.add(report, RejectedRow{path, f->GetFID(), reason, detail, ""});
        };
        const std::string street = io::field_text(*f, name);
        OGRGeometry* g = f->GetGeometryRef();
        if (street.empty()) {
            reject("no_name", "the road has no name (numbered-only or unnamed roads are not streets)");
            continue;
        }
        if (!g || g->IsEmpty()) {
            reject("no_geometry", fmt::format("'{}' has no geometry", street));
            continue;
        }
        if (g->transform(to_bng.get()) != OGRERR_NONE) {
            reject("outside_crs_area", fmt::format("'{}' cannot be put on British National Grid", street));
            continue;
        }
        g->segmentize(k_vertex_spacing_m);
        std::vector<std::vector<XY>> parts;
        collect_vertices(*g, parts);
        for (auto& part : parts) {
            StreetPiece p;
            p.name = street;
            p.key = street_key(street);
            p.locality = io::field_text(*f, locality);
            p.kind = "street";
            p.is_line = part.size() > 1;
            p.points = std::move(part);
            out.pieces.push_back(std::move(p));
        }
        ++report.kept;
    }
    return out;
}

} // namespace

StreetSource read_street_source(const std::string& path, const StreetSourceOptions& options, Rejects& rejects,
                                RunReport& report) {
    io::CsvHeader header;
    bool headerless = false;
    if (io::is_naptan_stops_file(path)) return read_naptan(path, rejects, report);
    if (is_open_names_csv(path, header, headerless)) return read_open_names(path, header, headerless, rejects, report);
    return read_roads(path, options, rejects, report);
}

} // namespace safermap::geocode
