// SPDX-License-Identifier: MIT
#pragma once

#include "geo/bounds.hpp"

#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
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
// for the same pair of CRSs in the process (it copies what the first worked out), and free of
// PROJ for data already in a working CRS whose area of use is known (known_area_inside).
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
    // Throws CrsError only where the area of use is worked out late (a CRS to itself, for the
    // first point outside known_area_inside) and PROJ cannot work it out.
    bool transform(double& x, double& y) const;

    // The target CRS's area of use, in target units.
    const Bounds& target_bounds() const;

    // Starts working out `from` -> `to` (PROJ's database search, 40-50 ms) on a thread of its
    // own, so that a caller with other work meanwhile (parsing more of a file) need not wait for
    // it. Returns what to wait on while that is under way; nothing when a Reprojector(from, to)
    // can be made at once. A Reprojector made meanwhile waits for it, and one made after a
    // failure throws its CrsError. The caller must wait before the process may end: PROJ must
    // not be working while the process's statics are torn down.
    static std::optional<std::shared_future<void>> prepare_in_background(const std::string& from, const std::string& to);

    struct Prototype; // a transformation worked out once per process, copied by each Reprojector

private:
    Reprojector() = default;
    bool transform_uncached(double& x, double& y) const;
    // Call with `lock` held on the prototypes' mutex; it is let go while another thread builds.
    static const Prototype& prototype(const std::string& from, const std::string& to, std::unique_lock<std::mutex>& lock);
    // Asks PROJ for the area of use that the constructor left pending.
    void resolve_bounds() const;

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
    mutable bool m_source_geographic = false;
    mutable Bounds m_target_bounds;
    // A CRS to itself with an area of use known in part: m_target_bounds waits until a point
    // falls outside m_known_inside.
    mutable bool m_bounds_pending = false;
    Bounds m_known_inside;
    std::string m_crs;
};

// A rectangle inside `crs`'s area of use (in its own units) that holds without asking PROJ,
// for the working CRSs data usually comes in (British National Grid, projected like every
// CRS it knows); empty for any other.
// Drawn a few kilometres inside what PROJ computes, whatever operation it picks (the
// tests check it), so that a point inside it needs no look-up: PROJ's database search for
// the exact area costs 40 ms, most of a small command's run.
std::optional<Bounds> known_area_inside(const std::string& crs);

// Checks that PROJ knows `crs`; returns its name ("OSGB36 / British National Grid").
// Throws CrsError otherwise.
std::string crs_name(const std::string& crs);

} // namespace safermap::geo
