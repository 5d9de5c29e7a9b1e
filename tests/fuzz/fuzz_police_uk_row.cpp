// SPDX-License-Identifier: MIT
// Fuzz target: the police.uk row parser (io/incidents/police_uk_format), fed records by the
// CSV reader over memory. Input: CSV text (a header line is not needed).
// Properties: copying and moving parsers agree; a kept row gives back its 12 fields.
#include "core/incident.hpp"
#include "fuzz_check.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/police_uk_format.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace safermap;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    io::CsvReader reader(bytes, "fuzz.csv", 1, true);
    io::CsvRecord record;
    Incident copied, moved;
    while (reader.next(record)) {
        (void)io::is_police_uk_header(record.fields);
        copied.clear();
        moved.clear();
        const auto why = io::parse_police_uk_row(record, copied);
        if (!why) {
            const auto fields = io::police_uk_fields(copied);
            SAFERMAP_FUZZ_CHECK(record.fields.size() == fields.size());
            for (std::size_t i = 0; i < fields.size(); ++i) SAFERMAP_FUZZ_CHECK(fields[i] == record.fields[i]);
            SAFERMAP_FUZZ_CHECK(copied.src_crs == "EPSG:4326" && copied.source_format == "police.uk");
        } else {
            SAFERMAP_FUZZ_CHECK(why->reason == "short_row" || why->reason == "long_row" || why->reason == "bad_month");
            SAFERMAP_FUZZ_CHECK(!why->detail.empty());
        }
        io::CsvRecord taken = record;
        const auto why_taken = io::take_police_uk_row(taken, moved);
        SAFERMAP_FUZZ_CHECK(why.has_value() == why_taken.has_value());
        if (why) {
            SAFERMAP_FUZZ_CHECK(why->reason == why_taken->reason && why->detail == why_taken->detail);
        } else {
            SAFERMAP_FUZZ_CHECK(io::police_uk_fields(moved) == io::police_uk_fields(copied));
        }
    }
    return 0;
}
