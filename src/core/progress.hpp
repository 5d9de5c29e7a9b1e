// SPDX-License-Identifier: MIT
#pragma once
// How a long job tells its caller how far it has got, without knowing who is watching (a
// terminal line, the viewer's status bar, nothing).

#include <cstdint>
#include <functional>

namespace safermap {

// Called now and then with `done` of `total` units of work (total 0 when unknown). Library
// code calls it at most about a hundred times per job; the caller decides what to show.
using ProgressFn = std::function<void(std::int64_t done, std::int64_t total)>;

// Calls `progress` (if any) for unit `i` of `n` when i crosses each hundredth of n, and at the end.
inline void report_progress(const ProgressFn& progress, std::size_t i, std::size_t n) {
    if (!progress || n == 0) return;
    const std::size_t step = n < 100 ? 1 : n / 100;
    if ((i + 1) % step == 0 || i + 1 == n) progress(static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(n));
}

} // namespace safermap
