// SPDX-License-Identifier: MIT
#include "core/parallel_ranges.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace safermap {

void parallel_ranges(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
    std::exception_ptr error;
    std::mutex error_mutex;
    auto run = [&](std::size_t part) {
        try {
            body(part * n / parts, (part + 1) * n / parts);
        } catch (...) {
            const std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
        }
    };
    std::vector<std::thread> helpers;
    try {
        for (std::size_t part = 1; part < parts; ++part) helpers.emplace_back(run, part);
    } catch (...) {
        // No thread to be had: finish the ones started before giving up.
        for (auto& t : helpers) t.join();
        throw;
    }
    run(0);
    for (auto& t : helpers) t.join();
    if (error) std::rethrow_exception(error);
}

} // namespace safermap
