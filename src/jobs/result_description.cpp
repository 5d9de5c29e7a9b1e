// SPDX-License-Identifier: MIT
#include "jobs/result_description.hpp"

#include "jobs/point_request.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

std::string period_label(const std::string& from_month, const std::string& to_month) {
    if (from_month.empty() && to_month.empty()) return "all months";
    if (to_month.empty()) return from_month + " onwards";
    if (from_month.empty()) return "up to " + to_month;
    return from_month == to_month ? from_month : fmt::format("{} to {}", from_month, to_month);
}

std::string period_label(const io::PointFilter& filter) { return period_label(filter.from_month, filter.to_month); }

std::string categories_label(const io::PointFilter& filter) {
    std::string out;
    for (const auto& c : filter.categories) out += (out.empty() ? "" : "; ") + c;
    return out.empty() ? "all crime types" : out;
}

std::string describe_filter(const io::PointFilter& filter) {
    std::string out = categories_label(filter) + "; " + period_label(filter);
    if (!filter.area_note.empty()) out += "; area " + filter.area_note;
    else if (!filter.area.empty())
        out += fmt::format("; area {}{}", filter.area, filter.area_kind.empty() ? "" : " (" + filter.area_kind + ")");
    if (filter.study_area_only) out += "; study area only";
    return out;
}

std::string weights_label(const PointRequest& request) {
    if (!request.harm_table.empty()) return "harm (" + request.harm_table + ")";
    return request.columns.weight.empty() ? "count" : request.columns.weight;
}

ResultMetadata describe_result(const std::string& method, const PointRequest& request, const std::string& crs) {
    ResultMetadata m = ResultMetadata::object();
    m["method"] = method;
    m["input"] = request.describe_input();
    m["crs"] = crs.empty() ? "none" : crs;
    m["period"] = period_label(request.filter);
    m["categories"] = categories_label(request.filter);
    if (!request.filter.area.empty()) m["area"] = request.filter.area;
    if (!request.filter.area_kind.empty()) m["area_kind"] = request.filter.area_kind;
    if (!request.filter.area_note.empty()) m["area_note"] = request.filter.area_note;
    m["weights"] = weights_label(request);
    return m;
}

} // namespace safermap::jobs
