// SPDX-License-Identifier: MIT
#pragma once
// Address points: UPRN lists and AddressBase-style CSVs (UPRN, sub-building, number,
// building name, street, town, postcode, and X/Y in British National Grid or lat/long).

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"

#include <functional>
#include <string>

namespace safermap::geocode {

struct AddressRecord {
    std::string uprn, flat, number, building, street, street_key, locality, postcode;
    XY xy; // British National Grid
};

// Reads `path` (gzip accepted); rows without a street, a number or building name, or a
// position are rejected with their reason. Throws SchemaError naming the file and its columns
// when it lacks a street column or coordinates.
void read_address_file(const std::string& path, const std::function<void(const AddressRecord&)>& on_record, Rejects& rejects,
                       RunReport& report);

} // namespace safermap::geocode
