// SPDX-License-Identifier: MIT
#include "core/area_kind.hpp"

#include "core/error.hpp"

#include <array>
#include <utility>

namespace safermap {

namespace {
constexpr std::array<std::pair<AreaKind, std::string_view>, 6> k_names{{
    {AreaKind::ward, "ward"},
    {AreaKind::lsoa, "lsoa"},
    {AreaKind::estate, "estate"},
    {AreaKind::district, "district"},
    {AreaKind::priority, "priority"},
    {AreaKind::custom, "custom"},
}};
} // namespace

std::string_view to_string(AreaKind kind) {
    for (const auto& [k, name] : k_names) {
        if (k == kind) return name;
    }
    return "custom";
}

AreaKind parse_area_kind(std::string_view text) {
    for (const auto& [k, name] : k_names) {
        if (name == text) return k;
    }
    throw ConfigError("unknown boundary kind '" + std::string(text) +
                      "' (expected ward, lsoa, estate, district, priority or custom)");
}

} // namespace safermap
