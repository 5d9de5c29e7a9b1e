// SPDX-License-Identifier: MIT
// Fuzz target: parse_address and street_readings (geocode/address_parser), with the name
// normalisation under them (geocode/street_names). Input: the text of one address field.
// Properties: never a crash or a hang, readings bounded as the header says, normalisation
// idempotent, over-long fields refused.
#include "fuzz_check.hpp"
#include "geocode/address_parser.hpp"
#include "geocode/street_names.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace safermap::geocode;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const std::string normalised = normalise_text(text);
    SAFERMAP_FUZZ_CHECK(normalise_text(normalised) == normalised);
    for (const auto& w : split_words(normalised)) SAFERMAP_FUZZ_CHECK(!w.empty() && w.find(' ') == std::string::npos);

    const auto readings = street_readings(text);
    SAFERMAP_FUZZ_CHECK(readings.empty() == normalised.empty());
    SAFERMAP_FUZZ_CHECK(readings.size() <= k_max_street_words);
    if (!readings.empty()) {
        SAFERMAP_FUZZ_CHECK(readings[0].key == street_key(text));
        SAFERMAP_FUZZ_CHECK(readings[0].locality.empty());
    }
    for (std::size_t i = 1; i < readings.size(); ++i) {
        SAFERMAP_FUZZ_CHECK(!readings[i].key.empty() && !readings[i].locality.empty());
        SAFERMAP_FUZZ_CHECK(is_street_type(split_words(readings[i].key).back())); // split after a street type
    }

    const ParsedAddress a = parse_address(text);
    if (size > k_max_address_bytes) {
        SAFERMAP_FUZZ_CHECK(a.not_an_address == "address_too_long");
        SAFERMAP_FUZZ_CHECK(a.street.empty() && a.localities.empty() && !a.postcode);
    }
    if (a.not_an_address.empty()) SAFERMAP_FUZZ_CHECK(!a.street.empty() || a.postcode || !a.sector.empty());
    SAFERMAP_FUZZ_CHECK(a.junction() == !a.second_street.empty());
    if (a.junction()) SAFERMAP_FUZZ_CHECK(!a.street.empty());
    if (a.postcode) SAFERMAP_FUZZ_CHECK(a.postcode->formatted.size() >= 6);
    return 0;
}
