// SPDX-License-Identifier: MIT
#include "geo/reprojector.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <bit>
#include <cmath>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <utility>

namespace safermap::geo {

namespace {

struct PjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

// A PROJ context that reports errors to us (as exceptions) instead of printing to stderr.
PJ_CONTEXT* quiet_context() {
    PJ_CONTEXT* ctx = proj_context_create();
    proj_log_level(ctx, PJ_LOG_NONE);
    return ctx;
}

std::string last_error(PJ_CONTEXT* ctx) {
    const char* msg = proj_context_errno_string(ctx, proj_context_errno(ctx));
    return msg ? msg : "unknown PROJ error";
}

PjPtr create_crs(PJ_CONTEXT* ctx, const std::string& text) {
    PjPtr crs(proj_create(ctx, text.c_str()));
    if (!crs || !proj_is_crs(crs.get())) {
        throw CrsError(fmt::format("unknown coordinate reference system '{}' ({})", text, last_error(ctx)));
    }
    return crs;
}

bool is_geographic(const PJ* crs) {
    PJ_TYPE t = proj_get_type(crs);
    return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS || t == PJ_TYPE_GEOGRAPHIC_CRS;
}

// The area of use of `crs` expressed in its own (normalised) axis units. `from_crs84`, when
// given, is an operation already found from OGC:CRS84 (or an equivalent) to `crs`, normalised:
// searching PROJ's database for it again costs 40 ms.
Bounds area_of_use(PJ_CONTEXT* ctx, PJ* crs, PJ* from_crs84) {
    double west = -180, south = -90, east = 180, north = 90;
    if (!proj_get_area_of_use(ctx, crs, &west, &south, &east, &north, nullptr) || west > east) {
        west = -180, south = -90, east = 180, north = 90; // no (or antimeridian) area: whole world
    }
    if (is_geographic(crs)) return {west, south, east, north};
    PjPtr norm;
    if (!from_crs84) {
        PjPtr lonlat(proj_create(ctx, "OGC:CRS84"));
        PjPtr op(proj_create_crs_to_crs_from_pj(ctx, lonlat.get(), crs, nullptr, nullptr));
        if (!op) return {-HUGE_VAL, -HUGE_VAL, HUGE_VAL, HUGE_VAL};
        norm.reset(proj_normalize_for_visualization(ctx, op.get()));
        from_crs84 = norm.get();
    }
    Bounds b;
    if (!proj_trans_bounds(ctx, from_crs84, PJ_FWD, west, south, east, north, &b.min_x, &b.min_y, &b.max_x,
                           &b.max_y, 21)) {
        return {-HUGE_VAL, -HUGE_VAL, HUGE_VAL, HUGE_VAL};
    }
    return b;
}

} // namespace

// A transformation worked out once per process: finding the operations between two CRSs in
// PROJ's database, and the target's area of use, take about 80 ms, while copying the result
// into another context (proj_clone) takes 2 ms. Every thread parsing a CSV needs its own
// Reprojector, for every file, so each builds from this.
struct Reprojector::Prototype {
    PJ_CONTEXT* ctx = nullptr;
    PJ* op = nullptr; // null when from == to
    Bounds bounds;
    bool source_geographic = false;

