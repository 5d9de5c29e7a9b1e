// SPDX-License-Identifier: MIT
#include "io/csv/ordered_chunks.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace safermap::io {

namespace {

class Turns {
public:
    explicit Turns(const OrderedChunkSteps& steps) : m_steps(steps) {}

    void work(const RowFormat& format) {
        try {
            RowParser parser(format);
            std::deque<Held> held;                          // parsed, in file order, not yet committed
            std::vector<std::unique_ptr<ParsedChunk>> spare; // committed ones, for their capacity
            while (true) {
                // A chunk is taken when none is held, or to parse ahead while the oldest waits.
                const bool take = held.empty() || (held.size() < k_parse_ahead && m_steps.waiting &&
                                                   m_steps.waiting(*held.front().chunk));
                if (take) {
                    std::unique_ptr<ParsedChunk> chunk;
                    if (spare.empty()) chunk = std::make_unique<ParsedChunk>();
                    else {
                        chunk = std::move(spare.back());
                        spare.pop_back();
                    }
                    std::optional<std::uint64_t> sequence;
                    {
                        std::lock_guard lock(m_read_mutex);
                        if (m_stopped) return;
                        if (!m_exhausted) {
                            if (m_steps.next(*chunk)) sequence = m_next_sequence++;
                            else m_exhausted = true;
                        }
                    }
                    if (sequence) {
                        m_steps.parse(*chunk, parser);
                        held.push_back({*sequence, std::move(chunk)});
                        continue;
                    }
                    spare.push_back(std::move(chunk));
                    if (held.empty()) return; // the file is read and everything committed
                }
                Held& oldest = held.front();
                if (m_steps.settle) m_steps.settle(*oldest.chunk, parser);
                {
                    std::unique_lock lock(m_turn_mutex);
                    m_turn_changed.wait(lock, [&] { return m_turn == oldest.sequence || m_stopped; });
                    if (m_stopped) return;
                }
                m_steps.commit(*oldest.chunk, parser);
                {
                    std::lock_guard lock(m_turn_mutex);
                    ++m_turn;
                }
                m_turn_changed.notify_all();
                spare.push_back(std::move(oldest.chunk));
                held.pop_front();
            }
        } catch (...) {
            stop(std::current_exception());
        }
    }

    void rethrow_any() const {
        if (m_error) std::rethrow_exception(m_error);
    }

private:
    struct Held {
        std::uint64_t sequence = 0;
        std::unique_ptr<ParsedChunk> chunk;
    };

    void stop(std::exception_ptr error) {
        {
            std::scoped_lock lock(m_read_mutex, m_turn_mutex);
            if (!m_error) m_error = error;
            m_stopped = true;
        }
        m_turn_changed.notify_all();
    }

    const OrderedChunkSteps& m_steps;
    std::mutex m_read_mutex, m_turn_mutex;
    std::condition_variable m_turn_changed;
    std::uint64_t m_next_sequence = 0, m_turn = 0;
    bool m_exhausted = false, m_stopped = false;
    std::exception_ptr m_error;
};

} // namespace

void run_ordered_chunks(const RowFormat& format, unsigned threads, const OrderedChunkSteps& steps) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    Turns turns(steps);
    std::vector<std::thread> helpers;
    for (unsigned i = 1; i < threads; ++i)
        helpers.emplace_back([&] {
            if (steps.start_helper) steps.start_helper();
            turns.work(format);
        });
    turns.work(format);
    for (auto& t : helpers) t.join();
    turns.rethrow_any();
}

} // namespace safermap::io
