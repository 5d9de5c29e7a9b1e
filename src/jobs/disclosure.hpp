// SPDX-License-Identifier: MIT
#pragma once
// Disclosure control for anything shown to the public (`--public` maps and report packs, the
// viewer's public mode). Incident data is personal data: a victim's address must never be
// recoverable from a public output. The rules, in one place for every face:
// - no incident points, and no free text (addresses, police.uk "On or near ..." locations,
//   crime IDs);
// - no fine surfaces: a public KDE uses a bandwidth of at least k_public_min_bandwidth_m, so a
//   surface cannot pin down one snap point;
// - small counts (below k_small_count) are shown as "<5";
// - a total over parts of which some are suppressed is published as the sum of the shown parts
//   and how many parts are under 5 ("3,080 + 3 under 5"): nothing the table does not already
//   show, so subtraction recovers no suppressed part; headline totals that are not the sum of a
//   table's cells are rounded to 10.
// Internal outputs carry a protective marking instead (k_default_marking unless --marking).

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::jobs {

inline constexpr double k_public_min_bandwidth_m = 250;
inline constexpr std::int64_t k_small_count = 5;
inline constexpr const char* k_default_marking = "OFFICIAL-SENSITIVE";

// Who sees an output, and the marking an internal one carries.
struct Audience {
    bool public_audience = false;
    std::string marking = k_default_marking; // ignored when public
    // The marking to print: empty on public outputs.
    std::string printed_marking() const { return public_audience ? std::string() : marking; }
};

// "<5" below the threshold (zero included: a zero is not shown apart from 1-4, so that a
// blank never marks the cells that hold someone); else the count with thousands separators.
std::string public_count(std::int64_t count);
// The count as an internal output prints it: with thousands separators.
std::string exact_count(std::int64_t count);
// `public_audience` ? public_count : exact_count.
std::string shown_count(std::int64_t count, bool public_audience);

// A total of `parts` as a public table shows it: when no part is suppressed, the exact sum
// (every part is shown); otherwise the shown parts' sum and the number of parts under 5,
// "3,080 + 3 under 5". It says only what the table publishes, so it discloses nothing more.
std::string public_total(const std::vector<std::int64_t>& parts);

// A headline count in a public output that is not the sum of a shown table: "<5", or "about N"
// rounded to the nearest 10.
std::string public_rounded(std::int64_t count);

// Refusals, each naming public mode. Throw ConfigError.
void refuse_public_points(const std::string& what);              // e.g. "--layers incidents"
void check_public_bandwidth(double bandwidth_m);                 // below the minimum: refused

} // namespace safermap::jobs
