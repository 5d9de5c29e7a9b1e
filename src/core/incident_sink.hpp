// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"

namespace safermap {

// Where accepted incidents go: the project's incidents layer (io::IncidentWriter) or an
// in-memory collection for analysing a file without a project (io::PointCollector).
class IncidentSink {
public:
    virtual ~IncidentSink() = default;
    virtual void write(const Incident& incident) = 0;
};

} // namespace safermap
