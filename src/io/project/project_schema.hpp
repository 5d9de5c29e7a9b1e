// SPDX-License-Identifier: MIT
#pragma once
// The layers and fields of a SaferMap project file, declared once. ProjectStore creates them
// from here; readers and writers look fields up by these names.

#include <ogr_core.h>

#include <span>
#include <string_view>

namespace safermap::io::schema {

struct FieldDef {
    std::string_view name;
    OGRFieldType type;
    std::string_view help;
};

struct LayerDef {
    std::string_view name;
    OGRwkbGeometryType geometry; // wkbNone for attribute tables
    std::string_view description;
    std::span<const FieldDef> fields;
    // Added after projects were first written: a project made before it existed lacks it.
    // ProjectStore::open does not require it, the import that first writes it creates it, and
    // readers take a missing one as empty.
    bool optional = false;
};

inline constexpr std::string_view k_incidents = "incidents";
inline constexpr std::string_view k_boundaries = "boundaries";
inline constexpr std::string_view k_cctv = "cctv_sites";
inline constexpr std::string_view k_interventions = "interventions";
inline constexpr std::string_view k_places = "places";
inline constexpr std::string_view k_settings = "settings";
inline constexpr std::string_view k_import_log = "import_log";

std::span<const LayerDef> layers();
const LayerDef& layer(std::string_view name);

} // namespace safermap::io::schema
