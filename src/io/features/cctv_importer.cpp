// SPDX-License-Identifier: MIT
#include "io/features/cctv_importer.hpp"

#include "io/csv/field_aliases.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <cctype>

namespace safermap::io {

std::string normalise_camera_type(const std::string& text) {
    std::string t;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (t.empty()) return "unknown";
    if (t == "fixed" || t == "static") return "fixed";
    if (t == "ptz" || t == "pantiltzoom" || t == "dome") return "ptz";
    if (t == "redeployable" || t == "mobile" || t == "rdc" || t == "redeployablecamera") return "redeployable";
    return "";
}

FeatureImportResult import_cctv(ProjectStore& store, const std::string& path, const std::string& crs_override,
                                Rejects& rejects, const geo::GeosContext& geos) {
    struct Fields { int id, name, type, heading, fov, range, date, status, funding, illustrative; };
    std::optional<Fields> idx;
    auto fill = [&](const OGRFeature& in, OGRFeature& out, RunReport& report) -> std::optional<Rejection> {
        if (!idx) {
            const OGRFeatureDefn& d = *in.GetDefnRef();
            idx = Fields{find_field(d, {"site_id", "camera_id", "cctv_id", "id"}),
                         find_field(d, {"name", "location", "site_name"}),
                         find_field(d, {"type", "camera_type"}),
                         find_field(d, {"heading_deg", "heading", "bearing"}),
                         find_field(d, {"fov_deg", "fov", "field_of_view"}),
                         find_field(d, {"range_m", "range"}),
                         find_field(d, {"install_date", "installed", "date"}),
                         find_field(d, {"status"}),
                         find_field(d, {"funding", "funding_source"}),
                         find_field(d, {"illustrative"})};
        }
        const Fields& x = *idx;
        std::string type = normalise_camera_type(field_text(in, x.type));
        if (type.empty()) return Rejection{"bad_type", fmt::format("camera type '{}' is not fixed, ptz or redeployable", field_text(in, x.type))};
        if (type == "unknown") report.note("type_not_given");
        auto heading = read_number(field_text(in, x.heading), 0, 360, "heading", "bad_heading");
        if (heading.error) return heading.error;
        auto fov = read_number(field_text(in, x.fov), 0, 360, "field of view", "bad_fov");
        if (fov.error) return fov.error;
        auto range = read_number(field_text(in, x.range), 0, 10000, "range", "bad_range");
        if (range.error) return range.error;
        auto install_date = read_date(field_text(in, x.date), "install date");
        if (install_date.error) return install_date.error;
        set_id_and_illustrative(in, out, "site_id", x.id, x.illustrative, report);
        out.SetField("name", field_text(in, x.name).c_str());
        out.SetField("type", type.c_str());
        if (heading.value) out.SetField("heading_deg", *heading.value);
        if (fov.value) out.SetField("fov_deg", *fov.value);
        if (range.value) out.SetField("range_m", *range.value);
        if (!install_date.iso.empty()) out.SetField("install_date", install_date.iso.c_str());
        if (x.status >= 0) out.SetField("status", field_text(in, x.status).c_str());
        if (x.funding >= 0) out.SetField("funding", field_text(in, x.funding).c_str());
        std::string others = other_fields_json(in, {x.id, x.name, x.type, x.heading, x.fov, x.range, x.date, x.status, x.funding, x.illustrative});
        if (!others.empty()) out.SetField("attributes", others.c_str());
        return std::nullopt;
    };
    return import_features(store, schema::k_cctv, path, crs_override, true, rejects, geos, fill);
}

} // namespace safermap::io
