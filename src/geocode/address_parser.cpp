// SPDX-License-Identifier: MIT
#include "geocode/address_parser.hpp"

#include "geocode/street_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace safermap::geocode {

namespace {

// Texts that record no place at all. Matched against the whole normalised text.
constexpr std::array<std::string_view, 20> k_non_addresses{
    "UNKNOWN", "NOT KNOWN", "N A", "NA", "NONE", "NFA", "NO FIXED ABODE", "VARIOUS", "VARIOUS LOCATIONS",
    "ONLINE", "TELEPHONE", "BY TELEPHONE", "SOCIAL MEDIA", "TBC", "NOT GIVEN", "WITHHELD", "ADDRESS WITHHELD",
    "NOT RECORDED", "NO ADDRESS", "INTERNET"};

struct Prefix {
    std::string_view text;
    Qualifier qualifier;
};
// Longest first where one is the start of another.
constexpr std::array<Prefix, 21> k_qualifiers{{
    {"ON OR NEAR ", Qualifier::on_or_near}, {"TO THE REAR OF ", Qualifier::rear_of}, {"LAND TO THE REAR OF ", Qualifier::rear_of},
    {"LAND REAR OF ", Qualifier::rear_of},  {"REAR OF ", Qualifier::rear_of},         {"R/O ", Qualifier::rear_of},
    {"BEHIND ", Qualifier::rear_of},        {"OUTSIDE ", Qualifier::outside},         {"O/S ", Qualifier::outside},
    {"OPPOSITE ", Qualifier::opposite},     {"OPP ", Qualifier::opposite},            {"OPP. ", Qualifier::opposite},
    {"ADJACENT TO ", Qualifier::near},      {"ADJ TO ", Qualifier::near},             {"ADJ ", Qualifier::near},
    {"NEXT TO ", Qualifier::near},          {"NEAR TO ", Qualifier::near},            {"NEAR ", Qualifier::near},
    {"NR ", Qualifier::near},               {"LAND AT ", Qualifier::near},            {"LAND OFF ", Qualifier::near},
}};

constexpr std::array<std::string_view, 9> k_junction_prefixes{
    "JUNCTION OF ", "JUNCTION ", "JCT OF ", "JCT ", "JUNC OF ", "JUNC ", "J/O ", "CORNER OF ", "CORNER "};
// Separators between the two streets of a junction, tried in order.
constexpr std::array<std::string_view, 6> k_junction_separators{" J/W ", " JW ", " WITH ", " AND ", " & ", "/"};

constexpr std::array<std::string_view, 6> k_flat_words{"FLAT", "APARTMENT", "APT", "UNIT", "ROOM", "FLAT NO"};

std::string upper_trim(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(u < 128 ? std::toupper(u) : u);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Alphanumeric runs with their positions in `s`.
struct Word {
    std::size_t begin, end;
};
std::vector<Word> alnum_words(std::string_view s) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) words.push_back({i, j});
        i = j;
    }
    return words;
}

// Finds a postcode (or failing that a trailing sector) and blanks it out of `text`. The
// outward code must contain a real digit, so that street words are never read as postcodes.
void take_postcode(std::string& text, ParsedAddress& out) {
    const auto words = alnum_words(text);
    auto word = [&](std::size_t k) { return std::string_view(text).substr(words[k].begin, words[k].end - words[k].begin); };
    for (std::size_t k = words.size(); k-- > 0;) {
        if (k > 0 && word(k).size() == 3 && word(k - 1).size() >= 2 && word(k - 1).size() <= 4 && has_digit(word(k - 1))) {
            if (auto pc = parse_postcode(std::string(word(k - 1)) + std::string(word(k)))) {
                out.postcode = pc;
                text.replace(words[k - 1].begin, words[k].end - words[k - 1].begin, std::string(words[k].end - words[k - 1].begin, ' '));
                return;
            }
        }
        if (word(k).size() >= 5 && word(k).size() <= 7 && has_digit(word(k).substr(0, word(k).size() - 3))) {
            if (auto pc = parse_postcode(word(k))) {
                out.postcode = pc;
                text.replace(words[k].begin, words[k].end - words[k].begin, std::string(words[k].end - words[k].begin, ' '));
                return;
            }
        }
    }
    // A sector written alone at the end: "NG17 1".
    if (words.size() >= 2) {
        const std::size_t k = words.size() - 1;
        if (word(k).size() == 1 && std::isdigit(static_cast<unsigned char>(word(k)[0])) && has_digit(word(k - 1))) {
            if (auto pc = parse_postcode(std::string(word(k - 1)) + std::string(word(k)) + "AA"); pc && !pc->corrected) {
                out.sector = pc->sector;
                text.erase(words[k - 1].begin);
            }
        }
    }
}

std::vector<std::string> split_parts(std::string_view text) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t j = text.find_first_of(",;\n", i);
        if (j == std::string_view::npos) j = text.size();
        std::string part = upper_trim(text.substr(i, j - i));
        while (!part.empty() && (part.back() == '.' || part.back() == '-')) part.pop_back();
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) parts.push_back(part);
        i = j + 1;
    }
    return parts;
}

// A house number token: "12", "12A", "12-14", "12/14".
bool is_house_number(std::string_view w) {
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    std::size_t i = 0;
    while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i]))) ++i;
    if (i == w.size()) return true;
    if (i + 1 == w.size() && std::isalpha(static_cast<unsigned char>(w[i]))) return true;
    if (w[i] == '-' || w[i] == '/') {
        ++i;
        if (i == w.size()) return false;
        while (i < w.size() && std::isalnum(static_cast<unsigned char>(w[i]))) ++i;
        return i == w.size();
    }
    return false;
}

