// SPDX-License-Identifier: MIT
#include "io/features/intervention_importer.hpp"

#include "io/csv/field_aliases.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <cctype>

namespace safermap::io {

std::string normalise_intervention_type(const std::string& text) {
    std::string t;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (t == "alleygate" || t == "alleygates" || t == "alleygating" || t == "gating") return "alley_gate";
    if (t == "streetlighting" || t == "lighting" || t == "streetlight" || t == "streetlights") return "street_lighting";
    if (t == "cctv") return "cctv";
    if (t == "targethardening") return "target_hardening";
    if (t == "other") return "other";
    return "";
}

FeatureImportResult import_interventions(ProjectStore& store, const std::string& path, const std::string& crs_override,
                                         Rejects& rejects, const geo::GeosContext& geos) {
    struct Fields { int id, type, date, funding, description, illustrative; };
    std::optional<Fields> idx;
    auto fill = [&](const OGRFeature& in, OGRFeature& out, RunReport& report) -> std::optional<Rejection> {
        if (!idx) {
            const OGRFeatureDefn& d = *in.GetDefnRef();
            idx = Fields{find_field(d, {"intervention_id", "id"}), find_field(d, {"type", "intervention_type"}),
                         find_field(d, {"install_date", "installed", "date"}), find_field(d, {"funding", "funding_source"}),
                         find_field(d, {"description", "details"}), find_field(d, {"illustrative"})};
        }
        const Fields& x = *idx;
        std::string type = normalise_intervention_type(field_text(in, x.type));
        if (type.empty())
            return Rejection{"bad_type", fmt::format("intervention type '{}' is not alley_gate, street_lighting, cctv, "
                                                     "target_hardening or other", field_text(in, x.type))};
        auto install_date = read_date(field_text(in, x.date), "install date");
        if (install_date.error) return install_date.error;
        set_id_and_illustrative(in, out, "intervention_id", x.id, x.illustrative, report);
        out.SetField("type", type.c_str());
        if (!install_date.iso.empty()) out.SetField("install_date", install_date.iso.c_str());
        if (x.funding >= 0) out.SetField("funding", field_text(in, x.funding).c_str());
        if (x.description >= 0) out.SetField("description", field_text(in, x.description).c_str());
        std::string others = other_fields_json(in, {x.id, x.type, x.date, x.funding, x.description, x.illustrative});
        if (!others.empty()) out.SetField("attributes", others.c_str());
        return std::nullopt;
    };
    return import_features(store, schema::k_interventions, path, crs_override, false, rejects, geos, fill);
}

} // namespace safermap::io
