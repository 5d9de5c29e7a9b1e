// SPDX-License-Identifier: MIT
#include "analysis/knox.hpp"

#include "analysis/point_grid_index.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <type_traits>

namespace safermap::analysis {

std::string_view to_string(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::day: return "day";
    case TimeUnit::month: return "month";
    }
    return "?";
}

void KnoxOptions::validate() const {
    if (space_edges_m.empty()) throw ConfigError("knox: space_edges_m must list at least one edge");
    if (time_edges.empty()) throw ConfigError("knox: time_edges must list at least one edge");
    for (std::size_t k = 0; k < space_edges_m.size(); ++k) {
        const double e = space_edges_m[k];
        if (!std::isfinite(e) || e <= 0) throw ConfigError(fmt::format("knox: space_edges_m must be finite and > 0 (got {})", e));
        if (k > 0 && e <= space_edges_m[k - 1])
            throw ConfigError(fmt::format("knox: space_edges_m must be strictly increasing (got {} after {})", e, space_edges_m[k - 1]));
    }
    for (std::size_t k = 0; k < time_edges.size(); ++k) {
        const int e = time_edges[k];
        if (e <= 0) throw ConfigError(fmt::format("knox: time_edges must be > 0 (got {})", e));
        if (k > 0 && e <= time_edges[k - 1])
            throw ConfigError(fmt::format("knox: time_edges must be strictly increasing (got {} after {})", e, time_edges[k - 1]));
    }
    if (permutations < 0) throw ConfigError(fmt::format("knox: permutations must be >= 0 (got {})", permutations));
}

namespace {

// |a - b| without overflow, for any two times of one type.
template <typename T> std::uint64_t time_distance(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return a > b ? static_cast<std::uint64_t>(static_cast<U>(a) - static_cast<U>(b))
                 : static_cast<std::uint64_t>(static_cast<U>(b) - static_cast<U>(a));
}

// Time distance -> time band. For the usual edges (tens to hundreds of days) a byte table whose
// last entry stands for "beyond", indexed by min(dt, E_last + 1): no branch in the pair loop.
class TimeBands {
public:
    explicit TimeBands(const std::vector<int>& edges) : m_edges(edges.begin(), edges.end()) {
        if (m_edges.size() > 255 || m_edges.back() > (1u << 16)) return; // search instead
        m_lut.resize(m_edges.back() + 2);
        for (std::uint64_t d = 0; d < m_lut.size(); ++d) m_lut[d] = static_cast<std::uint8_t>(search(d));
    }
    std::size_t operator()(std::uint64_t dt) const {
        if (!m_lut.empty()) return m_lut[std::min<std::uint64_t>(dt, m_lut.size() - 1)];
        return search(dt);
    }

private:
    std::size_t search(std::uint64_t dt) const {
        return static_cast<std::size_t>(std::lower_bound(m_edges.begin(), m_edges.end(), dt) - m_edges.begin());
    }
    std::vector<std::uint64_t> m_edges;
    std::vector<std::uint8_t> m_lut;
};

// The pairs i < j within the final space edge, by space band, as compressed rows (4 bytes a
// pair): in band s the partners j > i of incident i are partner[s][start[s][i] .. start[s][i + 1]).
struct ClosePairs {
    std::vector<std::vector<std::uint32_t>> partner;
    std::vector<std::vector<std::size_t>> start;
};

ClosePairs find_close_pairs(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& edges) {
    std::vector<double> edge2(edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k) edge2[k] = edges[k] * edges[k];
    ClosePairs out{std::vector<std::vector<std::uint32_t>>(edges.size()), std::vector<std::vector<std::size_t>>(edges.size())};
    for (auto& st : out.start) st.reserve(x.size() + 1);
    // Buckets of the final edge: each search touches at most 3 x 3 buckets.
    const PointGridIndex index(x, y, edges.back());
    for (std::size_t i = 0; i < x.size(); ++i) {
        for (std::size_t s = 0; s < edges.size(); ++s) out.start[s].push_back(out.partner[s].size());
        index.for_each_within(x[i], y[i], edges.back(), [&](std::size_t j) {
            if (j <= i) return;
            const double dx = x[j] - x[i], dy = y[j] - y[i];
            const double d2 = dx * dx + dy * dy;
            // The index admitted d2 <= edges.back()^2, computed the same way, so a band is found.
            std::size_t s = 0;
            while (s + 1 < edge2.size() && d2 > edge2[s]) ++s;
            out.partner[s].push_back(static_cast<std::uint32_t>(j));
        });
    }
    for (std::size_t s = 0; s < edges.size(); ++s) {
        out.start[s].push_back(out.partner[s].size());
        out.partner[s].shrink_to_fit();
    }
    return out;
}

// Pairs per time band over all n (n - 1) / 2 pairs. It depends only on the multiset of times,
// which shuffling times among points leaves unchanged, so it is computed once. Two pointers over
// the sorted times count the pairs with |dt| <= E for each edge E in O(n) each; equal times
// (dt = 0) fall in band 0.
std::vector<std::uint64_t> all_pairs_time_histogram(std::vector<std::int64_t> t, const std::vector<int>& edges,
                                                    std::uint64_t total_pairs) {
    std::sort(t.begin(), t.end());
    const std::size_t n = t.size();
    std::vector<std::uint64_t> hist(edges.size() + 1, 0);
    std::uint64_t below = 0; // pairs within the previous edge
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const auto e = static_cast<std::uint64_t>(edges[k]);
        std::uint64_t within = 0;
        std::size_t hi = 0;
        for (std::size_t lo = 0; lo < n; ++lo) {
            hi = std::max(hi, lo + 1);
            while (hi < n && time_distance(t[hi], t[lo]) <= e) ++hi;
            within += hi - lo - 1;
        }
        hist[k] = within - below;
        below = within;
    }
    hist.back() = total_pairs - below;
    return hist;
}

