// SPDX-License-Identifier: MIT
// Fuzz target: BinaryCopyParser (io/postgres), PostgreSQL's binary COPY stream. Input: a field
// count (first byte, 0-7), a piece size (second byte) and the stream. Properties: it never reads
// out of bounds or hangs; whatever it accepts is the same read in pieces as read whole; every
// field it hands out lies inside the input.
#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "io/postgres/binary_copy_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

// The tuples of `stream` read in pieces of `piece` bytes, or nullopt when it is refused.
std::optional<std::vector<std::vector<std::optional<std::string>>>> read(std::string_view stream, std::size_t fields, std::size_t piece) {
    safermap::io::BinaryCopyParser parser("fuzz", fields);
    std::vector<std::vector<std::optional<std::string>>> tuples;
    safermap::io::CopyFields f;
    try {
        for (std::size_t at = 0; at < stream.size(); at += piece) {
            parser.feed(stream.substr(at, piece));
            while (parser.next(f)) {
                SAFERMAP_FUZZ_CHECK(f.size() == fields);
                auto& t = tuples.emplace_back();
                for (const auto& field : f) t.push_back(field ? std::optional<std::string>(std::string(*field)) : std::nullopt);
            }
        }
        parser.finish();
    } catch (const safermap::IoError&) {
        return std::nullopt;
    }
    SAFERMAP_FUZZ_CHECK(parser.tuples() == static_cast<std::int64_t>(tuples.size()));
    return tuples;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t fields = data[0] % 8, piece = data[1] % 64 + 1;
    const std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);
    const auto whole = read(stream, fields, stream.size() + 1);
    const auto pieces = read(stream, fields, piece);
    SAFERMAP_FUZZ_CHECK(whole.has_value() == pieces.has_value());
    if (whole) SAFERMAP_FUZZ_CHECK(*whole == *pieces);
    return 0;
}
