// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident_sink.hpp"
#include "io/project/import_log.hpp"

#include <string>

namespace safermap {
class KeyRegistry;
}

namespace safermap::io {

// Where an import's incidents go, with what the import records about them: through GDAL in the
// import's transaction on the project store (import_job.cpp), or, for an import of incidents
// alone into an existing PostGIS project, by binary COPY in a transaction of SaferMap's own
// connection (postgres_incident_import.hpp).
class IncidentDestination {
public:
    virtual ~IncidentDestination() = default;
    virtual IncidentSink& sink() = 0;
    // Registers the key of every incident already in the project, so that none is stored twice.
    virtual void load_keys(KeyRegistry& keys) = 0;
    virtual void set_setting(const std::string& key, const std::string& value) = 0;
    virtual void log(const ImportLogEntry& entry) = 0;
    // After the last file: what writing deferred (indexes, partitions), the incidents' vintage
    // (first and last month) in the settings, and fresh planner statistics on PostGIS.
    virtual void finish() = 0;
};

} // namespace safermap::io
