// SPDX-License-Identifier: MIT
#include "io/incidents/point_loader.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/incident_sink.hpp"
#include "core/key_registry.hpp"
#include "core/memory_tuning.hpp"
#include "geo/geos_context.hpp"
#include "geo/study_area.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/csv/rejects_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace safermap::io {

std::int32_t month_index(const std::string& text, const char* what) {
    auto m = parse_month(text);
    if (!m) throw ConfigError(fmt::format("{} '{}' is not a month (YYYY-MM)", what, text));
    return std::stoi(text.substr(0, 4)) * 12 + std::stoi(text.substr(5, 2)) - 1;
}

std::string month_text(std::int32_t index) { return fmt::format("{:04}-{:02}", index / 12, index % 12 + 1); }

namespace {

// Appends accepted incidents to a PointSet, applying the month and category filter.
class PointCollector : public IncidentSink {
public:
    PointCollector(PointSet& out, const PointFilter& filter) : m_out(out), m_filter(filter) {
        if (!filter.from_month.empty()) m_from = month_index(filter.from_month, "--from");
        if (!filter.to_month.empty()) m_to = month_index(filter.to_month, "--to");
    }

    void write(const Incident& inc) override { add(inc.xy, inc.month, inc.category, inc.weight, inc.in_study_area); }

    void add(const std::optional<XY>& xy, const std::string& month, const std::string& category,
             std::optional<double> weight, std::optional<bool> in_study_area) {
        RunReport& r = m_out.report;
        std::int32_t m = month_of(month);
        if ((m_from && (m < 0 || m < *m_from)) || (m_to && (m < 0 || m > *m_to))) {
            r.note("filtered_out_by_month");
            return;
        }
        if (!m_filter.categories.empty() &&
            std::find(m_filter.categories.begin(), m_filter.categories.end(), category) == m_filter.categories.end()) {
            r.note("filtered_out_by_category");
            return;
        }
        if (m_filter.study_area_only && in_study_area && !*in_study_area) {
            r.note("filtered_out_outside_study_area");
            return;
        }
        if (!xy) {
            r.note("not_geocoded");
            return;
        }
        if (m_area && !m_area->contains(xy->x, xy->y)) {
            r.note("filtered_out_by_area");
            return;
        }
        m_out.x.push_back(xy->x);
        m_out.y.push_back(xy->y);
        m_out.weight.push_back(weight.value_or(1.0));
        m_out.month.push_back(m);
        m_out.category.push_back(category_id(category));
    }

    void set_area(const geo::StudyArea* area) { m_area = area; }

private:
    // Rows arrive sorted by month and often by type (a police.uk file is one month), so the
    // last answer is remembered: parsing and looking up every row cost more than the rest.
    std::int32_t month_of(const std::string& month) {
        if (month.empty()) return -1;
        if (month != m_last_month) {
            m_last_month_index = month_index(month, "month");
            m_last_month = month;
        }
        return m_last_month_index;
    }

    std::uint16_t category_id(const std::string& category) {
        if (m_last_category && *m_last_category == category) return m_last_category_id;
        auto [it, added] = m_category_ids.try_emplace(category, static_cast<std::uint16_t>(m_out.categories.size()));
        if (added) {
            if (m_out.categories.size() >= 65535) throw Error("more than 65,535 distinct categories");
            m_out.categories.push_back(category);
        }
        m_last_category = &it->first;
        m_last_category_id = it->second;
        return it->second;
    }

    PointSet& m_out;
    const PointFilter& m_filter;
    std::optional<std::int32_t> m_from, m_to;
    std::map<std::string, std::uint16_t> m_category_ids;
    std::string m_last_month;
    std::int32_t m_last_month_index = -1;
    const std::string* m_last_category = nullptr; // a key of m_category_ids: std::map keys never move
    std::uint16_t m_last_category_id = 0;
    const geo::StudyArea* m_area = nullptr;
};

// The boundary named `area` (by name or code) of kind `kind` in the project.
std::unique_ptr<geo::StudyArea> load_area(ProjectStore& store, const PointFilter& filter, const geo::GeosContext& geos) {
    if (filter.area.empty()) return nullptr;
    const std::string& kind = filter.area_kind;
    std::string where = kind.empty() ? "" : fmt::format("kind = {} AND ", sql_quote(kind));
    where += fmt::format("(name = {0} OR code = {0})", sql_quote(filter.area));
    std::vector<geo::GeomPtr> polygons;
    read_boundaries(store, where, geos, [&](StoredBoundary&& b) { polygons.push_back(std::move(b.geometry)); });
    if (polygons.empty())
        throw ConfigError(fmt::format("{}: no boundary named or coded '{}'{}", store.path(), filter.area,
                                      kind.empty() ? "" : fmt::format(" of kind {}", kind)));
    return std::make_unique<geo::StudyArea>(geos, std::move(polygons), filter.area);
}

std::string sql_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + sql_quote(v);
    return out;
}

} // namespace

