// SPDX-License-Identifier: MIT
#include "geocode/gazetteer_schema.hpp"

#include <array>
#include <cassert>

namespace safermap::geocode::gazetteer_schema {

namespace {

using io::schema::FieldDef;
using io::schema::LayerDef;

constexpr std::array k_postcode_fields{
    FieldDef{"postcode", OFTString, "unit postcode in its standard form, e.g. NG17 1AA"},
    FieldDef{"sector", OFTString, "postcode sector, e.g. NG17 1"},
    FieldDef{"quality", OFTInteger, "positional quality: Code-Point PQI or ONSPD osgrdind (10 best; 60 sector; 90 none)"},
    FieldDef{"terminated", OFTString, "YYYY-MM the postcode was terminated; empty while live"},
    FieldDef{"district_code", OFTString, "local authority district code"},
    FieldDef{"ward_code", OFTString, "electoral ward code"},
    FieldDef{"source_file", OFTString, "file it came from"},
};

constexpr std::array k_location_fields{
    FieldDef{"location", OFTString, "police.uk location without 'On or near', e.g. High Street or Supermarket"},
    FieldDef{"key", OFTString, "normalised name (see street_names.hpp)"},
    FieldDef{"kind", OFTString, "street, or place for police.uk's generic places (Supermarket, Parking Area, ...)"},
    FieldDef{"lsoa_code", OFTString, "LSOA code of the crimes snapped here"},
    FieldDef{"lsoa_name", OFTString, "LSOA name, which begins with its district"},
    FieldDef{"district", OFTString, "district, from the LSOA name"},
    FieldDef{"incidents", OFTInteger64, "crimes snapped to this point in the files read"},
    FieldDef{"first_month", OFTString, "YYYY-MM"},
    FieldDef{"last_month", OFTString, "YYYY-MM"},
};

constexpr std::array k_street_fields{
    FieldDef{"name", OFTString, "street (or place) name as published"},
    FieldDef{"key", OFTString, "normalised name (see street_names.hpp)"},
    FieldDef{"locality", OFTString, "town, district or locality the source gives; may be empty"},
    FieldDef{"areas", OFTString, "police.uk: the LSOA names of its snap points, '|'-separated"},
    FieldDef{"kind", OFTString, "street, or place (police.uk generic places)"},
    FieldDef{"near_street", OFTString, "for a place: the nearest police.uk street, within 250 m"},
    FieldDef{"source", OFTString, "police.uk, roads or open_names"},
    FieldDef{"source_file", OFTString, "file it came from (police.uk: rebuilt from policeuk_locations)"},
    FieldDef{"x", OFTReal, "representative point: a snap point or vertex on the street, easting"},
    FieldDef{"y", OFTReal, "representative point, northing"},
};

constexpr std::array k_address_fields{
    FieldDef{"uprn", OFTString, "Unique Property Reference Number (or the source's own id)"},
    FieldDef{"flat", OFTString, "sub-building, e.g. FLAT 2"},
    FieldDef{"number", OFTString, "house number, e.g. 12 or 12A"},
    FieldDef{"building", OFTString, "building name"},
    FieldDef{"street", OFTString, "street name as published"},
    FieldDef{"street_key", OFTString, "normalised street name"},
    FieldDef{"locality", OFTString, "town or locality"},
    FieldDef{"postcode", OFTString, "postcode"},
    FieldDef{"source_file", OFTString, "file it came from"},
};

constexpr std::array k_locality_fields{
    FieldDef{"name", OFTString, "ward, district, town or locality name"},
    FieldDef{"key", OFTString, "normalised name"},
    FieldDef{"kind", OFTString, "ward, district, town or locality"},
    FieldDef{"source_file", OFTString, "file it came from"},
};

constexpr std::array k_log_fields{
    FieldDef{"time_utc", OFTString, "when it ran, ISO 8601 UTC"},
    FieldDef{"kind", OFTString, "postcodes, policeuk, streets, addresses or localities"},
    FieldDef{"file", OFTString, "input file"},
    FieldDef{"file_bytes", OFTInteger64, "size of the input file, to recognise it when given again"},
    FieldDef{"format", OFTString, "format detected"},
    FieldDef{"rows_read", OFTInteger64, "rows or features read"},
    FieldDef{"added", OFTInteger64, "entries added"},
    FieldDef{"updated", OFTInteger64, "entries replaced by this file's version"},
    FieldDef{"rejected", OFTInteger64, "rows not used"},
    FieldDef{"rejected_by_reason", OFTString, "JSON object reason -> count"},
    FieldDef{"rejects_file", OFTString, "where the rejected rows were written"},
};

constexpr std::array k_layers{
    LayerDef{k_postcodes, wkbPoint, "Postcode unit centroids", k_postcode_fields},
    LayerDef{k_policeuk_locations, wkbPoint, "police.uk 'On or near' snap points, one per location, LSOA and point",
             k_location_fields},
    LayerDef{k_streets, wkbUnknown, "Named streets and places: one feature per street per town", k_street_fields},
    LayerDef{k_addresses, wkbPoint, "Address points (UPRN lists, AddressBase-style files)", k_address_fields},
    LayerDef{k_localities, wkbMultiPolygon, "Wards, districts and towns that addresses name", k_locality_fields},
    LayerDef{k_log, wkbNone, "One row per file added to the gazetteer", k_log_fields},
};

} // namespace

std::span<const LayerDef> layers() { return k_layers; }

const LayerDef& layer(std::string_view name) {
    for (const auto& l : k_layers)
        if (l.name == name) return l;
    assert(false && "unknown gazetteer layer");
    return k_layers[0];
}

} // namespace safermap::geocode::gazetteer_schema
