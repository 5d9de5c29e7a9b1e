// SPDX-License-Identifier: MIT
#pragma once

#include "geo/bounds.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct pj_ctx;
struct PJconsts;

namespace safermap::geo {

// Transforms coordinates between two CRSs with PROJ. Both CRSs are given as anything PROJ
// accepts ("EPSG:27700", WKT, PROJJSON). Axis order is normalised for GIS use: longitude
// before latitude, easting before northing, whatever the CRS's official order (EPSG:4326 is
// officially latitude-first; mixing that up puts Ashfield in the Indian Ocean).
// Not thread-safe: use one Reprojector per thread. Constructing one is cheap after the first
// for the same pair of CRSs in the process (it copies what the first worked out).
class Reprojector {
public:
    // Throws CrsError naming the CRS when either is unknown or no transformation exists.
    Reprojector(const std::string& from, const std::string& to);
    // Coordinates in plain planar units with no CRS ("--crs none"): passed through unchanged,
    // only non-finite values refused.
    static std::unique_ptr<Reprojector> planar();
    ~Reprojector();
    Reprojector(const Reprojector&) = delete;
    Reprojector& operator=(const Reprojector&) = delete;

    // Transforms in place. Returns false (leaving x, y unspecified) when the point is outside
    // the source CRS's valid range, PROJ cannot transform it, or the result falls outside the
    // target CRS's area of use. Recent results are remembered: police.uk places every crime on
    // one of a few thousand snap points, so most rows repeat a position already transformed.
    bool transform(double& x, double& y) const;

    // The target CRS's area of use, in target units.
    const Bounds& target_bounds() const { return m_target_bounds; }

    struct Prototype; // a transformation worked out once per process, copied by each Reprojector

private:
    Reprojector() = default;
    bool transform_uncached(double& x, double& y) const;

    // A direct-mapped cache of recent transforms, keyed by the input's exact bits: the same
    // input always gives PROJ's own answer, so results are identical with or without it.
    struct Memo {
        std::uint64_t x_bits = 0, y_bits = 0;
        double x = 0, y = 0;
        bool filled = false, ok = false;
    };
    mutable std::vector<Memo> m_memo; // a power of two in size
    mutable std::size_t m_memo_misses = 0;
    pj_ctx* m_ctx = nullptr;
    PJconsts* m_pj = nullptr; // null when from == to
    bool m_source_geographic = false;
    Bounds m_target_bounds;
};

// Checks that PROJ knows `crs`; returns its name ("OSGB36 / British National Grid").
// Throws CrsError otherwise.
std::string crs_name(const std::string& crs);

} // namespace safermap::geo
