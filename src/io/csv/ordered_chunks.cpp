// SPDX-License-Identifier: MIT
#include "io/csv/ordered_chunks.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
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
            ParsedChunk chunk;
            while (true) {
                std::uint64_t sequence = 0;
                {
                    std::lock_guard lock(m_read_mutex);
                    if (m_stopped || m_exhausted) return;
                    if (!m_steps.next(chunk)) {
                        m_exhausted = true;
                        return;
                    }
                    sequence = m_next_sequence++;
                }
                m_steps.parse(chunk, parser);
                {
                    std::unique_lock lock(m_turn_mutex);
                    m_turn_changed.wait(lock, [&] { return m_turn == sequence || m_stopped; });
                    if (m_stopped) return;
                }
                m_steps.commit(chunk, parser);
                {
                    std::lock_guard lock(m_turn_mutex);
                    ++m_turn;
                }
                m_turn_changed.notify_all();
            }
        } catch (...) {
            stop(std::current_exception());
        }
    }

    void rethrow_any() const {
        if (m_error) std::rethrow_exception(m_error);
    }

private:
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