// One table (observed or permuted) for the times `t`. Rows of the close space bands come from the
// stored pairs; the beyond row is the all-pairs time histogram minus the close rows, exactly.
template <typename T>
void count_table(const ClosePairs& pairs, const std::vector<T>& t, const TimeBands& band_of,
                 const std::vector<std::uint64_t>& all_pairs_time, std::uint64_t* table) {
    const std::size_t close_bands = pairs.partner.size(), time_bands = all_pairs_time.size(), n = t.size();
    std::uint64_t* beyond = table + close_bands * time_bands;
    std::copy(all_pairs_time.begin(), all_pairs_time.end(), beyond);
    // Four interleaved histograms: most pairs land in one or two bands, and with a single counter
    // every increment would wait for the previous one's store.
    std::vector<std::uint64_t> lanes(4 * time_bands);
    std::uint64_t *l0 = lanes.data(), *l1 = l0 + time_bands, *l2 = l1 + time_bands, *l3 = l2 + time_bands;
    for (std::size_t s = 0; s < close_bands; ++s) {
        std::fill(lanes.begin(), lanes.end(), 0);
        const std::size_t* start = pairs.start[s].data();
        const std::uint32_t* partner = pairs.partner[s].data();
        for (std::size_t i = 0; i < n; ++i) {
            const T ti = t[i];
            std::size_t k = start[i];
            const std::size_t end = start[i + 1];
            for (; k + 4 <= end; k += 4) {
                ++l0[band_of(time_distance(ti, t[partner[k]]))];
                ++l1[band_of(time_distance(ti, t[partner[k + 1]]))];
                ++l2[band_of(time_distance(ti, t[partner[k + 2]]))];
                ++l3[band_of(time_distance(ti, t[partner[k + 3]]))];
            }
            for (; k < end; ++k) ++l0[band_of(time_distance(ti, t[partner[k]]))];
        }
        std::uint64_t* row = table + s * time_bands;
        for (std::size_t c = 0; c < time_bands; ++c) {
            row[c] = l0[c] + l1[c] + l2[c] + l3[c];
            assert(beyond[c] >= row[c]);
            beyond[c] -= row[c];
        }
    }
}

