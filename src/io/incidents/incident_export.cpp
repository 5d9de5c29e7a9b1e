// SPDX-License-Identifier: MIT
#include "io/incidents/incident_export.hpp"

#include "core/error.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/police_uk_format.hpp"
#include "io/project/project_schema.hpp"
#include "io/csv/rejects_writer.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace safermap::io {

long long export_police_uk_csv(const std::string& project, const std::string& out_csv) {
    ProjectStore store = ProjectStore::open(project, false);
    std::unique_ptr<std::FILE, decltype(&std::fclose)> out(std::fopen(out_csv.c_str(), "wb"), &std::fclose);
    if (!out) throw IoError(fmt::format("{}: cannot write ({})", out_csv, std::strerror(errno)));
    std::string line;
    for (std::size_t i = 0; i < k_police_uk_columns.size(); ++i) {
        if (i) line.push_back(',');
        line.append(k_police_uk_columns[i]);
    }
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), out.get());
    OGRLayer& layer = store.layer(schema::k_incidents);
    layer.ResetReading();
    Incident inc;
    long long n = 0;
    for (auto& f : layer) {
        read_incident(*f, inc);
        line.clear();
        bool first = true;
        for (std::string_view field : police_uk_fields(inc)) {
            if (!first) line.push_back(',');
            first = false;
            append_csv_field(line, field);
        }
        line.push_back('\n');
        std::fwrite(line.data(), 1, line.size(), out.get());
        ++n;
    }
    if (std::ferror(out.get())) throw IoError(fmt::format("{}: write failed", out_csv));
    return n;
}

} // namespace safermap::io
