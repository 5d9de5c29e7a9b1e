// SPDX-License-Identifier: MIT
#include "io/csv/field_aliases.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace safermap::io {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
} // namespace

int find_field(const OGRFeatureDefn& defn, std::initializer_list<std::string_view> aliases) {
    for (auto alias : aliases) {
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            if (iequals(defn.GetFieldDefn(i)->GetNameRef(), alias)) return i;
        }
    }
    return -1;
}

int require_field(const OGRFeatureDefn& defn, const std::string& chosen, const std::string& path, const char* flag) {
    int i = defn.GetFieldIndex(chosen.c_str());
    if (i >= 0) return i;
    std::string names;
    for (int k = 0; k < defn.GetFieldCount(); ++k) names += fmt::format("{}'{}'", k ? ", " : "", defn.GetFieldDefn(k)->GetNameRef());
    throw SchemaError(fmt::format("{}: no field '{}' (given by {}); fields are {}", path, chosen, flag, names));
}

std::string field_text(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::string other_fields_json(const OGRFeature& f, std::initializer_list<int> used) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    const OGRFeatureDefn& defn = *f.GetDefnRef();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (std::find(used.begin(), used.end(), i) != used.end() || !f.IsFieldSetAndNotNull(i)) continue;
        out[defn.GetFieldDefn(i)->GetNameRef()] = f.GetFieldAsString(i);
    }
    return out.empty() ? "" : out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace safermap::io
