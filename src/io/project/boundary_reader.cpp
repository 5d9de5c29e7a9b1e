// SPDX-License-Identifier: MIT
#include "io/project/boundary_reader.hpp"

#include "io/project/project_schema.hpp"

#include <vector>

namespace safermap::io {

void read_boundaries(ProjectStore& store, const std::string& where, const geo::GeosContext& geos,
                     const std::function<void(StoredBoundary&&)>& sink) {
    OGRLayer& layer = store.layer(schema::k_boundaries);
    layer.SetAttributeFilter(where.empty() ? nullptr : where.c_str());
    layer.ResetReading();
    std::vector<unsigned char> wkb;
    for (auto& f : layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        wkb.resize(g->WkbSize());
        g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        sink({f->GetFieldAsString("code"), f->GetFieldAsString("name"), f->GetFieldAsString("attributes"),
              geo::read_wkb(geos, {reinterpret_cast<const char*>(wkb.data()), wkb.size()})});
    }
    layer.SetAttributeFilter(nullptr);
}

} // namespace safermap::io