    Prototype(const std::string& from, const std::string& to) : ctx(quiet_context()) {
        std::unique_ptr<PJ_CONTEXT, decltype(&proj_context_destroy)> guard(ctx, &proj_context_destroy);
        PjPtr source = create_crs(ctx, from);
        PjPtr target = create_crs(ctx, to);
        source_geographic = is_geographic(source.get());
        if (from != to) {
            PjPtr found(proj_create_crs_to_crs_from_pj(ctx, source.get(), target.get(), nullptr, nullptr));
            if (!found) throw CrsError(fmt::format("no transformation from {} to {} ({})", from, to, last_error(ctx)));
            op = proj_normalize_for_visualization(ctx, found.get());
            if (!op) throw CrsError(fmt::format("cannot normalise axis order from {} to {}", from, to));
        }
        // WGS 84 longitude/latitude (police.uk's CRS) is CRS84 but for axis order, which the
        // normalised operation has already dealt with: it serves for the area of use too.
        PjPtr crs84(proj_create(ctx, "OGC:CRS84"));
        const bool from_crs84 = op && crs84 &&
                                proj_is_equivalent_to_with_ctx(ctx, source.get(), crs84.get(),
                                                               PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS);
        bounds = area_of_use(ctx, target.get(), from_crs84 ? op : nullptr);
        guard.release();
    }
    ~Prototype() {
        if (op) proj_destroy(op);
        proj_context_destroy(ctx);
    }
    Prototype(const Prototype&) = delete;
    Prototype& operator=(const Prototype&) = delete;
};

namespace {
// A pair of CRSs' prototype once built and, from a background build, what to wait on (kept
// after a success; after a failure, until a Reprojector waits for it and throws its error).
struct PrototypeEntry {
    std::unique_ptr<Reprojector::Prototype> built;
    std::shared_future<void> building;
};
std::mutex g_prototypes_mutex;
std::map<std::pair<std::string, std::string>, PrototypeEntry>& prototypes() {
    // Never destroyed: PROJ is loaded on first use (scripts/lazy_stubs.py), after this map is
    // made, so at exit its own statics would go first and the prototypes' proj_destroy calls
    // would reach a library already torn down. The process's end frees it. (Destroying the
    // last copy of a background build's future waits for its thread, so the build itself
    // never touches `building`.)
    static auto* built = new std::map<std::pair<std::string, std::string>, PrototypeEntry>;
    return *built;
}
} // namespace

// The prototype for `from` -> `to`: built on first use, or waited for while a background build
// runs.
const Reprojector::Prototype& Reprojector::prototype(const std::string& from, const std::string& to,
                                                     std::unique_lock<std::mutex>& lock) {
    const auto key = std::make_pair(from, to);
    if (auto& entry = prototypes()[key]; !entry.built && entry.building.valid()) {
        const std::shared_future<void> building = entry.building;
        lock.unlock();
        building.wait();
        lock.lock();
        if (auto& after = prototypes()[key]; after.built) return *after.built;
        prototypes().erase(key); // it failed: a later Reprojector tries again
        building.get();          // throws the build's own error
    }
    auto& entry = prototypes()[key];
    if (!entry.built) {
        try {
            entry.built = std::make_unique<Prototype>(from, to);
        } catch (...) {
            prototypes().erase(key);
            throw;
        }
    }
    return *entry.built;
}

std::optional<std::shared_future<void>> Reprojector::prepare_in_background(const std::string& from, const std::string& to) {
    if (from == to && known_area_inside(to)) return std::nullopt; // needs no PROJ to start with
    std::lock_guard lock(g_prototypes_mutex);
    auto& entry = prototypes()[{from, to}];
    if (entry.built) return std::nullopt;
    if (!entry.building.valid()) {
        try {
            entry.building = std::async(std::launch::async, [from, to] {
                                 auto made = std::make_unique<Prototype>(from, to); // a failure stays in the future
                                 std::lock_guard done(g_prototypes_mutex);
                                 prototypes()[{from, to}].built = std::move(made);
                             }).share();
        } catch (const std::system_error&) {
            return std::nullopt; // no thread to be had: the first Reprojector builds it, as before
        }
    }
    return entry.building;
}

std::optional<Bounds> known_area_inside(const std::string& crs) {
    // EPSG:27700's area of use (UK and its offshore, 9.01 W to 2.01 E, 49.75 N to 61.01 N) is
    // -104,009 to 688,806 E and -16,628 to 1,256,558 N through PROJ 9.1's OSGB36 operation.
    if (crs == "EPSG:27700") return Bounds{-100000, -10000, 680000, 1250000};
    return std::nullopt;
}

Reprojector::Reprojector(const std::string& from, const std::string& to) {
    if (from == to) {
        if (auto inside = known_area_inside(to)) {
            m_crs = to;
            m_known_inside = *inside;
            m_bounds_pending = true;
            return;
        }
    }
    std::unique_lock lock(g_prototypes_mutex); // also keeps each prototype to one thread while it is cloned
    const Prototype* proto = &prototype(from, to, lock);
    m_ctx = quiet_context();
    m_source_geographic = proto->source_geographic;
    m_target_bounds = proto->bounds;
    if (proto->op) {
        m_pj = proj_clone(m_ctx, proto->op);
        if (!m_pj) {
            proj_context_destroy(m_ctx);
            throw CrsError(fmt::format("cannot copy the transformation from {} to {}", from, to));
        }
    }
}

void Reprojector::resolve_bounds() const {
    std::unique_lock lock(g_prototypes_mutex);
    const Prototype& proto = prototype(m_crs, m_crs, lock);
    m_target_bounds = proto.bounds;
    m_source_geographic = proto.source_geographic;
    m_bounds_pending = false;
}

const Bounds& Reprojector::target_bounds() const {
    if (m_bounds_pending) resolve_bounds();
    return m_target_bounds;
}

std::unique_ptr<Reprojector> Reprojector::planar() {
    std::unique_ptr<Reprojector> r(new Reprojector());
    r->m_target_bounds = {-HUGE_VAL, -HUGE_VAL, HUGE_VAL, HUGE_VAL};
    return r;
}

Reprojector::~Reprojector() {
    if (m_pj) proj_destroy(m_pj);
    if (m_ctx) proj_context_destroy(m_ctx);
}

namespace {
// The cache starts small (a small file should not pay for a big table) and grows while it
// misses often, up to 2.5 MB: a county's snap points then fit several times over.
constexpr std::size_t k_memo_first_slots = 1 << 10, k_memo_max_slots = 1 << 16;
}

bool Reprojector::transform(double& x, double& y) const {
    if (!m_pj) return transform_uncached(x, y);
    if (m_memo.empty() || (m_memo_misses > 2 * m_memo.size() && m_memo.size() < k_memo_max_slots)) {
        m_memo.assign(m_memo.empty() ? k_memo_first_slots : 4 * m_memo.size(), Memo{});
        m_memo_misses = 0;
    }
    const auto xb = std::bit_cast<std::uint64_t>(x), yb = std::bit_cast<std::uint64_t>(y);
    std::uint64_t h = (xb ^ (yb * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    Memo& m = m_memo[(h >> 40) & (m_memo.size() - 1)];
    if (m.filled && m.x_bits == xb && m.y_bits == yb) {
        x = m.x;
        y = m.y;
        return m.ok;
    }
    ++m_memo_misses;
    m.ok = transform_uncached(x, y);
    m.x_bits = xb;
    m.y_bits = yb;
    m.x = x;
    m.y = y;
    m.filled = true;
    return m.ok;
}

bool Reprojector::transform_uncached(double& x, double& y) const {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    if (m_source_geographic && (std::abs(x) > 180 || std::abs(y) > 90)) return false;
    if (m_pj) {
        PJ_COORD c = proj_coord(x, y, 0, HUGE_VAL);
        c = proj_trans(m_pj, PJ_FWD, c);
        x = c.xy.x;
        y = c.xy.y;
        if (!std::isfinite(x) || !std::isfinite(y)) return false;
    }
    if (m_bounds_pending) {
        if (m_known_inside.contains(x, y)) return true;
        resolve_bounds();
    }
    return m_target_bounds.contains(x, y);
}

std::string crs_name(const std::string& crs) {
    std::unique_ptr<PJ_CONTEXT, decltype(&proj_context_destroy)> ctx(quiet_context(), &proj_context_destroy);
    PjPtr pj = create_crs(ctx.get(), crs);
    const char* n = proj_get_name(pj.get());
    return n ? n : crs;
}

} // namespace safermap::geo
