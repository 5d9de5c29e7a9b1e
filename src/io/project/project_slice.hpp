// SPDX-License-Identifier: MIT
#pragma once
// Taking part of a project offline (issue #14): a district's slice of a county's or a force's
// PostGIS project copied into a GeoPackage project that one analyst uses on a laptop.

#include "io/incidents/point_loader.hpp"

#include <map>
#include <string>

namespace safermap::io {

struct SliceResult {
    std::string source;                 // as shown (any password masked)
    std::string target;
    std::map<std::string, long long> copied; // features by layer
};

// Creates the GeoPackage project `target` (working CRS and settings of `source`) holding what
// of `source` (any project: PostGIS or GeoPackage) lies in the filter's area: the incidents
// that pass the filter (as export and the analyses read it: months, crime types, area,
// --study-area-only), in import order with every field (keys included, so that importing the
// same police.uk files into the slice adds only what lies outside it); the boundaries that
// share some of its interior (the district around a ward, the LSOAs in it and across its
// edge; not the neighbours that only share an edge); the CCTV sites and places in it; the
// interventions that share some of it. Without an area it copies
// every feature. The target's import log has one row per layer saying where the copy came
// from (format "slice"), so that its `info` adds up. One transaction: a failure leaves no
// target. Throws ConfigError when `target` is not a .gpkg path or exists, or the filter matches
// nothing (as resolve_project_filter), IoError/SchemaError from either project.
SliceResult copy_project_slice(const std::string& source, const PointFilter& filter, const std::string& target);

} // namespace safermap::io
