// SPDX-License-Identifier: MIT
#include "io/incidents/point_loader.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/incident_sink.hpp"
#include "core/key_registry.hpp"
#include "core/name_match.hpp"
#include "core/memory_tuning.hpp"
#include "geo/geos_context.hpp"
#include "geo/study_area.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/csv/rejects_writer.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace safermap::io {

std::int32_t month_index(const std::string& text, const char* what) {
    auto m = parse_month(text);
    if (!m) throw ConfigError(fmt::format("{} '{}' is not a month (YYYY-MM)", what, text));
    return std::stoi(text.substr(0, 4)) * 12 + std::stoi(text.substr(5, 2)) - 1;
}

std::string month_text(std::int32_t index) { return fmt::format("{:04}-{:02}", index / 12, index % 12 + 1); }

std::int32_t day_number(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || (text.size() > 10 && text[10] != 'T' && text[10] != ' ')) return -1;
    auto number = [&](std::size_t from, std::size_t to) {
        int n = 0;
        for (std::size_t k = from; k < to; ++k) {
            if (text[k] < '0' || text[k] > '9') return -1;
            n = n * 10 + (text[k] - '0');
        }
        return n;
    };
    const int y = number(0, 4), m = number(5, 7), d = number(8, 10);
    if (y < 0 || m < 1 || d < 1) return -1;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return -1;
    return static_cast<std::int32_t>(std::chrono::sys_days{date}.time_since_epoch().count());
}

namespace {

// Appends accepted incidents to a PointSet, applying the month and category filter.
class PointCollector : public IncidentSink {
public:
    PointCollector(PointSet& out, const PointFilter& filter) : m_out(out), m_filter(filter) {
        if (!filter.from_month.empty()) m_from = month_index(filter.from_month, "--from");
        if (!filter.to_month.empty()) m_to = month_index(filter.to_month, "--to");
        for (const auto& c : filter.categories) m_wanted.insert(name_key(c));
    }

    void write(const Incident& inc) override { add(inc.xy, inc.month, inc.occurred, inc.category, inc.weight, inc.in_study_area); }

