// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace safermap {

// The current time as ISO 8601 UTC to the second, e.g. "2026-11-22T18:00:00Z" (logs).
std::string utc_timestamp();

} // namespace safermap
