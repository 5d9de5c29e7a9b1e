// SPDX-License-Identifier: MIT
// Fuzz target: parse_month and parse_date (core/dates). Input: the text of one date field.
// Properties: whatever they accept comes back in canonical form, and reads back as itself.
#include "core/dates.hpp"
#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (auto month = safermap::parse_month(text)) {
        SAFERMAP_FUZZ_CHECK(*month == text);
        SAFERMAP_FUZZ_CHECK(month->size() == 7);
        auto as_date = safermap::parse_date(text);
        SAFERMAP_FUZZ_CHECK(as_date && as_date->iso == text && as_date->month == text);
    }
    if (auto date = safermap::parse_date(text)) {
        // "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS".
        const std::size_t n = date->iso.size();
        SAFERMAP_FUZZ_CHECK(n == 7 || n == 10 || n == 19);
        SAFERMAP_FUZZ_CHECK(date->month == std::string_view(date->iso).substr(0, 7));
        SAFERMAP_FUZZ_CHECK(safermap::parse_month(date->month));
        auto again = safermap::parse_date(date->iso);
        SAFERMAP_FUZZ_CHECK(again && again->iso == date->iso && again->month == date->month);
    }
    return 0;
}