// Fills r.observed, then shuffles `t` options.permutations times, adding each table to `sum` and
// tallying the cells at least as large as observed in `at_least` (and keeping the tables if asked).
template <typename T>
void count_tables(const ClosePairs& pairs, std::vector<T> t, const TimeBands& band_of, const std::vector<std::uint64_t>& all_pairs_time,
                  const KnoxOptions& options, KnoxResult& r, std::vector<std::uint64_t>& sum, std::vector<std::uint64_t>& at_least) {
    const std::size_t cells = r.cells();
    r.observed.resize(cells);
    count_table(pairs, t, band_of, all_pairs_time, r.observed.data());
    const auto perms = static_cast<std::size_t>(options.permutations);
    if (options.keep_permuted_counts) r.permuted.resize(perms * cells);
    std::vector<std::uint64_t> table(cells);
    std::mt19937_64 rng(options.seed);
    for (std::size_t p = 0; p < perms; ++p) {
        knox_shuffle(t, rng);
        count_table(pairs, t, band_of, all_pairs_time, table.data());
        for (std::size_t c = 0; c < cells; ++c) {
            sum[c] += table[c];
            if (table[c] >= r.observed[c]) ++at_least[c];
        }
        if (options.keep_permuted_counts) std::copy(table.begin(), table.end(), r.permuted.begin() + static_cast<std::ptrdiff_t>(p * cells));
    }
}

} // namespace

KnoxResult knox(const std::vector<double>& x, const std::vector<double>& y, const std::vector<std::int64_t>& time,
                const KnoxOptions& options) {
    options.validate();
    const std::size_t n = x.size();
    if (y.size() != n || time.size() != n)
        throw ConfigError(fmt::format("knox: x, y and time differ in length ({}, {}, {})", n, y.size(), time.size()));
    if (n >= std::numeric_limits<std::uint32_t>::max()) throw ConfigError(fmt::format("knox: too many incidents ({})", n));
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw ConfigError(fmt::format("knox: incident {} has a non-finite coordinate ({}, {})", i, x[i], y[i]));

    KnoxResult r;
    r.time_unit = options.time_unit;
    r.space_edges_m = options.space_edges_m;
    r.time_edges = options.time_edges;
    r.permutations = options.permutations;
    r.seed = options.seed;
    r.total_pairs = n < 2 ? 0 : static_cast<std::uint64_t>(n) * (n - 1) / 2;

    const ClosePairs pairs = find_close_pairs(x, y, options.space_edges_m);
    const TimeBands band_of(options.time_edges);
    const std::vector<std::uint64_t> all_pairs_time = all_pairs_time_histogram(time, options.time_edges, r.total_pairs);
    const std::size_t cells = r.cells();
    std::vector<std::uint64_t> sum(cells, 0), at_least(cells, 0);
    // Times relative to the earliest fit 32 bits in any real data set, which halves the memory
    // the pair loop reads; the shuffle moves the same positions whatever the element type.
    const auto [earliest, latest] = std::minmax_element(time.begin(), time.end());
    if (n > 0 && time_distance(*latest, *earliest) <= std::numeric_limits<std::uint32_t>::max()) {
        std::vector<std::uint32_t> relative(n);
        for (std::size_t i = 0; i < n; ++i) relative[i] = static_cast<std::uint32_t>(time_distance(time[i], *earliest));
        count_tables(pairs, std::move(relative), band_of, all_pairs_time, options, r, sum, at_least);
    } else {
        count_tables(pairs, time, band_of, all_pairs_time, options, r, sum, at_least);
    }
    if (options.permutations == 0) return r;

    r.expected.resize(cells);
    r.ratio.resize(cells);
    r.p.resize(cells);
    const double pd = static_cast<double>(options.permutations);
    for (std::size_t c = 0; c < cells; ++c) {
        r.expected[c] = static_cast<double>(sum[c]) / pd;
        r.ratio[c] = r.expected[c] > 0 ? static_cast<double>(r.observed[c]) / r.expected[c] : std::numeric_limits<double>::quiet_NaN();
        r.p[c] = (1.0 + static_cast<double>(at_least[c])) / (pd + 1.0);
    }
    return r;
}

} // namespace safermap::analysis
