// SPDX-License-Identifier: MIT
// Fuzz target: the NaPTAN stops reader and the grouping of stops into places
// (io/features/naptan_places). Input: CSV text, written to a temporary file as a user's stops
// file would be (the reader takes a path), its first record the header.
// Properties: only safermap::Error is thrown; every row read is kept, rejected or noted
// (rows_read == kept + rejected + inactive + pending); every kept stop has a finite position
// inside the National Grid and a locality; every place has at least one stop, its centre
// inside its extent, a radius that reaches no further than the extent's diagonal, and a kind
// that matches its rank.
#include "core/error.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "fuzz_check.hpp"
#include "io/features/naptan_places.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace safermap;
    const std::string path = (std::filesystem::temp_directory_path() / ("fuzz_naptan_" + std::to_string(::getpid()) + ".csv")).string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        Rejects rejects;
        RunReport report;
        const auto stops = io::read_naptan_stops(path, rejects, report);
        auto note = [&](const char* why) {
            const auto it = report.notes_by_reason.find(why);
            return it == report.notes_by_reason.end() ? std::int64_t{0} : it->second;
        };
        SAFERMAP_FUZZ_CHECK(report.rows_read == report.kept + report.rejected() + note("inactive_stop") + note("pending_stop"));
        SAFERMAP_FUZZ_CHECK(static_cast<std::int64_t>(stops.size()) == report.kept);
        for (const auto& s : stops) {
            SAFERMAP_FUZZ_CHECK(std::isfinite(s.xy.x) && std::isfinite(s.xy.y));
            SAFERMAP_FUZZ_CHECK(s.xy.x > 0 && s.xy.x <= 700000 && s.xy.y > 0 && s.xy.y <= 1300000);
            SAFERMAP_FUZZ_CHECK(!s.locality_code.empty() && !s.locality_name.empty());
        }
        for (const auto& p : io::group_places(stops, 3)) {
            SAFERMAP_FUZZ_CHECK(!p.stops.empty());
            SAFERMAP_FUZZ_CHECK(p.centre.x >= p.min_x - 1e-6 && p.centre.x <= p.max_x + 1e-6);
            SAFERMAP_FUZZ_CHECK(p.centre.y >= p.min_y - 1e-6 && p.centre.y <= p.max_y + 1e-6);
            SAFERMAP_FUZZ_CHECK(p.radius_m >= 0 && p.radius_m <= std::hypot(p.max_x - p.min_x, p.max_y - p.min_y) + 1e-6);
            SAFERMAP_FUZZ_CHECK((p.kind == "town") == (p.rank == 1));
            SAFERMAP_FUZZ_CHECK((p.kind == "village") == (p.rank == 2));
        }
    } catch (const safermap::Error&) {
        // A file that is not a NaPTAN stops file, or cannot be read: refused with a reason.
    }
    std::remove(path.c_str());
    return 0;
}
