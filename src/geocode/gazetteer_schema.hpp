// SPDX-License-Identifier: MIT
#pragma once
// The layers of a gazetteer GeoPackage: what `safermap gazetteer` writes and `safermap
// geocode` reads. A gazetteer is a file of its own so that one build serves many projects;
// QGIS can open it to check where a street or postcode lies. Always British National Grid.

#include "io/project/project_schema.hpp"

#include <span>
#include <string_view>

namespace safermap::geocode::gazetteer_schema {

inline constexpr std::string_view k_crs = "EPSG:27700";

inline constexpr std::string_view k_postcodes = "postcodes";
inline constexpr std::string_view k_policeuk_locations = "policeuk_locations";
inline constexpr std::string_view k_streets = "streets";
inline constexpr std::string_view k_addresses = "addresses";
inline constexpr std::string_view k_localities = "localities";
inline constexpr std::string_view k_log = "gazetteer_log";

std::span<const io::schema::LayerDef> layers();
const io::schema::LayerDef& layer(std::string_view name);

} // namespace safermap::geocode::gazetteer_schema
