// SPDX-License-Identifier: MIT
#include "geo/geos_context.hpp"

#include <cstdlib>

namespace safermap::geo {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_message, this);
    GEOSContext_setNoticeMessageHandler_r(m_handle, &GeosContext::on_message, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::on_message(const char* message, void* self) {
    static_cast<GeosContext*>(self)->m_message = message ? message : "";
}

GeomPtr read_wkb(const GeosContext& ctx, std::string_view wkb) {
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSWKBReader_read_r(ctx.handle(), reader,
                                           reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
    GEOSWKBReader_destroy_r(ctx.handle(), reader);
    return make_geom(ctx, g);
}

std::string write_wkb(const GeosContext& ctx, const GEOSGeometry* geom) {
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx.handle());
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(ctx.handle(), writer, geom, &size);
    GEOSWKBWriter_destroy_r(ctx.handle(), writer);
    std::string out(reinterpret_cast<const char*>(bytes), size);
    GEOSFree_r(ctx.handle(), bytes);
    return out;
}

} // namespace safermap::geo
