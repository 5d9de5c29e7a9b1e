// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/incident_sink.hpp"
#include "io/incidents/gpkg_incident_inserter.hpp"
#include "io/project/deferred_spatial_index.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace safermap::io {

// Appends incidents to a project's `incidents` layer: in a GeoPackage by SaferMap's own
// prepared statement (gpkg_incident_inserter.hpp), elsewhere through GDAL, reusing one OGR
// feature so that a million rows cost a million inserts and nothing more.
class IncidentWriter : public IncidentSink {
public:
    // How a GeoPackage's rows are written: by SaferMap's statement, or through GDAL's
    // CreateFeature (the reference the tests hold the statement to).
    enum class GeoPackageRows { by_statement, through_gdal };

    // `new_years`: how a PostGIS import treats a year without a partition (incident_partitions.hpp).
    explicit IncidentWriter(ProjectStore& store,
                            IncidentPartitions::NewYears new_years = IncidentPartitions::NewYears::made_at_once,
                            GeoPackageRows rows = GeoPackageRows::by_statement);
    ~IncidentWriter() override;
    IncidentWriter(const IncidentWriter&) = delete;
    IncidentWriter& operator=(const IncidentWriter&) = delete;

    // Throws IoError naming the source file and line when OGR refuses the feature.
    void write(const Incident& incident) override;
    // The caller's GDAL settings (PG_USE_COPY among them) for the import's reading threads.
    std::function<void()> helper_thread_setup() const override;
    // Completes what writing deferred (a first import's GeoPackage R-tree, deferred_spatial_index;
    // PostGIS years loaded aside); call it after the last row and before the import commits.
    // Throws IoError.
    void finish();

private:
    // A layer written to (the incidents layer, or a PostGIS year loaded aside) with the feature
    // reused for it and its field indexes.
    struct Target;
    Target& target_for(OGRLayer& layer);

    ProjectStore& m_store;
    IncidentPartitions m_partitions;
    std::vector<std::unique_ptr<Target>> m_targets;
    OGRPoint m_point;
    std::unique_ptr<GpkgIncidentInserter> m_inserter;      // a GeoPackage's rows
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
