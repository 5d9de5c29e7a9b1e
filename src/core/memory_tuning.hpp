// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace safermap {

// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
// huge pages. Only a hint: the memory is correct either way. Worth it for large arrays filled
// once: a million-point load touches ~40 MB, and under virtualisation each 4 kB page fault
// costs several microseconds (measured: 19,000 faults, 0.2 s of a 0.95 s read).
void advise_huge_pages(const void* data, std::size_t bytes);

// Tunes glibc's allocator for a process that loads a large file once: memory freed is kept
// for reuse instead of being handed back to the kernel and faulted in again, and buffers of
// a few megabytes come from the heap instead of fresh mappings. Measured on a million-row
// read: 0.70 s -> 0.60 s. Call once, at start-up, before any threads.
void tune_allocator_for_bulk_loading();

} // namespace safermap
