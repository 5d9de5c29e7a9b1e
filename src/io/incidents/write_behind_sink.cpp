// SPDX-License-Identifier: MIT
#include "io/incidents/write_behind_sink.hpp"

#include <stdexcept>

namespace safermap::io {

WriteBehindSink::WriteBehindSink(IncidentSink& inner, std::size_t batch_rows, std::size_t batches) : m_inner(inner) {
    if (batch_rows == 0 || batches == 0) throw std::invalid_argument("WriteBehindSink: batches must hold rows");
    m_batches.resize(batches);
    for (auto& batch : m_batches) {
        batch.rows.resize(batch_rows);
        m_free.push_back(&batch);
    }
    m_thread = std::thread([this, setup = inner.helper_thread_setup()] { run(setup); });
}

WriteBehindSink::~WriteBehindSink() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void WriteBehindSink::rethrow_failure() {
    if (m_failure) std::rethrow_exception(m_failure);
}

void WriteBehindSink::write(const Incident& incident) {
    if (!m_filling) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_free.empty() || m_failure; });
        rethrow_failure();
        m_filling = m_free.front();
        m_free.pop_front();
    }
    m_filling->rows[m_filling->used++] = incident;
    if (m_filling->used == m_filling->rows.size()) {
        std::unique_lock lock(m_mutex);
        hand_over(lock);
    }
}

// Queues the batch being filled for the writer thread (the lock held). After a failure the
// batch is emptied and set free instead, so that nothing is ever written past its end.
void WriteBehindSink::hand_over(std::unique_lock<std::mutex>& lock) {
    if (m_failure) {
        m_filling->used = 0;
        m_free.push_back(m_filling);
        m_filling = nullptr;
        rethrow_failure();
    }
    m_full.push_back(m_filling);
    m_filling = nullptr;
    lock.unlock();
    m_changed.notify_all();
}

void WriteBehindSink::drain() {
    std::unique_lock lock(m_mutex);
    if (m_filling && m_filling->used > 0) {
        hand_over(lock);
        lock.lock();
    }
    m_changed.wait(lock, [&] { return (m_full.empty() && !m_writing) || m_failure; });
    rethrow_failure();
}

void WriteBehindSink::run(const std::function<void()>& setup) {
    if (setup) setup();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return !m_full.empty() || m_stop; });
        if (m_stop) return;
        Batch* batch = m_full.front();
        m_full.pop_front();
        m_writing = true;
        // After a failure the batches still come back, unwritten, so that nothing waits forever.
        const bool skip = m_failure != nullptr;
        lock.unlock();
        std::exception_ptr failure;
        try {
            for (std::size_t i = 0; i < batch->used && !skip; ++i) m_inner.write(batch->rows[i]);
        } catch (...) {
            failure = std::current_exception();
        }
        batch->used = 0;
        lock.lock();
        if (failure && !m_failure) m_failure = failure;
        m_writing = false;
        m_free.push_back(batch);
        m_changed.notify_all();
    }
}

} // namespace safermap::io
