// SPDX-License-Identifier: MIT
#include "io/gdal/layer_metadata.hpp"

#include "io/gdal/sql_text.hpp"

#include <fmt/format.h>

#include <cstring>

namespace safermap::io {

namespace {

bool is_postgres(GDALDataset& ds) { return ds.GetDriver() && std::strcmp(ds.GetDriver()->GetDescription(), "PostgreSQL") == 0; }

} // namespace

std::vector<std::string> metadata_creation_options(GDALDataset& ds, const ResultMetadata& metadata) {
    if (!is_postgres(ds)) return {};
    return {"DESCRIPTION=" + metadata.dump()};
}

void set_layer_metadata(GDALDataset& ds, OGRLayer& layer, const ResultMetadata& metadata) {
    if (is_postgres(ds)) return;
    for (const auto& [k, v] : metadata.items()) layer.SetMetadataItem(k.c_str(), metadata_text(v).c_str());
}

std::map<std::string, std::string> layer_metadata(GDALDataset& ds, OGRLayer& layer) {
    std::map<std::string, std::string> out;
    if (!is_postgres(ds)) {
        for (char** item = layer.GetMetadata(); item && *item; ++item) {
            const std::string text = *item;
            if (const auto eq = text.find('='); eq != std::string::npos) out.emplace(text.substr(0, eq), text.substr(eq + 1));
        }
        return out;
    }
    // The table's comment, by SQL: GDAL does not read it for tables listed with LIST_ALL_TABLES.
    std::string comment;
    const std::string sql = fmt::format("SELECT obj_description(to_regclass({}), 'pg_class') AS comment", sql_quote(layer.GetName()));
    for_each_row(ds, layer.GetName(), sql, [&](OGRFeature& f) {
        if (f.IsFieldSetAndNotNull(0)) comment = f.GetFieldAsString(0);
    });
    const auto object = ResultMetadata::parse(comment, nullptr, false);
    if (object.is_object())
        for (const auto& [k, v] : object.items()) out.emplace(k, metadata_text(v));
    return out;
}

} // namespace safermap::io
