// SPDX-License-Identifier: MIT
#pragma once

#include <ogr_feature.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace safermap::io {

// The index of the first field whose name matches one of `aliases` (case-insensitive), or -1.
// An explicit `chosen` name, when not empty, must exist: SchemaError names the file otherwise.
int find_field(const OGRFeatureDefn& defn, std::initializer_list<std::string_view> aliases);
int require_field(const OGRFeatureDefn& defn, const std::string& chosen, const std::string& path, const char* flag);

// The field's text, "" when unset or null.
std::string field_text(const OGRFeature& feature, int index);

// Every field not in `used` (indexes), as a JSON object string ("" when there are none).
std::string other_fields_json(const OGRFeature& feature, std::initializer_list<int> used);

} // namespace safermap::io
