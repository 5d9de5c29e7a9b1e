// SPDX-License-Identifier: MIT
#pragma once

#include "core/detail/hash128_set.hpp"
#include "core/hash128.hpp"

#include <span>
#include <string>
#include <string_view>

namespace safermap {

// Remembers which incident keys a project already holds and which this import has added,
// so that re-importing a file adds nothing and a Crime ID seen twice is stored once.
//
// The key rule (README "Duplicates"): a police.uk row is identified by its Crime ID when it has
// one. A row without one (anti-social behaviour) is identified by a hash of all its fields
// plus its occurrence number among identical rows of the same file: two identical ASB reports
// at one snap point in one month are two incidents, and importing the file again matches both.
class KeyRegistry {
public:
    enum class Seen { new_key, in_project, in_this_import };

    // Makes room for about `incoming` new keys and `existing` stored ones, so that a large
    // import does not rehash as it goes.
    void reserve(std::size_t incoming, std::size_t existing = 0) {
        m_added.reserve(incoming);
        if (existing) m_existing.reserve(existing);
    }

    // Registers a key already stored in the project.
    void add_existing(std::string_view key);
    // Registers `key` for this import, saying whether it was seen before and where.
    Seen insert(std::string_view key) { return insert_hashed(hash128(key)); }
    // The same for a key already hashed with hash128().
    Seen insert_hashed(const Hash128& key_hash);
    // Starts loading the table slots `key_hash` will probe: a caller with a batch of keys
    // prefetches a few rows ahead so that the cache misses overlap.
    void prefetch(const Hash128& key_hash) const {
        m_existing.prefetch(key_hash);
        m_added.prefetch(key_hash);
    }

    // Call at the start of each input file: occurrence numbers count within one file.
    // `expected_rows`, a guess at the file's rows, sizes the count table up front.
    void start_file(std::size_t expected_rows = 0) {
        m_occurrences.clear();
        m_occurrences.reserve(expected_rows / 2); // police.uk: a third or so of rows have no id
    }
    // "h:<32 hex digits>#<n>" for a row without an id, from all its fields.
    std::string content_key(std::span<const std::string> fields) { return content_key(content_hash(fields)); }
    // The two halves of that, so that the hashing can run on another thread: the row's hash
    // (any thread), then its key with the occurrence number (in input order).
    static Hash128 content_hash(std::span<const std::string> fields);
    std::string content_key(const Hash128& content) {
        std::string key;
        content_key(content, key);
        return key;
    }
    // The same into `key`, reusing its storage.
    void content_key(const Hash128& content, std::string& key);


private:
    detail::Hash128Set m_existing;
    detail::Hash128Set m_added;
    detail::Hash128Counter m_occurrences;
};

} // namespace safermap
