// SPDX-License-Identifier: MIT
#include "jobs/disclosure.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace safermap::jobs {

std::string exact_count(std::int64_t count) {
    std::string digits = std::to_string(count < 0 ? -count : count);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return count < 0 ? "-" + out : out;
}

std::string public_count(std::int64_t count) { return count < k_small_count ? fmt::format("<{}", k_small_count) : exact_count(count); }

std::string shown_count(std::int64_t count, bool public_audience) {
    return public_audience ? public_count(count) : exact_count(count);
}

std::string public_total(const std::vector<std::int64_t>& parts) {
    std::int64_t shown = 0, suppressed = 0;
    for (std::int64_t p : parts) {
        if (p < k_small_count) ++suppressed;
        else shown += p;
    }
    if (suppressed == 0) return exact_count(shown);
    return fmt::format("{} + {} under {}", exact_count(shown), suppressed, k_small_count);
}

std::string public_rounded(std::int64_t count) {
    if (count < k_small_count) return public_count(count);
    return "about " + exact_count((count + 5) / 10 * 10);
}

void refuse_public_points(const std::string& what) {
    throw ConfigError(fmt::format("{}: public mode never shows incident points (they can reveal a victim's address); "
                                  "show aggregated layers (density, hotspots, ward_counts) or drop --public",
                                  what));
}

void check_public_bandwidth(double bandwidth_m) {
    if (bandwidth_m < k_public_min_bandwidth_m)
        throw ConfigError(fmt::format("--bandwidth {:g} m: public mode needs a KDE bandwidth of at least {:g} m, so that a surface "
                                      "cannot pin down one address",
                                      bandwidth_m, k_public_min_bandwidth_m));
}

} // namespace safermap::jobs
