// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>

namespace safermap {

// Runs `body(begin, end)` over [0, n) cut into one contiguous range per thread, on `threads`
// threads (0: one per hardware thread), the caller's among them. For independent work whose
// results go to slots of their own, so that they never depend on the thread count. The first
// exception thrown is rethrown here once every thread has finished.
void parallel_ranges(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body, unsigned threads = 0);

} // namespace safermap
