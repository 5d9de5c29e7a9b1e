// SPDX-License-Identifier: MIT
// run_ordered_chunks: commits in file order whatever the thread count, and a thread whose oldest
// chunk is waiting parses ahead, up to k_parse_ahead chunks, instead of blocking.
#include "io/csv/ordered_chunks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

using namespace safermap;

namespace {

// Chunks numbered 0..n-1 in their bytes; records the commit order and how many chunks were
// parsed and not yet committed at most.
struct Run {
    int n = 0;
    std::function<bool(int parsed)> waiting; // given how many chunks have been parsed so far
    std::atomic<int> next{0}, parsed{0}, committed{0}, settled{0}, settled_twice{0}, most_held{0};
    std::vector<int> order;
    std::vector<int> settled_before_commit;
    std::mutex order_mutex;

    void go(unsigned threads) {
        io::OrderedChunkSteps steps;
        steps.next = [&](io::ParsedChunk& c) {
            if (next >= n) return false;
            c.chunk.bytes = std::to_string(next++);
            c.used = 0;
            return true;
        };
        steps.parse = [&](io::ParsedChunk&, io::RowParser&) {
            const int held = ++parsed - committed;
            int seen = most_held;
            while (held > seen && !most_held.compare_exchange_weak(seen, held)) {}
        };
        steps.waiting = [&](const io::ParsedChunk& c) { return c.used == 0 && waiting(parsed); };
        steps.settle = [&](io::ParsedChunk& c, io::RowParser&) {
            if (c.used != 0) ++settled_twice; // (Catch's CHECK is not for helper threads)
            c.used = 1;
            ++settled;
        };
        steps.commit = [&](io::ParsedChunk& c, io::RowParser&) {
            std::lock_guard lock(order_mutex);
            order.push_back(std::stoi(c.chunk.bytes));
            settled_before_commit.push_back(static_cast<int>(c.used));
            ++committed;
        };
        const io::RowFormat format;
        io::run_ordered_chunks(format, threads, steps);
    }
};

std::vector<int> iota(int n) {
    std::vector<int> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = i;
    return v;
}

} // namespace

TEST_CASE("ordered chunks commit in file order, settled first, with or without waiting", "[io][chunks]") {
    for (unsigned threads : {1u, 2u, 3u}) {
        for (int waits_until : {0, 10, 1000}) {
            INFO(threads << " threads; chunks wait until " << waits_until << " are parsed");
            Run run;
            run.n = 200;
            run.waiting = [&](int parsed) { return parsed < waits_until; };
            run.go(threads);
            CHECK(run.order == iota(200));
            CHECK(run.settled == 200);
            CHECK(run.settled_twice == 0);
            CHECK(std::all_of(run.settled_before_commit.begin(), run.settled_before_commit.end(), [](int s) { return s == 1; }));
        }
    }
}

TEST_CASE("a thread parses ahead while its oldest chunk waits, up to k_parse_ahead", "[io][chunks]") {
    SECTION("nothing waits: one chunk at a time") {
        Run run;
        run.n = 50;
        run.waiting = [](int) { return false; };
        run.go(1);
        CHECK(run.most_held == 1);
    }
    SECTION("the first 10 chunks wait: the thread holds them all before committing") {
        Run run;
        run.n = 50;
        run.waiting = [](int parsed) { return parsed < 10; };
        run.go(1);
        CHECK(run.most_held == 10);
        CHECK(run.order == iota(50));
    }
    SECTION("everything waits: the window stops it") {
        Run run;
        run.n = 200;
        run.waiting = [](int) { return true; };
        run.go(1);
        CHECK(run.most_held == static_cast<int>(io::k_parse_ahead));
        CHECK(run.order == iota(200));
    }
}
