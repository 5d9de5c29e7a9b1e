// SPDX-License-Identifier: MIT
#include "core/memory_tuning.hpp"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>

namespace safermap {

void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t k_huge = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + k_huge - 1) & ~(k_huge - 1);
    const std::uintptr_t last = (begin + bytes) & ~(k_huge - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

void tune_allocator_for_bulk_loading() {
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
}

} // namespace safermap