PointSet load_project_points(const std::string& project, const PointFilter& filter) {
    ProjectStore store = ProjectStore::open(project, false);
    PointSet out;
    out.crs = store.working_crs();
    geo::GeosContext geos;
    auto area = load_area(store, filter, geos);
    PointCollector collector(out, filter);
    collector.set_area(area.get());
    // Only the columns analysis needs, by SQL: an incident feature has some thirty fields, and
    // reading them all cost more than everything else in loading a project's points. The
    // database does the cheap filtering; the collector re-checks and counts the rest.
    std::vector<std::string> where;
    if (!filter.from_month.empty()) where.push_back(fmt::format("month >= '{}'", month_text(month_index(filter.from_month, "--from"))));
    if (!filter.to_month.empty()) where.push_back(fmt::format("month <= '{}'", month_text(month_index(filter.to_month, "--to"))));
    if (!filter.categories.empty()) where.push_back(fmt::format("category IN ({})", sql_list(filter.categories)));
    std::string sql = fmt::format("SELECT geom, month, category, weight, in_study_area FROM {}", schema::k_incidents);
    for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    GDALDataset& dataset = store.dataset();
    auto release = [&dataset](OGRLayer* l) { dataset.ReleaseResultSet(l); };
    std::unique_ptr<OGRLayer, decltype(release)> result(dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr), release);
    if (!result) throw IoError(fmt::format("{}: cannot read incidents ({})", store.path(), gdal_last_error()));
    const OGRFeatureDefn& d = *result->GetLayerDefn();
    const int month = d.GetFieldIndex("month"), category = d.GetFieldIndex("category"),
              weight = d.GetFieldIndex("weight"), inside = d.GetFieldIndex("in_study_area");
    std::string month_value, category_value;
    for (auto& f : *result) {
        ++out.report.rows_read;
        const OGRGeometry* g = f->GetGeometryRef();
        std::optional<XY> xy;
        if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint) xy = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        std::optional<double> w;
        if (f->IsFieldSetAndNotNull(weight)) w = f->GetFieldAsDouble(weight);
        std::optional<bool> in;
        if (f->IsFieldSetAndNotNull(inside)) in = f->GetFieldAsInteger(inside) != 0;
        month_value.assign(f->IsFieldSetAndNotNull(month) ? f->GetFieldAsString(month) : "");
        category_value.assign(f->IsFieldSetAndNotNull(category) ? f->GetFieldAsString(category) : "");
        collector.add(xy, month_value, category_value, w, in);
    }
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

PointSet load_file_points(const std::vector<std::string>& files, const IncidentColumns& columns,
                          const std::string& working_crs, const PointFilter& filter, const std::string& rejects_path) {
    if (!filter.area.empty()) throw ConfigError("--area needs a project that holds the boundaries");
    PointSet out;
    out.crs = working_crs;
    std::unique_ptr<RejectsWriter> writer;
    if (!rejects_path.empty()) writer = std::make_unique<RejectsWriter>(rejects_path);
    Rejects rejects([&](const RejectedRow& row) {
        if (writer) writer->write(row);
    });
    PointCollector collector(out, filter);
    KeyRegistry keys;
    const std::size_t expected = estimate_rows(files);
    keys.reserve(expected);
    for (auto* column : {&out.x, &out.y, &out.weight}) {
        column->reserve(expected);
        advise_huge_pages(column->data(), column->capacity() * sizeof(double));
    }
    out.month.reserve(expected);
    advise_huge_pages(out.month.data(), out.month.capacity() * sizeof(std::int32_t));
    out.category.reserve(expected);
    advise_huge_pages(out.category.data(), out.category.capacity() * sizeof(std::uint16_t));
    IncidentImporter importer(collector, keys, rejects, working_crs);
    RunReport total;
    for (const auto& f : files) total.add(importer.import_file(f, columns));
    if (writer) writer->close();
    // Rows the importer accepted but the filter dropped are notes in `out.report`.
    out.report.rows_read = total.rows_read;
    out.report.rejected_by_reason = total.rejected_by_reason;
    for (const auto& [k, v] : total.notes_by_reason) out.report.notes_by_reason[k] += v;
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

} // namespace safermap::io
