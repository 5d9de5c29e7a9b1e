// SPDX-License-Identifier: MIT
#include "io/gdal/vector_source.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

std::string crs_to_string(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return fmt::format("{}:{}", auth, code);
    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        auth = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (auth && code) return fmt::format("{}:{}", auth, code);
    }
    char* wkt = nullptr;
    const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, wkt_options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

VectorSource open_vector(const std::string& path, const VectorOpenOptions& options) {
    gdal_init();
    if (!std::filesystem::exists(path)) throw IoError(fmt::format("{}: no such file", path));
    gdal_clear_error();
    std::vector<const char*> open_options;
    for (const auto& o : options.gdal_open_options) open_options.push_back(o.c_str());
    open_options.push_back(nullptr);
    VectorSource src;
    src.path = path;
    src.dataset.reset(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.data(), nullptr)));
    if (!src.dataset) {
        std::string why = gdal_last_error();
        throw IoError(fmt::format("{}: cannot open as vector data ({})", path,
                                  why.empty() ? "no GDAL driver recognises it" : why));
    }
    int n = src.dataset->GetLayerCount();
    if (n == 0) throw SchemaError(fmt::format("{}: has no vector layers", path));
    if (!options.layer.empty()) {
        src.layer = src.dataset->GetLayerByName(options.layer.c_str());
    } else if (n == 1) {
        src.layer = src.dataset->GetLayer(0);
    }
    if (!src.layer) {
        std::string names;
        for (int i = 0; i < n; ++i) names += fmt::format("{}'{}'", i ? ", " : "", src.dataset->GetLayer(i)->GetName());
        throw SchemaError(options.layer.empty()
                              ? fmt::format("{}: has {} layers ({}); choose one with --layer", path, n, names)
                              : fmt::format("{}: no layer '{}' (layers: {})", path, options.layer, names));
    }
    src.layer_name = src.layer->GetName();
    const OGRSpatialReference* srs = src.layer->GetSpatialRef();
    if (srs) {
        src.crs = crs_to_string(*srs);
    } else if (!options.crs_override.empty()) {
        src.crs = options.crs_override;
        src.crs_from_user = true;
    } else if (src.layer->GetGeomType() != wkbNone) {
        throw CrsError(fmt::format("{}: layer '{}' has no coordinate reference system (a shapefile without its "
                                   ".prj?); name one with --crs EPSG:NNNN",
                                   path, src.layer_name));
    }
    src.layer->ResetReading();
    gdal_clear_error();
    return src;
}

OGRFeatureUniquePtr next_feature(VectorSource& source, long long features_read) {
    OGRFeatureUniquePtr f(source.layer->GetNextFeature());
    if (!f && CPLGetLastErrorType() >= CE_Failure) {
        throw IoError(fmt::format("{}: layer '{}': read failed after {} features ({}); the file may be truncated",
                                  source.path, source.layer_name, features_read, gdal_last_error()));
    }
    return f;
}

} // namespace safermap::io
