// SPDX-License-Identifier: MIT
#pragma once

#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>

namespace safermap::geo {

// Owns a re-entrant GEOS context and keeps GEOS's last error/notice message, so that a failed
// call can be reported with its reason instead of being printed to stderr by GEOS.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string& last_message() const { return m_message; }

private:
    static void on_message(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_message;
};

// A GEOS geometry owned together with the context that must destroy it.
struct GeomDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(handle, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

inline GeomPtr make_geom(const GeosContext& ctx, GEOSGeometry* g) { return GeomPtr(g, GeomDeleter{ctx.handle()}); }

// WKB bridges to and from OGR. read_wkb returns null (with ctx.last_message()) on bad input.
GeomPtr read_wkb(const GeosContext& ctx, std::string_view wkb);
std::string write_wkb(const GeosContext& ctx, const GEOSGeometry* geom);

} // namespace safermap::geo
