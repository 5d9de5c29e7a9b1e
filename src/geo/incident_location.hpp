// SPDX-License-Identifier: MIT
#pragma once
// Which area an incident counts in: one rule for the CLI, the viewer, maps and reports.

#include "core/run_report.hpp"
#include "geo/polygon_index.hpp"

#include <optional>

namespace safermap::geo {

// How far outside every polygon an incident may lie and still count in the nearest one: ONS
// BGC boundaries are generalised by about 20 m, and police.uk snap points sit on boundary roads.
inline constexpr double k_boundary_tolerance_m = 150;

// The polygon an incident counts in: the one containing it, or the nearest within
// k_boundary_tolerance_m (noted in `report` when given), or none (noted too).
std::optional<std::size_t> locate_incident(const PolygonIndex& polygons, double x, double y, RunReport* report = nullptr);

} // namespace safermap::geo
