// SPDX-License-Identifier: MIT
// Fuzz target: the mapped-CSV row parser (io/incidents/mapped_csv_format), fed records by the
// CSV reader over memory, with an encoding repair as the importer does (incident_rows.cpp).
// Input: one byte choosing which roles are mapped (bit 0: lon/lat rather than x/y; 1: the
// coordinates; 2: date; 3: address; 4: postcode; 5: weight; 6: id; 7: category), then CSV
// text whose first record is the header.
// Properties: a mapping the header cannot satisfy throws only safermap::Error; a kept row
// carries its date in canonical form, a weight >= 0, and every unmapped column as valid JSON.
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/incident.hpp"
#include "core/text_encoding.hpp"
#include "fuzz_check.hpp"
#include "fuzz_columns.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/incident_columns.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

void repair(safermap::io::CsvRecord& record) {
    for (auto& f : record.fields)
        if (!safermap::is_valid_utf8(f)) f = safermap::cp1252_to_utf8(f);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace safermap;
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    io::CsvReader reader(bytes, "fuzz.csv", 1, true);
    io::CsvRecord record;
    if (!reader.next(record)) return 0;
    repair(record);
    const std::vector<std::string> header = record.fields;
    const io::IncidentColumns columns = fuzz::mapping(header, data[0]);
    std::unique_ptr<io::MappedCsvFormat> format;
    try {
        format = std::make_unique<io::MappedCsvFormat>("fuzz.csv", header, columns);
    } catch (const Error&) {
        return 0; // SchemaError or ConfigError: the whole input is refused, as documented
    }
    Incident inc;
    while (reader.next(record)) {
        repair(record);
        inc.clear();
        const auto why = format->parse(record, inc);
        if (why) {
            SAFERMAP_FUZZ_CHECK(why->reason == "short_row" || why->reason == "long_row" || why->reason == "bad_date" ||
                                why->reason == "bad_weight");
            continue;
        }
        SAFERMAP_FUZZ_CHECK(record.fields.size() == header.size());
        if (!columns.date.empty()) {
            SAFERMAP_FUZZ_CHECK(parse_month(inc.month));
            if (!inc.occurred.empty()) SAFERMAP_FUZZ_CHECK(parse_date(inc.occurred)->iso == inc.occurred);
        }
        if (inc.weight) SAFERMAP_FUZZ_CHECK(std::isfinite(*inc.weight) && *inc.weight >= 0);
        if (!inc.attributes_json.empty()) {
            const auto attributes = nlohmann::json::parse(inc.attributes_json, nullptr, false);
            SAFERMAP_FUZZ_CHECK(attributes.is_object());
        }
    }
    return 0;
}
