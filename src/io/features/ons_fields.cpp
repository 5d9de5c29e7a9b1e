// SPDX-License-Identifier: MIT
#include "io/features/ons_fields.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

namespace safermap::io {

namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string preferred_prefix(AreaKind kind) {
    switch (kind) {
    case AreaKind::ward: return "WD";
    case AreaKind::lsoa: return "LSOA";
    case AreaKind::district: return "LAD";
    default: return "";
    }
}

// "WD20NM" -> {"WD20", 0}; "LSOA21CD" -> {"LSOA21", 1}: letters, two digits, NM or CD.
std::optional<std::pair<std::string, int>> ons_pair_key(const std::string& u) {
    if (u.size() < 5) return std::nullopt;
    std::string suffix = u.substr(u.size() - 2);
    if (suffix != "NM" && suffix != "CD") return std::nullopt;
    std::size_t digits_at = u.size() - 4;
    if (!std::isdigit(static_cast<unsigned char>(u[digits_at])) || !std::isdigit(static_cast<unsigned char>(u[digits_at + 1])))
        return std::nullopt;
    for (std::size_t i = 0; i < digits_at; ++i)
        if (u[i] < 'A' || u[i] > 'Z') return std::nullopt;
    return std::make_pair(u.substr(0, digits_at + 2), suffix == "NM" ? 0 : 1);
}

void require(const std::vector<std::string>& fields, const std::string& name, const std::string& path, const char* flag) {
    if (std::find(fields.begin(), fields.end(), name) != fields.end()) return;
    std::string names;
    for (std::size_t i = 0; i < fields.size(); ++i) names += fmt::format("{}'{}'", i ? ", " : "", fields[i]);
    throw SchemaError(fmt::format("{}: no field '{}' (given by {}); fields are {}", path, name, flag, names));
}

} // namespace

NameCodeFields detect_name_code_fields(const std::vector<std::string>& fields, AreaKind kind,
                                       const std::string& name_override, const std::string& code_override,
                                       const std::string& path) {
    NameCodeFields out;
    // ONS pairs, keyed by their prefix+year ("WD20"): [0] = name field, [1] = code field.
    std::map<std::string, std::array<std::string, 2>> pairs;
    for (const auto& f : fields) {
        if (auto key = ons_pair_key(upper(f))) pairs[key->first][key->second] = f;
    }
    std::string chosen;
    std::string want = preferred_prefix(kind);
    for (const auto& [prefix, pair] : pairs) {
        bool complete = !pair[0].empty() && !pair[1].empty();
        if (!complete) continue;
        std::string letters = prefix.substr(0, prefix.size() - 2);
        if (!want.empty() && letters == want) { chosen = prefix; break; }
    }
    if (chosen.empty()) {
        std::vector<std::string> complete;
        for (const auto& [prefix, pair] : pairs)
            if (!pair[0].empty() && !pair[1].empty()) complete.push_back(prefix);
        if (complete.size() == 1) chosen = complete.front();
    }
    if (!chosen.empty()) {
        out.name = pairs[chosen][0];
        out.code = pairs[chosen][1];
        out.vintage = chosen;
    } else {
        auto find = [&](std::initializer_list<const char*> names) -> std::string {
            for (const char* n : names)
                for (const auto& f : fields)
                    if (upper(f) == upper(n)) return f;
            return "";
        };
        out.name = find({"name", "area_name", "areanm"});
        out.code = find({"code", "area_code", "areacd", "id"});
    }
    if (!name_override.empty()) {
        require(fields, name_override, path, "--name-field");
        out.name = name_override;
    }
    if (!code_override.empty()) {
        require(fields, code_override, path, "--code-field");
        out.code = code_override;
    }
    if (out.name.empty()) {
        std::string names;
        for (std::size_t i = 0; i < fields.size(); ++i) names += fmt::format("{}'{}'", i ? ", " : "", fields[i]);
        throw SchemaError(fmt::format("{}: cannot tell which field holds area names (fields: {}); give --name-field "
                                      "and --code-field",
                                      path, names.empty() ? "none" : names));
    }
    return out;
}

} // namespace safermap::io
