// SPDX-License-Identifier: MIT
#pragma once
// What the mapped-CSV fuzz targets share: a column mapping chosen by the input's option byte.

#include "io/incidents/incident_columns.hpp"

#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::fuzz {

// The mapping that option bit `bit` asks for: each chosen role takes the first column whose
// name holds one of its words (as a person mapping a council export would), else the next
// column in order, else a column the header lacks.
inline io::IncidentColumns mapping(const std::vector<std::string>& header, std::uint8_t choice) {
    io::IncidentColumns c;
    std::size_t next = 0;
    auto take = [&](std::string& role, int bit, std::initializer_list<std::string_view> words) {
        if (((choice >> bit) & 1) == 0) return;
        for (const auto& name : header) {
            std::string lower;
            for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            for (auto w : words)
                if (lower.find(w) != std::string::npos) {
                    role = name;
                    return;
                }
        }
        role = next < header.size() ? header[next++] : "missing column";
    };
    const bool lonlat = (choice & 1) != 0;
    take(lonlat ? c.lon : c.x, 1, {"east", "lon", "x"});
    take(lonlat ? c.lat : c.y, 1, {"north", "lat", "y"});
    if (!lonlat && !c.x.empty()) c.crs = "EPSG:27700";
    take(c.date, 2, {"date"});
    take(c.address, 3, {"address"});
    take(c.postcode, 4, {"postcode"});
    take(c.weight, 5, {"weight"});
    take(c.id, 6, {"ref", "id"});
    take(c.category, 7, {"categ"});
    return c;
}

} // namespace safermap::fuzz
