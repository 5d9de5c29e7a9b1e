// SPDX-License-Identifier: MIT
#include "core/utc_time.hpp"

#include <fmt/chrono.h>

#include <chrono>

namespace safermap {

std::string utc_timestamp() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

} // namespace safermap
