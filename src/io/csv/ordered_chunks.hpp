// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/incident_rows.hpp"

#include <functional>

namespace safermap::io {

// Reads, parses and commits chunks of a file on every core. Each thread takes the next chunk
// (`next`, one thread at a time), parses it on its own (`parse`, with its own RowParser), then
// waits for its turn and `commit`s it: commits run one at a time, in file order, on the thread
// that parsed the chunk, whose cache still holds its rows. Rows are independent until
// de-duplication, which is why everything before the commit can run in parallel.
//
// A thread whose oldest parsed chunk is `waiting` (for PROJ's search, say) parses further
// chunks meanwhile, up to k_parse_ahead, and commits them all in their turns.
//
// The calling thread works too; `threads` counts it (0: one per hardware thread). The first
// exception thrown by any step stops every thread and is rethrown here.
struct OrderedChunkSteps {
    std::function<bool(ParsedChunk&)> next;               // fills the chunk; false at the end
    std::function<void(ParsedChunk&, RowParser&)> parse;  // any thread, in parallel
    std::function<void(ParsedChunk&, RowParser&)> commit; // one at a time, in order
    // True while a parsed chunk's commit would wait for something else (optional).
    std::function<bool(const ParsedChunk&)> waiting;
    // Finishes a parsed chunk on its thread, in parallel, once it is the oldest its thread
    // holds and before it waits for its turn (optional; may wait for what `waiting` reports).
    std::function<void(ParsedChunk&, RowParser&)> settle;
    // Run first on each helper thread (optional): the commit of the file's first rows may fall
    // to any thread, so a helper must work with the caller's per-thread settings.
    std::function<void()> start_helper;
};
inline constexpr std::size_t k_parse_ahead = 64; // chunks a thread holds at most (16 MB of 256 KiB)
void run_ordered_chunks(const RowFormat& format, unsigned threads, const OrderedChunkSteps& steps);

} // namespace safermap::io
