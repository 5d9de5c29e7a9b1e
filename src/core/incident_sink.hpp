// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"

#include <functional>

namespace safermap {

// Where accepted incidents go: the project's incidents layer (io::IncidentWriter) or an
// in-memory collection for analysing a file without a project (io::PointCollector).
class IncidentSink {
public:
    virtual ~IncidentSink() = default;
    virtual void write(const Incident& incident) = 0;
    // What a reading helper thread runs first, since write() is called on whichever thread
    // parsed the rows: a writer through GDAL gives it the caller's GDAL settings. Nothing by
    // default, so that reading into memory never loads GDAL.
    virtual std::function<void()> helper_thread_setup() const { return {}; }
};

} // namespace safermap
