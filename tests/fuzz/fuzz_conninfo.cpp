// SPDX-License-Identifier: MIT
// Fuzz target: libpq connection strings (core/conninfo_value, core/credentials,
// io/project/project_location). Input: the text after "PG:" of a project argument, which is
// also taken as any message that might carry a password.
// Properties: a value read from any offset stays inside the text; a project string is either
// read or refused with a ConfigError; one that is read names its schema (--schema of that
// schema changes nothing); the string handed to libpq, read back as a project, names the same
// database (its quoting round-trips); and no password libpq would be given shows in the
// project as it is shown.
#include "core/conninfo_value.hpp"
#include "core/credentials.hpp"
#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "io/project/project_location.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (std::size_t at = 0; at <= text.size(); ++at) {
        const safermap::ConninfoValue v = safermap::read_conninfo_value(text, at);
        SAFERMAP_FUZZ_CHECK(v.end >= at && v.end <= text.size());
        SAFERMAP_FUZZ_CHECK(v.text.size() <= v.end - at);
        SAFERMAP_FUZZ_CHECK(v.closed || (at < text.size() && text[at] == '\''));
    }
    (void)safermap::mask_credentials(text); // any message may carry a password

    const std::string project = "PG:" + std::string(text);
    safermap::io::ProjectLocation location;
    try {
        location = safermap::io::parse_project_location(project);
    } catch (const safermap::ConfigError&) {
        return 0; // refused, with a reason: fine
    }
    SAFERMAP_FUZZ_CHECK(location.is_postgres());
    SAFERMAP_FUZZ_CHECK(location.display == safermap::mask_credentials(project));
    SAFERMAP_FUZZ_CHECK(safermap::io::with_schema(location.connection, location.schema) == location.connection);
    const std::string for_libpq = safermap::io::libpq_connection_string(location);
    const safermap::io::ProjectLocation again = safermap::io::parse_project_location("PG:" + for_libpq);
    SAFERMAP_FUZZ_CHECK(again.database == location.database);

    // Masking only takes text away: the project as shown holds a password libpq would be given
    // no more often than the argument did (that it is gone is the unit tests' and the
    // PostGIS tests' to show). Values too short to count, or holding '*', are skipped.
    for (std::size_t at = 0; at < for_libpq.size();) { // key='value' pairs, one space apart
        const std::size_t eq = for_libpq.find('=', at);
        SAFERMAP_FUZZ_CHECK(eq != std::string::npos);
        const safermap::ConninfoValue value = safermap::read_conninfo_value(for_libpq, eq + 1);
        SAFERMAP_FUZZ_CHECK(value.closed);
        const std::string& secret = value.text;
        if (std::string_view(for_libpq).substr(at, eq - at) == "password" && secret.size() >= 3 &&
            secret.find('*') == std::string::npos) {
            auto count = [&](const std::string& in) {
                std::size_t n = 0;
                for (std::size_t p = in.find(secret); p != std::string::npos; p = in.find(secret, p + secret.size())) ++n;
                return n;
            };
            SAFERMAP_FUZZ_CHECK(count(location.display) <= count(project));
        }
        at = value.end + 1;
    }
    return 0;
}
