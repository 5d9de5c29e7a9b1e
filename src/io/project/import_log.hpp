// SPDX-License-Identifier: MIT
#pragma once

#include "core/run_report.hpp"
#include "io/project/project_store.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safermap::io {

// One row of the project's import_log table.
struct ImportLogEntry {
    long long import_id = 0;
    std::string time_utc;
    std::string target_layer;
    std::string file;
    std::string format;
    RunReport report;
    std::string rejects_file;
};

// Appends one row per input file to the project's `import_log`, all rows of one import
// sharing an import_id. The log is what `info` adds up, so that for the incidents layer
// incidents + rejected == rows_read over the project's life.
class ImportLog {
public:
    // Takes the next import id: on PostgreSQL from the project's sequence, which two imports
    // at once never share; in a GeoPackage (one writer at a time) the highest logged plus one.
    explicit ImportLog(ProjectStore& store);
    // The row for one input file of this import.
    ImportLogEntry entry(std::string_view target_layer, const std::string& file, const std::string& format, const RunReport& report,
                         const std::string& rejects_file) const;
    // Writes entry(...) through the project's store (GDAL). An import by binary COPY writes it
    // on its own connection instead (postgres_incident_import.hpp).
    void append(std::string_view target_layer, const std::string& file, const std::string& format, const RunReport& report,
                const std::string& rejects_file);
    long long import_id() const { return m_import_id; }

private:
    ProjectStore& m_store;
    long long m_import_id;
    std::string m_time_utc;
};

// PostgreSQL: the statements that make the sequence numbering imports (schema version 3),
// starting past the highest import id already logged.
std::vector<std::string> import_id_sequence_statements();

// An entry's value for each column of import_log, as text: what either writer stores.
std::vector<std::pair<std::string_view, std::string>> import_log_values(const ImportLogEntry& entry);

// Every row of the log, oldest first.
std::vector<ImportLogEntry> read_import_log(ProjectStore& store);

} // namespace safermap::io
