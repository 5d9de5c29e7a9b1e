// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident_sink.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace safermap::io {

// Passes incidents to another sink on a writer thread of its own, in batches, in the order
// written. An import's writes (GDAL, SQLite, COPY) then run beside the parsing and checking of
// the rows that follow instead of after them: on a GeoPackage the writes are over half the
// import's work, and the reading threads otherwise wait for them.
//
// The inner sink is used by the writer thread alone until drain() returns, so the caller must
// not touch what it writes to (the project's dataset or connection) meanwhile. The writer
// thread starts with the inner sink's helper_thread_setup() (the caller's GDAL settings).
class WriteBehindSink : public IncidentSink {
public:
    // `batch_rows` incidents a batch, `batches` batches in flight at most (memory is bounded).
    explicit WriteBehindSink(IncidentSink& inner, std::size_t batch_rows = 1024, std::size_t batches = 8);
    // Stops the writer thread; rows not yet written are dropped (the caller's transaction,
    // which failed if drain() was not reached, rolls back the rest). No other thread may be
    // in write() or drain() meanwhile.
    ~WriteBehindSink() override;
    WriteBehindSink(const WriteBehindSink&) = delete;
    WriteBehindSink& operator=(const WriteBehindSink&) = delete;

    // Copies the incident into the current batch. Rethrows what the inner sink threw on an
    // earlier row, so that a failed import stops at its next row.
    void write(const Incident& incident) override;
    std::function<void()> helper_thread_setup() const override { return m_inner.helper_thread_setup(); }

    // Returns once every incident written so far has reached the inner sink; rethrows the
    // inner sink's exception, if it threw.
    void drain();

private:
    struct Batch {
        std::vector<Incident> rows; // slots reused batch after batch, strings keeping their capacity
        std::size_t used = 0;
    };

    void run(const std::function<void()>& setup);
    void hand_over(std::unique_lock<std::mutex>& lock);
    void rethrow_failure();

    IncidentSink& m_inner;
    std::vector<Batch> m_batches;
    Batch* m_filling = nullptr; // the writing side's batch; touched by whichever thread writes
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch*> m_free;
    std::deque<Batch*> m_full;
    bool m_writing = false; // the writer thread holds a batch
    bool m_stop = false;
    std::exception_ptr m_failure;
    std::thread m_thread;
};

} // namespace safermap::io
