// SPDX-License-Identifier: MIT
// The Hilbert curve order (core/hilbert_curve) and the thread splitter (core/parallel_ranges)
// that the packed R-tree and the nearest-neighbour statistics use.
#include "core/hilbert_curve.hpp"
#include "core/parallel_ranges.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <vector>

using namespace safermap;

TEST_CASE("the Hilbert curve visits every cell once, each a step from the last", "[core][hilbert]") {
    // Worked by hand at the coarsest level: the four quadrants in the order lower left, upper
    // left, upper right, lower right, each a quarter of the 2^32 cells.
    constexpr std::uint32_t half = 1u << 15;
    constexpr std::uint64_t quarter = std::uint64_t{1} << 30;
    CHECK(hilbert_index(0, 0) == 0);
    CHECK(hilbert_index(0, half) / quarter == 1);
    CHECK(hilbert_index(half, half) / quarter == 2);
    CHECK(hilbert_index(half, 0) / quarter == 3);
    // Along the curve, consecutive cells are neighbours: walk the 64 x 64 corner cell block,
    // which the curve fills before leaving it.
    std::vector<std::pair<std::uint64_t, std::pair<int, int>>> cells;
    for (int x = 0; x < 64; ++x)
        for (int y = 0; y < 64; ++y) cells.push_back({hilbert_index(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)), {x, y}});
    std::sort(cells.begin(), cells.end());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        CHECK(cells[i].first == i); // the block's cells are the curve's first 4,096, once each
        if (i > 0) CHECK(std::abs(cells[i].second.first - cells[i - 1].second.first) + std::abs(cells[i].second.second - cells[i - 1].second.second) == 1);
    }
}

TEST_CASE("Hilbert order is a permutation, ties in index order", "[core][hilbert]") {
    const std::vector<double> x{10, 0, 10, 0, 5, 0}, y{0, 0, 10, 10, 5, 0};
    const auto order = hilbert_order(x, y);
    CHECK(order == std::vector<std::uint32_t>{1, 5, 3, 4, 2, 0}); // (0,0) twice, (0,10), centre, (10,10), (10,0)
    CHECK(hilbert_order(std::vector<double>{}, std::vector<double>{}).empty());
    CHECK(hilbert_order(std::vector<double>{3, 3}, std::vector<double>{4, 4}) == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("parallel ranges cover every index once on any number of threads", "[core][parallel]") {
    for (std::size_t n : {0, 1, 2, 7, 1000}) {
        for (unsigned threads : {1u, 2u, 3u, 8u}) {
            INFO(n << " items, " << threads << " threads");
            std::vector<std::atomic<int>> hits(n);
            parallel_ranges(n, [&](std::size_t from, std::size_t to) {
                for (std::size_t i = from; i < to; ++i) ++hits[i];
            }, threads);
            for (const auto& h : hits) CHECK(h == 1);
        }
    }
    CHECK_THROWS_AS(parallel_ranges(10, [](std::size_t from, std::size_t) {
        if (from > 0) throw std::runtime_error("in a helper");
    }, 3), std::runtime_error);
}
