// SPDX-License-Identifier: MIT
#pragma once
// Matching what a user typed (a crime type, an area name) against the names that exist.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safermap {

// The form names are compared in: lower case (ASCII), surrounding spaces dropped and inner runs
// of spaces made one. "  Anti-social  Behaviour " and "anti-social behaviour" are the same.
std::string name_key(std::string_view name);

// The name in `existing` whose key equals `wanted`'s key, if any.
std::optional<std::string> find_name(std::string_view wanted, const std::vector<std::string>& existing);

// The name in `existing` that `wanted` suggests: the only one whose key begins with wanted's
// key (of 3 characters or more), else the closest by edit distance between keys (ties: the
// first), or nullopt when `existing` is empty or the closest needs more edits than half its length.
std::optional<std::string> closest_name(std::string_view wanted, const std::vector<std::string>& existing);

// "no crime type 'burgalry'; the project has: A, B, C (did you mean 'Burglary'?)": the message
// for a filter that matches nothing. Lists at most `limit` names and says how many more exist.
std::string no_such_name_message(std::string_view what, std::string_view wanted, std::string_view where,
                                 const std::vector<std::string>& existing, std::size_t limit = 40);

} // namespace safermap
