// SPDX-License-Identifier: MIT
#include "geocode/postcode.hpp"

#include <cctype>
#include <cstring>

namespace safermap::geocode {

namespace {

enum class Want { letter, digit };

// Mends a slip so that `c` fits `want`; returns 0 when it cannot.
char fit(char c, Want want, bool& corrected) {
    const bool is_digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (want == Want::digit) {
        if (is_digit) return c;
        corrected = true;
        if (c == 'O') return '0';
        if (c == 'I' || c == 'L') return '1';
        return 0;
    }
    if (!is_digit) return c;
    corrected = true;
    if (c == '0') return 'O';
    if (c == '1') return 'I';
    return 0;
}

bool in(char c, const char* set) { return c != 0 && std::strchr(set, c) != nullptr; }

// Tries one outward shape ("A9", "AA9A", ... with A letter, 9 digit) on `out`.
std::optional<std::string> match_outward(const std::string& out, std::string_view shape, bool& corrected) {
    if (out.size() != shape.size()) return std::nullopt;
    std::string s = out;
    bool fixed = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        s[i] = fit(s[i], shape[i] == 'A' ? Want::letter : Want::digit, fixed);
        if (!s[i]) return std::nullopt;
    }
    // Letters allowed by position (Royal Mail's rules for outward codes).
    if (in(s[0], "QVX")) return std::nullopt;
    if (shape.size() >= 2 && shape[1] == 'A' && in(s[1], "IJZ")) return std::nullopt;
    if (shape == "A9A" && !in(s[2], "ABCDEFGHJKPSTUW")) return std::nullopt;
    if (shape == "AA9A" && !in(s[3], "ABEHMNPRVWXY")) return std::nullopt;
    corrected |= fixed;
    return s;
}

} // namespace

std::optional<Postcode> parse_postcode(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        else if (!std::isspace(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != ',') return std::nullopt;
    }
    if (s.size() < 5 || s.size() > 7) return std::nullopt;
    Postcode p;
    std::string in_code = s.substr(s.size() - 3);
    const std::string out_code = s.substr(0, s.size() - 3);
    if (out_code == "GIR" && in_code == "0AA") {
        p.outward = out_code;
    } else {
        // The inward code: a digit then two letters, never C, I, K, M, O or V.
        bool fixed = false;
        in_code[0] = fit(in_code[0], Want::digit, fixed);
        for (int k = 1; k < 3; ++k) in_code[static_cast<std::size_t>(k)] = fit(in_code[static_cast<std::size_t>(k)], Want::letter, fixed);
        if (!in_code[0] || !in_code[1] || !in_code[2] || in(in_code[1], "CIKMOV") || in(in_code[2], "CIKMOV")) return std::nullopt;
        p.corrected = fixed;
        // Shapes by length; where two fit (e.g. "A99" and "AA9" for a mistyped "N61"), the one
        // that needs no mending wins, in Royal Mail's order.
        static constexpr std::string_view k_shapes[] = {"A9", "A99", "AA9", "A9A", "AA99", "AA9A"};
        std::optional<std::string> best;
        bool best_fixed = true;
        for (auto shape : k_shapes) {
            bool shape_fixed = false;
            auto m = match_outward(out_code, shape, shape_fixed);
            if (m && (!best || (best_fixed && !shape_fixed))) {
                best = m;
                best_fixed = shape_fixed;
            }
        }
        if (!best) return std::nullopt;
        p.outward = *best;
        p.corrected |= best_fixed;
    }
    p.inward = in_code;
    p.formatted = p.outward + " " + p.inward;
    p.sector = p.outward + " " + p.inward.substr(0, 1);
    std::size_t letters = 0;
    while (letters < p.outward.size() && std::isalpha(static_cast<unsigned char>(p.outward[letters]))) ++letters;
    p.area = p.outward.substr(0, letters);
    return p;
}

} // namespace safermap::geocode
