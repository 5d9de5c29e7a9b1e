// SPDX-License-Identifier: MIT
#include "geocode/similarity.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace safermap::geocode {

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Three rows of the dynamic programme: two back (for transpositions), previous, current.
    std::vector<int> before(static_cast<std::size_t>(m) + 1), prev(static_cast<std::size_t>(m) + 1),
        cur(static_cast<std::size_t>(m) + 1);
    for (int j = 0; j <= m; ++j) prev[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = i;
        for (int j = 1; j <= m; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int cost = a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
            int v = std::min({prev[uj] + 1, cur[uj - 1] + 1, prev[uj - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[uj - 2] && a[static_cast<std::size_t>(i - 2)] == b[uj - 1])
                v = std::min(v, before[uj - 2] + 1);
            cur[uj] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[static_cast<std::size_t>(m)], limit + 1);
}

int allowed_edits(std::size_t length) {
    if (length < 5) return 0;
    if (length < 9) return 1;
    return 2;
}

} // namespace safermap::geocode
