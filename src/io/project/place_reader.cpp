// SPDX-License-Identifier: MIT
#include "io/project/place_reader.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>
#include <ogr_geometry.h>

#include <algorithm>

namespace safermap::io {

namespace {

std::vector<std::string> split_streets(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find("; ", at);
        out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 2;
    }
    return out;
}

std::vector<XY> read_stop_points(const std::string& wkt, const ProjectStore& store, const std::string& code) {
    std::vector<XY> out;
    if (wkt.empty()) return out;
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry) != OGRERR_NONE || !geometry ||
        wkbFlatten(geometry->getGeometryType()) != wkbMultiPoint) {
        delete geometry;
        throw IoError(fmt::format("{}: place {}: stop_points is not a WKT MULTIPOINT", store.path(), code));
    }
    for (const OGRPoint* p : *geometry->toMultiPoint()) out.push_back(XY{p->getX(), p->getY()});
    delete geometry;
    return out;
}

} // namespace

bool has_places(ProjectStore& store) { return store.dataset().GetLayerByName(std::string(schema::k_places).c_str()) != nullptr; }

std::vector<Place> read_places(ProjectStore& store) {
    std::vector<Place> out;
    if (!has_places(store)) return out;
    OGRLayer& layer = store.layer(schema::k_places);
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
    gdal_clear_error();
    for (auto& f : layer) {
        Place p;
        p.code = f->GetFieldAsString("code");
        p.name = f->GetFieldAsString("name");
        p.parent = f->GetFieldAsString("parent");
        p.kind = f->GetFieldAsString("kind");
        p.rank = f->GetFieldAsInteger("rank");
        p.radius_m = f->GetFieldAsDouble("radius_m");
        p.min_x = f->GetFieldAsDouble("min_x");
        p.min_y = f->GetFieldAsDouble("min_y");
        p.max_x = f->GetFieldAsDouble("max_x");
        p.max_y = f->GetFieldAsDouble("max_y");
        p.streets = split_streets(f->GetFieldAsString("streets"));
        p.stops = read_stop_points(f->GetFieldAsString("stop_points"), store, p.code);
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            throw IoError(fmt::format("{}: place {} '{}' has no point", store.path(), p.code, p.name));
        p.centre = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        out.push_back(std::move(p));
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(fmt::format("{}: cannot read places ({})", store.path(), gdal_last_error()));
    std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.name != b.name) return a.name < b.name;
        return a.code < b.code;
    });
    return out;
}

std::vector<Place> read_places(const std::string& project) {
    ProjectStore store = ProjectStore::open(project, false);
    return read_places(store);
}

} // namespace safermap::io
