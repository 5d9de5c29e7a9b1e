// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace safermap {

// What a boundary polygon stands for. Stored as its lower-case name in the project file.
enum class AreaKind { ward, lsoa, estate, district, priority, custom };

std::string_view to_string(AreaKind kind);

// Parses "ward", "lsoa", ...; throws ConfigError naming the allowed values otherwise.
AreaKind parse_area_kind(std::string_view text);

} // namespace safermap
