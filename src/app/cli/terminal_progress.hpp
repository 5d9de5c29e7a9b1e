// SPDX-License-Identifier: MIT
#pragma once
// One line of progress on a terminal for jobs over about a second: share done, rate and time
// left. Silent when stderr is not a terminal (pipes, CI, tests).

#include "core/progress.hpp"

#include <chrono>
#include <string>

namespace safermap::cli {

class TerminalProgress {
public:
    // `what` names the job ("Gi* permutations"), `unit` what is counted ("units", "rows").
    TerminalProgress(std::string what, std::string unit);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    // A callback for library code; empty when stderr is not a terminal, so jobs skip the calls.
    ProgressFn callback();
    void update(std::int64_t done, std::int64_t total);
    // Clears the line (also done by the destructor).
    void finish();

private:
    std::string m_what, m_unit;
    bool m_enabled = false, m_shown = false;
    std::chrono::steady_clock::time_point m_start, m_last;
};

} // namespace safermap::cli