    void add(const std::optional<XY>& xy, const std::string& month, const std::string& occurred, const std::string& category,
             std::optional<double> weight, std::optional<bool> in_study_area) {
        RunReport& r = m_out.report;
        std::int32_t m = month_of(month);
        if (!m_wanted.empty() && !wanted(category)) {
            r.note("filtered_out_by_category");
            return;
        }
        if ((m_from && (m < 0 || m < *m_from)) || (m_to && (m < 0 || m > *m_to))) {
            r.note("filtered_out_by_month");
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
        m_out.day.push_back(day_of(occurred));
        m_out.category.push_back(category_id(category));
    }

    void set_area(const geo::StudyArea* area) { m_area = area; }

    // Every category met, kept or not, to list when a wanted one never turned up.
    const std::set<std::string>& seen_categories() const { return m_seen; }

private:
    // Crime types match case-insensitively ("burglary" is "Burglary"); the answer for the
    // last category is remembered, as rows come grouped by type.
    bool wanted(const std::string& category) {
        if (category != m_last_seen) {
            m_last_seen = category;
            m_seen.insert(category);
            m_last_wanted = m_wanted.count(name_key(category)) > 0;
        }
        return m_last_wanted;
    }

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

    // police.uk rows have no date: the empty answer is the common one, so it is remembered too.
    std::int32_t day_of(const std::string& occurred) {
        if (occurred != m_last_occurred) {
            m_last_day = day_number(occurred);
            m_last_occurred = occurred;
        }
        return m_last_day;
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
    std::string m_last_month, m_last_occurred;
    std::int32_t m_last_month_index = -1, m_last_day = -1;
    const std::string* m_last_category = nullptr; // a key of m_category_ids: std::map keys never move
    std::uint16_t m_last_category_id = 0;
    const geo::StudyArea* m_area = nullptr;
    std::set<std::string> m_wanted, m_seen;
    std::string m_last_seen;
    bool m_last_wanted = false;
};

} // namespace

PointSet load_project_points(const std::string& project, const PointFilter& requested) {
    ProjectStore store = ProjectStore::open(project, false);
    const PointFilter filter = resolve_project_filter(store, requested);
    PointSet out;
    out.crs = store.working_crs();
    geo::GeosContext geos;
    auto area = load_filter_area(store, filter, geos);
    PointCollector collector(out, filter);
    collector.set_area(area.get());
    // Only the columns analysis needs, by SQL: an incident feature has some thirty fields, and
    // reading them all cost more than everything else in loading a project's points. The
    // database does the cheap filtering; the collector re-checks and counts the rest.
    // PostGIS: rows fetched 10,000 at a time, not GDAL's 500 (a million points 2.7 s -> 1.9 s),
    // unless the user chose otherwise.
    std::optional<ScopedConfigOption> page;
    if (store.dialect() == SqlDialect::postgres && !CPLGetConfigOption("OGR_PG_CURSOR_PAGE", nullptr))
        page.emplace("OGR_PG_CURSOR_PAGE", "10000");
    const std::string sql = fmt::format("SELECT geom, month, occurred, category, weight, in_study_area FROM {}{}{}", schema::k_incidents,
                                        filter_sql_where(store, filter, area.get()), order_by_insertion(store.dialect()));
    GDALDataset& dataset = store.dataset();
    auto release = [&dataset](OGRLayer* l) { dataset.ReleaseResultSet(l); };
    std::unique_ptr<OGRLayer, decltype(release)> result(dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr), release);
    if (!result) throw IoError(fmt::format("{}: cannot read incidents ({})", store.path(), gdal_last_error()));
    const OGRFeatureDefn& d = *result->GetLayerDefn();
    const int month = d.GetFieldIndex("month"), occurred = d.GetFieldIndex("occurred"), category = d.GetFieldIndex("category"),
              weight = d.GetFieldIndex("weight"), inside = d.GetFieldIndex("in_study_area");
    std::string month_value, occurred_value, category_value;
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
        occurred_value.assign(f->IsFieldSetAndNotNull(occurred) ? f->GetFieldAsString(occurred) : "");
        category_value.assign(f->IsFieldSetAndNotNull(category) ? f->GetFieldAsString(category) : "");
        collector.add(xy, month_value, occurred_value, category_value, w, in);
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
    if (!filter.from_month.empty() && !filter.to_month.empty() &&
        month_index(filter.from_month, "--from") > month_index(filter.to_month, "--to"))
        throw ConfigError(fmt::format("--from {} is after --to {}", filter.from_month, filter.to_month));
    KeyRegistry keys;
    const std::size_t expected = estimate_rows(files);
    keys.reserve(expected);
    for (auto* column : {&out.x, &out.y, &out.weight}) {
        column->reserve(expected);
        advise_huge_pages(column->data(), column->capacity() * sizeof(double));
    }
    for (auto* column : {&out.month, &out.day}) {
        column->reserve(expected);
        advise_huge_pages(column->data(), column->capacity() * sizeof(std::int32_t));
    }
    out.category.reserve(expected);
    advise_huge_pages(out.category.data(), out.category.capacity() * sizeof(std::uint16_t));
    IncidentImporter importer(collector, keys, rejects, working_crs);
    RunReport total;
    for (const auto& f : files) total.add(importer.import_file(f, columns));
    if (writer) writer->close();
    const std::vector<std::string> seen(collector.seen_categories().begin(), collector.seen_categories().end());
    for (const auto& c : filter.categories)
        if (!find_name(c, seen)) throw ConfigError(no_such_name_message("crime type", c, "the input", seen));
    // Rows the importer accepted but the filter dropped are notes in `out.report`.
    out.report.rows_read = total.rows_read;
    out.report.rejected_by_reason = total.rejected_by_reason;
    for (const auto& [k, v] : total.notes_by_reason) out.report.notes_by_reason[k] += v;
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

} // namespace safermap::io
