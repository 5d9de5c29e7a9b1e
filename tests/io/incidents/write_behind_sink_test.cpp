// SPDX-License-Identifier: MIT
// WriteBehindSink hands incidents to another sink on a thread of its own: every incident must
// arrive once, in order, on that one thread, and what the inner sink throws must reach the
// writing side (at a later write or at drain), with nothing lost or hung either way.
#include "core/error.hpp"
#include "io/incidents/write_behind_sink.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

using namespace safermap;

namespace {

// Records what reaches it, and on which thread; throws at one row if asked.
class RecordingSink : public IncidentSink {
public:
    explicit RecordingSink(std::int64_t fail_at = -1) : m_fail_at(fail_at) {}
    void write(const Incident& inc) override {
        if (inc.source_line == m_fail_at) throw IoError("line " + std::to_string(inc.source_line) + ": refused");
        lines.push_back(inc.source_line);
        keys.push_back(inc.key);
        threads.insert(std::this_thread::get_id());
    }
    std::function<void()> helper_thread_setup() const override {
        return [this] { setup_ran_on = std::this_thread::get_id(); };
    }
    std::vector<std::int64_t> lines;
    std::vector<std::string> keys;
    std::set<std::thread::id> threads;
    mutable std::thread::id setup_ran_on;

private:
    std::int64_t m_fail_at;
};

Incident row(std::int64_t line) {
    Incident inc;
    inc.source_line = line;
    inc.key = "a key long enough to live on the heap, row " + std::to_string(line);
    return inc;
}

} // namespace

TEST_CASE("write-behind sink: every incident arrives once, in order, on the writer thread", "[write_behind]") {
    for (std::size_t batch_rows : {std::size_t{1}, std::size_t{3}, std::size_t{1024}}) {
        for (int n : {0, 1, 2, 3, 7, 5000}) {
            RecordingSink inner;
            {
                io::WriteBehindSink behind(inner, batch_rows, 2);
                for (int i = 1; i <= n; ++i) behind.write(row(i));
                behind.drain();
                // Drained: everything is there before the sink is destroyed.
                REQUIRE(inner.lines.size() == static_cast<std::size_t>(n));
                // More after a drain, then a second drain.
                behind.write(row(n + 1));
                behind.drain();
            }
            REQUIRE(inner.lines.size() == static_cast<std::size_t>(n + 1));
            for (int i = 0; i <= n; ++i) {
                REQUIRE(inner.lines[i] == i + 1);
                REQUIRE(inner.keys[i] == row(i + 1).key);
            }
            REQUIRE(inner.threads.size() == 1);
            REQUIRE(*inner.threads.begin() != std::this_thread::get_id());
            REQUIRE(inner.setup_ran_on == *inner.threads.begin());
        }
    }
}

TEST_CASE("write-behind sink: the inner sink's exception reaches the writing side", "[write_behind]") {
    SECTION("at drain, when the failing row was among the last") {
        RecordingSink inner(5);
        io::WriteBehindSink behind(inner, 4, 2);
        for (int i = 1; i <= 6; ++i) behind.write(row(i));
        REQUIRE_THROWS_WITH(behind.drain(), "line 5: refused");
        REQUIRE(inner.lines == std::vector<std::int64_t>{1, 2, 3, 4});
    }
    SECTION("at a later write, long before the end") {
        RecordingSink inner(10);
        io::WriteBehindSink behind(inner, 4, 2);
        std::int64_t written = 0;
        auto write_many = [&] {
            for (int i = 1; i <= 100'000; ++i) {
                behind.write(row(i));
                ++written;
            }
        };
        REQUIRE_THROWS_WITH(write_many(), "line 10: refused");
        // Stopped within the batches in flight, not at the end of the input.
        REQUIRE(written < 100);
        REQUIRE(inner.lines.size() == 9);
    }
}

TEST_CASE("write-behind sink: destroyed without a drain, it stops and drops what is queued", "[write_behind]") {
    // An inner sink slow enough that three queued batches cannot all be written before the
    // sink is destroyed: the destructor must return without writing them all.
    class SlowSink : public RecordingSink {
    public:
        void write(const Incident& inc) override {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            RecordingSink::write(inc);
        }
    };
    SlowSink inner;
    {
        io::WriteBehindSink behind(inner, 100, 3);
        for (int i = 1; i <= 300; ++i) behind.write(row(i));
    }
    REQUIRE(inner.lines.size() < 300);
    for (std::size_t i = 0; i < inner.lines.size(); ++i) REQUIRE(inner.lines[i] == static_cast<std::int64_t>(i + 1));
}

TEST_CASE("write-behind sink: written by several threads in turn, as reading threads commit", "[write_behind]") {
    // Each thread writes every fourth row when its turn comes, handing the turn on through a
    // mutex, as run_ordered_chunks hands on commits.
    RecordingSink inner;
    io::WriteBehindSink behind(inner, 7, 2);
    std::mutex turn_mutex;
    std::condition_variable turn_changed;
    int next = 1;
    constexpr int k_rows = 4000, k_threads = 4;
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&, t] {
            for (int line = t + 1; line <= k_rows; line += k_threads) {
                std::unique_lock lock(turn_mutex);
                turn_changed.wait(lock, [&] { return next == line; });
                behind.write(row(line));
                ++next;
                turn_changed.notify_all();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    behind.drain();
    REQUIRE(inner.lines.size() == static_cast<std::size_t>(k_rows));
    for (int i = 0; i < k_rows; ++i) REQUIRE(inner.lines[i] == i + 1);
}

TEST_CASE("write-behind sink: writing on after a failure rethrows and never overruns a batch", "[write_behind]") {
    RecordingSink inner(3);
    io::WriteBehindSink behind(inner, 4, 2);
    int failures = 0;
    for (int i = 1; i <= 200; ++i) {
        try {
            behind.write(row(i));
        } catch (const IoError&) {
            ++failures;
        }
    }
    CHECK(failures > 0);
    REQUIRE_THROWS_WITH(behind.drain(), "line 3: refused");
    CHECK(inner.lines == std::vector<std::int64_t>{1, 2});
}
