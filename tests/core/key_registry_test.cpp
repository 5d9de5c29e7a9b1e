// SPDX-License-Identifier: MIT
#include "core/key_registry.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <array>

using namespace safermap;

TEST_CASE("keys already in the project and repeated in an import are told apart", "[core][keys]") {
    KeyRegistry keys;
    keys.add_existing("crime-A");
    CHECK(keys.insert("crime-A") == KeyRegistry::Seen::in_project);
    CHECK(keys.insert("crime-B") == KeyRegistry::Seen::new_key);
    CHECK(keys.insert("crime-B") == KeyRegistry::Seen::in_this_import);
}

TEST_CASE("identical rows without an id get occurrence numbers within a file", "[core][keys]") {
    KeyRegistry keys;
    std::array<std::string, 3> asb{"", "2025-01", "On or near Hardwick Lane"};
    keys.start_file();
    std::string first = keys.content_key(asb);
    std::string second = keys.content_key(asb);
    CHECK(first != second);
    CHECK(first.substr(0, 2) == "h:");
    CHECK(first.substr(first.size() - 2) == "#1");
    CHECK(second.substr(second.size() - 2) == "#2");
    // The same file read again produces the same keys, so a re-import matches both rows.
    keys.start_file();
    CHECK(keys.content_key(asb) == first);
    CHECK(keys.content_key(asb) == second);
    // Field boundaries matter: ("ab","c") is not ("a","bc").
    std::array<std::string, 2> x{"ab", "c"}, y{"a", "bc"};
    keys.start_file();
    CHECK(keys.content_key(x) != keys.content_key(y));
}

TEST_CASE("the flat hash set keeps every distinct hash, the zero hash included", "[core][keys]") {
    detail::Hash128Set set;
    CHECK(set.insert({0, 0}));
    CHECK_FALSE(set.insert({0, 0}));
    for (std::uint64_t i = 1; i <= 5000; ++i) CHECK(set.insert(hash128(std::to_string(i)))); // grows past any reserve
    CHECK(set.size() == 5001);
    CHECK(set.contains(hash128("4999")));
    CHECK_FALSE(set.contains(hash128("5001")));
    CHECK_FALSE(set.insert(hash128("17")));
    // Colliding low words still make distinct entries.
    CHECK(set.insert({1, 42}));
    CHECK(set.insert({2, 42}));
    CHECK(set.contains({1, 42}));
}

TEST_CASE("a large reserved set (huge-page backed, any size) keeps and finds every hash", "[core][keys]") {
    detail::Hash128Set set;
    set.reserve(150'001); // 300,002 slots: not a power of two, and over the 2 MB huge-page threshold
    for (std::uint64_t i = 0; i < 200'000; ++i) REQUIRE(set.insert(hash128(fmt::format("k{}", i)))); // grows too
    CHECK(set.size() == 200'000);
    for (std::uint64_t i = 0; i < 200'000; i += 997) CHECK(set.contains(hash128(fmt::format("k{}", i))));
    CHECK_FALSE(set.contains(hash128("k200000")));
    CHECK_FALSE(set.insert(hash128("k123456")));
    KeyRegistry keys;
    keys.reserve(10);
    keys.prefetch(hash128("anything")); // a hint only: no effect on what follows
    CHECK(keys.insert("a") == KeyRegistry::Seen::new_key);
    CHECK(keys.insert_hashed(hash128("a")) == KeyRegistry::Seen::in_this_import);
}
