// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/incident_sink.hpp"
#include "io/project/deferred_spatial_index.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_store.hpp"

#include <memory>
#include <string>

namespace safermap::io {

// Appends incidents to a project's `incidents` layer, reusing one OGR feature so that a
// million rows cost a million inserts and nothing more.
class IncidentWriter : public IncidentSink {
public:
    explicit IncidentWriter(ProjectStore& store);
    ~IncidentWriter() override;
    IncidentWriter(const IncidentWriter&) = delete;
    IncidentWriter& operator=(const IncidentWriter&) = delete;

    // Throws IoError naming the source file and line when OGR refuses the feature.
    void write(const Incident& incident) override;
    // Completes what writing deferred (a first import's GeoPackage R-tree, deferred_spatial_index);
    // call it after the last row and before the import commits. Throws IoError.
    void finish();

private:
    ProjectStore& m_store;
    OGRLayer& m_layer;
    IncidentPartitions m_partitions; // PostGIS: each year's partition made before its first row
    std::unique_ptr<OGRFeature> m_feature;
    OGRPoint m_point;
    struct FieldIndexes;
    std::unique_ptr<FieldIndexes> m_idx;
    std::unique_ptr<DeferredSpatialIndex> m_spatial_index; // a GeoPackage's first import: packed at the end
};

// Reads a stored incident back (the inverse of IncidentWriter::write).
void read_incident(const OGRFeature& feature, Incident& incident);

} // namespace safermap::io

namespace safermap {
class KeyRegistry;
}

namespace safermap::io {

// Registers the key of every incident already in the project, reading only that field.
void load_incident_keys(ProjectStore& store, KeyRegistry& keys);

} // namespace safermap::io
