// SPDX-License-Identifier: MIT
#pragma once

#include "core/area_kind.hpp"

#include <string>
#include <vector>

namespace safermap::io {

// The name and code fields chosen for a boundary layer, and the vintage they imply.
struct NameCodeFields {
    std::string name;
    std::string code;    // empty: the layer has none, and the name doubles as the code
    std::string vintage; // e.g. "WD20" from WD20CD/WD20NM; empty when not an ONS layer
};

// Chooses name and code fields. Explicit choices win (SchemaError when missing). Otherwise
// ONS pairs <PREFIX><YY>NM / <PREFIX><YY>CD are found in any case (WD24NM, LSOA21CD,
// lad20cd), preferring the prefix that fits `kind` (WD for wards, LSOA for LSOAs, LAD for
// districts) when a layer has several (ONS ward files also carry LAD codes); then plain
// name/code fields. SchemaError lists the fields when no name field can be found.
NameCodeFields detect_name_code_fields(const std::vector<std::string>& fields, AreaKind kind,
                                       const std::string& name_override, const std::string& code_override,
                                       const std::string& path);

} // namespace safermap::io
