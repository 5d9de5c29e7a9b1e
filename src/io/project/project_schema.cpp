// SPDX-License-Identifier: MIT
#include "io/project/project_schema.hpp"

#include <array>
#include <cassert>

namespace safermap::io::schema {

namespace {

constexpr std::array k_incident_fields{
    FieldDef{"key", OFTString, "identity used to refuse duplicates: Crime ID, or h:<hash of all fields>#<n>"},
    FieldDef{"crime_id", OFTString, "police.uk Crime ID (empty for anti-social behaviour)"},
    FieldDef{"month", OFTString, "YYYY-MM"},
    FieldDef{"occurred", OFTString, "ISO 8601 date or date-time where the input has one"},
    FieldDef{"category", OFTString, "police.uk Crime type, or the mapped category"},
    FieldDef{"reported_by", OFTString, "police.uk Reported by"},
    FieldDef{"falls_within", OFTString, "police.uk Falls within"},
    FieldDef{"location", OFTString, "police.uk Location, e.g. On or near High Street"},
    FieldDef{"lsoa_code", OFTString, "LSOA code as given in the row"},
    FieldDef{"lsoa_name", OFTString, "LSOA name as given in the row"},
    FieldDef{"outcome", OFTString, "police.uk Last outcome category"},
    FieldDef{"context", OFTString, "police.uk Context"},
    FieldDef{"address", OFTString, "address text to geocode"},
    FieldDef{"postcode", OFTString, "postcode to geocode"},
    FieldDef{"weight", OFTReal, "incident weight where the input has one"},
    FieldDef{"src_x", OFTString, "x or longitude exactly as read"},
    FieldDef{"src_y", OFTString, "y or latitude exactly as read"},
    FieldDef{"src_crs", OFTString, "CRS of src_x/src_y"},
    FieldDef{"geocode_status", OFTString, "source (coordinates given), geocoded, manual or not_geocoded"},
    FieldDef{"match_level", OFTString, "geocoding: address, street, intersection, postcode, sector, ambiguous or unmatched"},
    FieldDef{"match_score", OFTReal, "geocoding: 0-1, how closely the text matched the gazetteer entry"},
    FieldDef{"match_candidates", OFTInteger, "geocoding: gazetteer entries that matched about equally well"},
    FieldDef{"gazetteer_ref", OFTString, "geocoding: the gazetteer entry used, e.g. postcode:NG17 1AA"},
    FieldDef{"positional_quality", OFTString, "geocoding: how precise the position is"},
    FieldDef{"match_note", OFTString, "geocoding: what was read, assumed or doubted"},
    FieldDef{"in_study_area", OFTInteger, "1 inside, 0 outside, null when no study area was given"},
    FieldDef{"own_lsoa_distance_m", OFTReal, "distance to the polygon of the LSOA named in the row (0 inside)"},
    FieldDef{"source_file", OFTString, "file the row came from"},
    FieldDef{"source_line", OFTInteger64, "1-based line (or feature id) in source_file"},
    FieldDef{"source_format", OFTString, "police.uk, csv or vector"},
    FieldDef{"attributes", OFTString, "other input columns, as a JSON object"},
};

constexpr std::array k_boundary_fields{
    FieldDef{"kind", OFTString, "ward, lsoa, estate, district, priority or custom"},
    FieldDef{"code", OFTString, "area code (ONS code where there is one)"},
    FieldDef{"name", OFTString, "area name"},
    FieldDef{"vintage", OFTString, "boundary vintage, e.g. WD20 (December 2020)"},
    FieldDef{"source_file", OFTString, "file the polygon came from"},
    FieldDef{"source_fid", OFTInteger64, "feature id in source_file"},
    FieldDef{"repaired", OFTInteger, "1 when the polygon was invalid and repaired with GEOS MakeValid"},
    FieldDef{"repair_note", OFTString, "why it was invalid"},
    FieldDef{"area_km2", OFTReal, "area in the working CRS"},
    FieldDef{"attributes", OFTString, "other source fields, as a JSON object"},
};

constexpr std::array k_cctv_fields{
    FieldDef{"site_id", OFTString, "camera or site identifier"},
    FieldDef{"name", OFTString, "site name or location"},
    FieldDef{"type", OFTString, "fixed, ptz, redeployable or unknown"},
    FieldDef{"heading_deg", OFTReal, "view direction, degrees clockwise from grid north"},
    FieldDef{"fov_deg", OFTReal, "horizontal field of view, degrees"},
    FieldDef{"range_m", OFTReal, "useful viewing range, metres"},
    FieldDef{"install_date", OFTString, "ISO 8601 date"},
    FieldDef{"status", OFTString, "e.g. live, faulty, planned"},
    FieldDef{"funding", OFTString, "funding source, e.g. Safer Streets 4"},
    FieldDef{"illustrative", OFTInteger, "1 when the site is illustrative, not a real position"},
    FieldDef{"source_file", OFTString, "file the site came from"},
    FieldDef{"attributes", OFTString, "other source fields, as a JSON object"},
};

constexpr std::array k_intervention_fields{
    FieldDef{"intervention_id", OFTString, "identifier"},
    FieldDef{"type", OFTString, "alley_gate, street_lighting, cctv, target_hardening or other"},
    FieldDef{"install_date", OFTString, "ISO 8601 date"},
    FieldDef{"funding", OFTString, "funding source, e.g. Safer Streets 4"},
    FieldDef{"description", OFTString, "what was done"},
    FieldDef{"illustrative", OFTInteger, "1 when illustrative, not a real scheme"},
    FieldDef{"source_file", OFTString, "file it came from"},
    FieldDef{"attributes", OFTString, "other source fields, as a JSON object"},
};

constexpr std::array k_place_fields{
    FieldDef{"code", OFTString, "NPTG locality code, e.g. E0020370"},
    FieldDef{"name", OFTString, "locality name, e.g. Sutton in Ashfield"},
    FieldDef{"parent", OFTString, "the parent locality's name, empty for none"},
    FieldDef{"kind", OFTString, "town, village, suburb or estate"},
    FieldDef{"rank", OFTInteger, "1 town, 2 village, 3 suburb or estate: labels of lower rank give way"},
    FieldDef{"stops", OFTInteger, "active bus stops that make the place"},
    FieldDef{"radius_m", OFTReal, "distance from the centre (the point) to the farthest stop"},
    FieldDef{"min_x", OFTReal, "the stops' extent in the working CRS"},
    FieldDef{"min_y", OFTReal, "the stops' extent in the working CRS"},
    FieldDef{"max_x", OFTReal, "the stops' extent in the working CRS"},
    FieldDef{"max_y", OFTReal, "the stops' extent in the working CRS"},
    FieldDef{"streets", OFTString, "the streets its stops stand on, '; '-joined"},
    FieldDef{"stop_points", OFTString, "the stops' positions, WKT MULTIPOINT in the working CRS"},
    FieldDef{"source_file", OFTString, "NaPTAN stops file it came from"},
};

constexpr std::array k_settings_fields{
    FieldDef{"key", OFTString, "setting name"},
    FieldDef{"value", OFTString, "setting value"},
};

constexpr std::array k_import_log_fields{
    FieldDef{"import_id", OFTInteger64, "one id per import command"},
    FieldDef{"time_utc", OFTString, "when the import ran, ISO 8601 UTC"},
    FieldDef{"target_layer", OFTString, "layer written"},
    FieldDef{"file", OFTString, "input file"},
    FieldDef{"format", OFTString, "police.uk, csv, vector, ..."},
    FieldDef{"rows_read", OFTInteger64, "rows or features read"},
    FieldDef{"kept", OFTInteger64, "stored"},
    FieldDef{"not_geocoded", OFTInteger64, "stored without coordinates"},
    FieldDef{"outside_study_area", OFTInteger64, "stored, outside the study area"},
    FieldDef{"rejected", OFTInteger64, "not stored (duplicates included)"},
    FieldDef{"rejected_by_reason", OFTString, "JSON object reason -> count"},
    FieldDef{"notes_by_reason", OFTString, "JSON object reason -> count, for kept rows"},
    FieldDef{"rejects_file", OFTString, "where the rejected rows were written"},
};

constexpr std::array k_layers{
    LayerDef{k_boundaries, wkbMultiPolygon, "Wards, LSOAs, estates, districts, priority areas", k_boundary_fields},
    LayerDef{k_incidents, wkbPoint, "Incidents in the working CRS (null geometry: not yet geocoded)",
             k_incident_fields},
    LayerDef{k_cctv, wkbPoint, "Public-space CCTV sites", k_cctv_fields},
    LayerDef{k_interventions, wkbUnknown, "Crime-prevention interventions (alley gates, lighting, ...)",
             k_intervention_fields},
    LayerDef{k_places, wkbPoint, "Places to orient by: NaPTAN localities at the centre of their bus stops", k_place_fields,
             true},
    LayerDef{k_settings, wkbNone, "Project settings", k_settings_fields},
    LayerDef{k_import_log, wkbNone, "One row per input file imported", k_import_log_fields},
};

} // namespace

std::span<const LayerDef> layers() { return k_layers; }

const LayerDef& layer(std::string_view name) {
    for (const auto& l : k_layers) {
        if (l.name == name) return l;
    }
    assert(false && "unknown layer name");
    return k_layers[0];
}

} // namespace safermap::io::schema
