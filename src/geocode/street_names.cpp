// SPDX-License-Identifier: MIT
#include "geocode/street_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace safermap::geocode {

namespace {

// Royal Mail / BS 7666 style abbreviations of street types, and their full forms.
constexpr std::array<std::pair<std::string_view, std::string_view>, 48> k_types{{
    {"ST", "STREET"},     {"STR", "STREET"},    {"RD", "ROAD"},        {"AVE", "AVENUE"},    {"AV", "AVENUE"},
    {"AVN", "AVENUE"},    {"CL", "CLOSE"},      {"CLO", "CLOSE"},      {"CRES", "CRESCENT"}, {"CRESC", "CRESCENT"},
    {"CRS", "CRESCENT"},  {"DR", "DRIVE"},      {"DRV", "DRIVE"},      {"GDNS", "GARDENS"},  {"GDN", "GARDENS"},
    {"GRDNS", "GARDENS"}, {"LN", "LANE"},       {"PL", "PLACE"},       {"SQ", "SQUARE"},     {"TERR", "TERRACE"},
    {"TER", "TERRACE"},   {"TCE", "TERRACE"},   {"GR", "GROVE"},       {"GRO", "GROVE"},     {"GRV", "GROVE"},
    {"CT", "COURT"},      {"CRT", "COURT"},     {"PK", "PARK"},        {"WY", "WAY"},        {"HL", "HILL"},
    {"MWS", "MEWS"},      {"PDE", "PARADE"},    {"GRN", "GREEN"},      {"WLK", "WALK"},      {"RI", "RISE"},
    {"BVD", "BOULEVARD"}, {"BLVD", "BOULEVARD"}, {"VW", "VIEW"},       {"EST", "ESTATE"},    {"CRN", "CORNER"},
    {"CLS", "CLOSE"},     {"HTS", "HEIGHTS"},   {"LA", "LANE"},        {"PROM", "PROMENADE"}, {"APP", "APPROACH"},
    {"CSWY", "CAUSEWAY"}, {"GT", "GATE"},       {"YD", "YARD"},
}};

constexpr std::array<std::string_view, 36> k_full_types{
    "STREET", "ROAD",    "AVENUE",    "CLOSE",  "CRESCENT", "DRIVE",  "GARDENS",  "LANE",  "PLACE",
    "SQUARE", "TERRACE", "GROVE",     "COURT",  "PARK",     "WAY",    "HILL",     "MEWS",  "PARADE",
    "GREEN",  "WALK",    "RISE",      "BOULEVARD", "VIEW",  "ESTATE", "CORNER",   "HEIGHTS", "PROMENADE",
    "APPROACH", "CAUSEWAY", "GATE",   "YARD",   "ROW",      "VALE",   "DALE",     "CROFT", "WHARF"};

// Words that may follow a street type and still belong to the name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_directions{{
    {"NORTH", "NORTH"}, {"NTH", "NORTH"}, {"SOUTH", "SOUTH"}, {"STH", "SOUTH"}, {"EAST", "EAST"}, {"WEST", "WEST"},
    {"UPPER", "UPPER"}, {"UPR", "UPPER"}, {"LOWER", "LOWER"}, {"LWR", "LOWER"}, {"EXTENSION", "EXTENSION"},
    {"EXT", "EXTENSION"},
}};

std::string_view lookup(std::string_view word, auto const& table) {
    for (const auto& [abbr, full] : table)
        if (abbr == word) return full;
    return {};
}

// Where the run of directions that ends `words` starts (words.size() when none does).
std::size_t trailing_directions(const std::vector<std::string>& words) {
    std::size_t t = words.size();
    while (t > 0 && !lookup(words[t - 1], k_directions).empty()) --t;
    return t;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

} // namespace

std::string normalise_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 128 || std::isalnum(u)) {
            out += static_cast<char>(u < 128 ? std::toupper(u) : u);
        } else if (c == '\'' || c == '`') {
            continue; // MARY'S -> MARYS
        } else if (c == '&') {
            space();
            out += "AND ";
        } else {
            space();
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<std::string> split_words(std::string_view normalised) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < normalised.size()) {
        std::size_t j = normalised.find(' ', i);
        if (j == std::string_view::npos) j = normalised.size();
        if (j > i) words.emplace_back(normalised.substr(i, j - i));
        i = j + 1;
    }
    return words;
}

std::string street_key(std::string_view name) {
    auto words = split_words(normalise_text(name));
    // A word is in the type position when only directions follow it: found once, not per word,
    // so that a long text stays linear.
    const std::size_t directions_from = trailing_directions(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string& w = words[i];
        if (auto dir = lookup(w, k_directions); !dir.empty() && i > 0) {
            w = std::string(dir);
            continue;
        }
        const bool type_position = i > 0 && i + 1 >= directions_from;
        if (w == "ST" || w == "STR") {
            w = type_position ? "STREET" : "SAINT";
            continue;
        }
        if (!type_position) continue;
        if (auto full = lookup(w, k_types); !full.empty()) w = std::string(full);
    }
    return join(words);
}

bool is_street_type(std::string_view word) {
    return std::find(k_full_types.begin(), k_full_types.end(), word) != k_full_types.end();
}

StreetKeyParts split_street_key(std::string_view key) {
    auto words = split_words(key);
    // The type is the last word that is not a direction, when it is a street type and is not
    // the whole name ("THE GREEN" keeps GREEN as its name).
    std::size_t t = words.size();
    while (t > 0 && !lookup(words[t - 1], k_directions).empty()) --t;
    if (t < 2 || !is_street_type(words[t - 1]) || (t == 2 && words[0] == "THE")) return {std::string(key), ""};
    StreetKeyParts parts;
    parts.type = words[t - 1];
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(t - 1));
    parts.name = join(words);
    return parts;
}

std::string locality_key(std::string_view name) {
    auto words = split_words(normalise_text(name));
    for (auto& w : words)
        if (w == "ST") w = "SAINT";
    return join(words);
}

} // namespace safermap::geocode
