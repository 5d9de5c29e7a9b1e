// SPDX-License-Identifier: MIT
#pragma once
// A gazetteer loaded into memory with the indexes matching needs: postcodes and sectors by
// code, streets by name key and by spelling (trigrams), localities by name, address points by
// street and number. Read-only once loaded, so one Gazetteer can serve several threads.

#include "core/incident.hpp"
#include "geo/geos_context.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safermap::geocode {

struct GazPostcode {
    std::string postcode;
    XY xy;
    int quality = 0;
    std::string terminated;
};

struct GazSector {
    std::string sector;
    XY xy;          // mean of its unit postcodes
    int units = 0;
};

struct GazStreet {
    std::int64_t fid = 0;
    std::string name, key, name_part, type, locality, kind, near_street, source;
    std::vector<XY> points;
    XY rep;
    std::vector<std::uint32_t> localities; // ids into Gazetteer::localities()
};

struct GazAddress {
    std::string uprn, flat, number, building, street_key, locality_key, postcode;
    XY xy;
};

struct GazLocality {
    std::string name, key, kind;
};

// A street found by name, and how many edits its spelling needed.
struct NameHit {
    std::uint32_t street;
    int edits;
    bool type_missing; // the text had no street type, or the gazetteer's name has none
};

class Gazetteer {
public:
    // Reads every layer of a gazetteer GeoPackage. Throws IoError/SchemaError naming the file.
    static Gazetteer load(const std::string& path, const geo::GeosContext& geos);

    const GazPostcode* postcode(std::string_view formatted) const;
    const GazSector* sector(std::string_view sector) const;
    const std::vector<GazStreet>& streets() const { return m_streets; }
    const std::vector<GazLocality>& localities() const { return m_localities; }
    const std::vector<GazAddress>& addresses() const { return m_addresses; }
    bool has_addresses() const { return !m_addresses.empty(); }

    // Streets whose key matches `key`: exactly, without a street type on one side, or within
    // allowed_edits() of the distinctive name (the street type must then agree).
    void find_streets(std::string_view key, std::vector<NameHit>& hits) const;

    // Localities named `key` (normalised): exactly, as one part of "X AND Y" ward names, or
    // within allowed_edits(). Empty when none.
    std::vector<std::uint32_t> resolve_locality(std::string_view key) const;

    // Address points on a street (by key) with this number or building name.
    std::vector<std::uint32_t> addresses_at(std::string_view street_key, std::string_view number_or_building) const;

    std::size_t postcode_count() const { return m_postcodes.size(); }

private:
    std::vector<GazPostcode> m_postcodes;
    std::unordered_map<std::string, std::uint32_t> m_postcode_index;
    std::vector<GazSector> m_sectors;
    std::unordered_map<std::string, std::uint32_t> m_sector_index;
    std::vector<GazStreet> m_streets;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_by_key;
    // Distinct name parts, their streets, and a symmetric-deletion index over them for
    // misspellings (every spelling with up to two letters deleted -> the name parts it comes
    // from): two spellings within k edits share a spelling with at most k letters deleted from
    // each, transpositions included, so candidates are found by lookup, not by scanning.
    std::vector<std::string> m_name_parts;
    std::vector<std::vector<std::uint32_t>> m_name_part_streets;
    std::unordered_map<std::string, std::uint32_t> m_name_part_index;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_deletions;
    std::size_t m_longest_name_part = 0;
    std::vector<GazLocality> m_localities;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_locality_index;
    std::vector<GazAddress> m_addresses;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_address_index;

    void index_streets();
    std::uint32_t locality_id(const std::string& name, const std::string& kind);
};

} // namespace safermap::geocode