// Takes a leading "FLAT 2" (or "APARTMENT 2", "UNIT 4") from the part.
std::string take_flat(std::string& part) {
    for (auto word : k_flat_words) {
        if (!starts_with(part, word) || part.size() <= word.size() || part[word.size()] != ' ') continue;
        std::size_t end = part.find(' ', word.size() + 1);
        if (end == std::string::npos) end = part.size();
        std::string flat = normalise_text(part.substr(0, end));
        part = upper_trim(part.substr(end));
        return flat;
    }
    return {};
}

std::string take_number(std::string& part) {
    // "12 - 14 HIGH ST" -> "12-14"
    // Rebuilt rather than replaced in place: GCC 12 warns falsely about replace() here.
    std::string compact;
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (i < 8 && part.compare(i, 3, " - ") == 0) {
            compact += '-';
            i += 2;
        } else {
            compact += part[i];
        }
    }
    std::size_t end = compact.find(' ');
    std::string first = compact.substr(0, end);
    if (!first.empty() && (first.back() == ',' || first.back() == '.')) first.pop_back();
    if (!is_house_number(first)) return {};
    part = end == std::string::npos ? std::string() : upper_trim(compact.substr(end));
    return first;
}

bool ends_with_street_type(std::string_view part) {
    auto words = split_words(street_key(part));
    return !words.empty() && words.size() >= 2 && is_street_type(words.back());
}

bool take_junction(std::string& part, ParsedAddress& out) {
    bool prefixed = false;
    for (auto p : k_junction_prefixes) {
        if (starts_with(part, p)) {
            part = part.substr(p.size());
            prefixed = true;
            break;
        }
    }
    for (auto sep : k_junction_separators) {
        // Without a JUNCTION OF prefix, only separators that cannot be part of a name count.
        if (!prefixed && (sep == " AND " || sep == " & " || sep == " WITH ")) continue;
        const std::size_t at = part.find(sep);
        if (at == std::string::npos || at == 0 || at + sep.size() >= part.size()) continue;
        // Kept only when both sides read as streets: a one-sided junction must leave no second
        // street behind for the rest of the parse.
        auto first = street_readings(part.substr(0, at));
        auto second = street_readings(part.substr(at + sep.size()));
        if (first.empty() || second.empty()) return false;
        out.street = std::move(first);
        out.second_street = std::move(second);
        return true;
    }
    return false;
}

} // namespace

std::string_view to_string(Qualifier q) {
    switch (q) {
    case Qualifier::none: return "";
    case Qualifier::on_or_near: return "on or near";
    case Qualifier::rear_of: return "rear of";
    case Qualifier::outside: return "outside";
    case Qualifier::opposite: return "opposite";
    case Qualifier::near: return "near";
    }
    return "";
}

std::vector<StreetReading> street_readings(std::string_view text) {
    std::vector<StreetReading> readings;
    auto words = split_words(normalise_text(text));
    if (words.empty()) return readings;
    auto join = [&](std::size_t from, std::size_t to) {
        std::string s;
        for (std::size_t k = from; k < to; ++k) {
            if (!s.empty()) s += ' ';
            s += words[k];
        }
        return s;
    };
    readings.push_back({street_key(join(0, words.size())), ""});
    // Split after any street type (abbreviated or not) that has words after it. Only short
    // prefixes can be street names; trying every prefix made a long text quadratic in time
    // and in the readings returned.
    for (std::size_t k = std::min(words.size() - 1, k_max_street_words); k >= 2; --k) {
        const std::string prefix_key = street_key(join(0, k));
        const auto prefix_words = split_words(prefix_key);
        if (!is_street_type(prefix_words.back())) continue;
        readings.push_back({prefix_key, locality_key(join(k, words.size()))});
    }
    return readings;
}

ParsedAddress parse_address(std::string_view address) {
    ParsedAddress out;
    if (address.size() > k_max_address_bytes) {
        out.not_an_address = "address_too_long";
        return out;
    }
    const std::string whole = normalise_text(address);
    if (whole.empty()) {
        out.not_an_address = "empty";
        return out;
    }
    for (auto n : k_non_addresses) {
        if (whole == n) {
            out.not_an_address = std::string(n);
            return out;
        }
    }
    std::string text(address);
    take_postcode(text, out);
    auto parts = split_parts(text);

    std::size_t street_part = parts.size();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string& part = parts[i];
        // Qualifiers may stack ("land to the rear of o/s ..."); take them all. The part is
        // already upper-cased and trimmed, so each is skipped over and the rest copied once.
        std::string_view rest = part;
        for (bool again = true; again;) {
            again = false;
            for (const auto& q : k_qualifiers) {
                if (starts_with(rest, q.text)) {
                    if (out.qualifier == Qualifier::none) out.qualifier = q.qualifier;
                    rest.remove_prefix(q.text.size());
                    again = true;
                }
            }
        }
        if (rest.size() != part.size()) part = upper_trim(rest);
        if (out.flat.empty()) out.flat = take_flat(part);
        if (out.number.empty()) out.number = take_number(part);
        if (part.empty()) continue;
        if (take_junction(part, out)) {
            street_part = i;
            break;
        }
        // A house or building name comes before its street: "Rose Cottage, Church Lane".
        if (out.number.empty() && out.building.empty() && !ends_with_street_type(part) && i + 1 < parts.size() &&
            ends_with_street_type(parts[i + 1])) {
            out.building = normalise_text(part);
            continue;
        }
        out.street = street_readings(part);
        street_part = i;
        break;
    }
    for (std::size_t i = street_part + 1; i < parts.size(); ++i) {
        std::string key = locality_key(parts[i]);
        if (!key.empty()) out.localities.push_back(key);
    }
    if (out.street.empty() && !out.postcode && out.sector.empty()) out.not_an_address = "no street or postcode";
    return out;
}

} // namespace safermap::geocode
