// SPDX-License-Identifier: MIT
#include "app/cli/terminal_progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace safermap::cli {

TerminalProgress::TerminalProgress(std::string what, std::string unit)
    : m_what(std::move(what)), m_unit(std::move(unit)), m_enabled(isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()), m_last(m_start) {}

TerminalProgress::~TerminalProgress() { finish(); }

ProgressFn TerminalProgress::callback() {
    if (!m_enabled) return {};
    return [this](std::int64_t done, std::int64_t total) { update(done, total); };
}

void TerminalProgress::update(std::int64_t done, std::int64_t total) {
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    // Nothing for the first second (short jobs stay quiet), then at most five lines a second.
    if (elapsed < 1.0 || std::chrono::duration<double>(now - m_last).count() < 0.2) return;
    m_last = now;
    const double rate = done / elapsed;
    std::string line = fmt::format("{}: {} {}", m_what, done, m_unit);
    if (total > 0) {
        line = fmt::format("{}: {:.0f}% ({} of {} {})", m_what, 100.0 * done / total, done, total, m_unit);
        if (rate > 0) line += fmt::format(", {:.0f}/s, {:.0f} s left", rate, (total - done) / rate);
    } else if (rate > 0) {
        line += fmt::format(", {:.0f}/s", rate);
    }
    fmt::print(stderr, "\r\033[K{}", line);
    std::fflush(stderr);
    m_shown = true;
}

void TerminalProgress::finish() {
    if (!m_shown) return;
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
    m_shown = false;
}

} // namespace safermap::cli
