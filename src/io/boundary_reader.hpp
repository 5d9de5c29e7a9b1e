// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"
#include "io/project_store.hpp"

#include <functional>
#include <string>

namespace safermap::io {

// Hands each stored boundary that matches `where` (an OGR attribute filter on the boundaries
// layer, e.g. "kind = 'ward'") to `sink` as (code, name, GEOS geometry in the working CRS).
void read_boundaries(ProjectStore& store, const std::string& where, const geo::GeosContext& geos,
                     const std::function<void(const std::string& code, const std::string& name, geo::GeomPtr)>& sink);

// `text` quoted as an SQL string literal ('O''Brien').
std::string sql_quote(const std::string& text);

} // namespace safermap::io
