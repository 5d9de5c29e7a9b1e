// SPDX-License-Identifier: MIT
#include "geocode/gazetteer.hpp"

#include "core/error.hpp"
#include "geo/polygon_index.hpp"
#include "geocode/gazetteer_schema.hpp"
#include "geocode/similarity.hpp"
#include "geocode/street_names.hpp"
#include "io/gdal/gdal_env.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

namespace safermap::geocode {

namespace {

namespace gs = gazetteer_schema;

constexpr double k_locality_edge_m = 25; // generalised boundaries: a street point just outside still counts

// Every spelling of `s` with up to `k` letters deleted, `s` itself included (duplicates kept).
void deletions(const std::string& s, int k, std::vector<std::string>& out) {
    out.clear();
    out.push_back(s);
    std::size_t from = 0;
    for (int round = 0; round < k; ++round) {
        const std::size_t to = out.size();
        for (std::size_t i = from; i < to; ++i) {
            const std::string base = out[i];
            for (std::size_t p = 0; p < base.size(); ++p) {
                if (p > 0 && base[p] == base[p - 1]) continue; // deleting either of a double letter gives the same
                std::string d = base;
                d.erase(p, 1);
                out.push_back(std::move(d));
            }
        }
        from = to;
    }
}

// How many deletions a name part is indexed with: enough for allowed_edits() of a query a
// letter or two longer.
int indexed_deletions(std::size_t length) { return length >= 7 ? 2 : (length >= 4 ? 1 : 0); }

void collect_points(const OGRGeometry& g, std::vector<XY>& out) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: out.push_back(XY{g.toPoint()->getX(), g.toPoint()->getY()}); break;
    case wkbLineString:
        for (const auto& p : *g.toLineString()) out.push_back(XY{p.getX(), p.getY()});
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const auto* part : *g.toGeometryCollection()) collect_points(*part, out);
        break;
    default: break;
    }
}

OGRLayer* layer_of(GDALDataset& ds, std::string_view name) { return ds.GetLayerByName(std::string(name).c_str()); }

// Splits ward names such as "KIRKBY CROSS AND PORTLAND" into the places they join.
std::vector<std::string> name_parts_of_locality(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (true) {
        std::size_t j = key.find(" AND ", i);
        parts.push_back(key.substr(i, j == std::string::npos ? std::string::npos : j - i));
        if (j == std::string::npos) break;
        i = j + 5;
    }
    return parts;
}

} // namespace

std::uint32_t Gazetteer::locality_id(const std::string& name, const std::string& kind) {
    const std::string key = locality_key(name);
    auto it = m_locality_index.find(key);
    if (it != m_locality_index.end()) {
        for (auto id : it->second)
            if (m_localities[id].key == key) return id;
    }
    const auto id = static_cast<std::uint32_t>(m_localities.size());
    m_localities.push_back(GazLocality{name, key, kind});
    m_locality_index[key].push_back(id);
    auto parts = name_parts_of_locality(key);
    if (parts.size() > 1)
        for (const auto& p : parts) m_locality_index[p].push_back(id);
    return id;
}

Gazetteer Gazetteer::load(const std::string& path, const geo::GeosContext& geos) {
    io::gdal_init();
    if (!std::filesystem::exists(path)) throw IoError(fmt::format("{}: no such gazetteer (build one with safermap gazetteer)", path));
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw IoError(fmt::format("{}: cannot open gazetteer ({})", path, io::gdal_last_error()));
    for (const auto& def : gs::layers())
        if (!layer_of(*ds, def.name))
            throw SchemaError(fmt::format("{}: not a SaferMap gazetteer (no '{}' layer)", path, def.name));
    Gazetteer g;

    struct SectorSum {
        double x = 0, y = 0;
        int n = 0;
    };
    std::unordered_map<std::string, SectorSum> sums;
    for (auto& f : *layer_of(*ds, gs::k_postcodes)) {
        const OGRGeometry* geom = f->GetGeometryRef();
        if (!geom || wkbFlatten(geom->getGeometryType()) != wkbPoint) continue;
        GazPostcode p{f->GetFieldAsString("postcode"), XY{geom->toPoint()->getX(), geom->toPoint()->getY()},
                      f->GetFieldAsInteger("quality"), f->GetFieldAsString("terminated")};
        auto& s = sums[f->GetFieldAsString("sector")];
        s.x += p.xy.x;
        s.y += p.xy.y;
        ++s.n;
        g.m_postcode_index.emplace(p.postcode, static_cast<std::uint32_t>(g.m_postcodes.size()));
        g.m_postcodes.push_back(std::move(p));
    }
    for (const auto& [sector, s] : sums) {
        g.m_sector_index.emplace(sector, static_cast<std::uint32_t>(g.m_sectors.size()));
        g.m_sectors.push_back(GazSector{sector, XY{s.x / s.n, s.y / s.n}, s.n});
    }

    // Locality polygons, for deciding which wards and towns each street runs through.
    std::vector<geo::GeomPtr> polygons;
    std::vector<std::uint32_t> polygon_locality;
    for (auto& f : *layer_of(*ds, gs::k_localities)) {
        const OGRGeometry* geom = f->GetGeometryRef();
        const std::uint32_t id = g.locality_id(f->GetFieldAsString("name"), f->GetFieldAsString("kind"));
        if (!geom) continue;
        std::string wkb(static_cast<std::size_t>(geom->WkbSize()), '\0');
        geom->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
        if (auto gg = geo::read_wkb(geos, wkb)) {
            polygons.push_back(std::move(gg));
            polygon_locality.push_back(id);
        }
    }
    std::unique_ptr<geo::PolygonIndex> index;
    if (!polygons.empty()) index = std::make_unique<geo::PolygonIndex>(geos, std::move(polygons));

    for (auto& f : *layer_of(*ds, gs::k_streets)) {
        GazStreet s;
        s.fid = f->GetFID();
        s.name = f->GetFieldAsString("name");
        s.key = f->GetFieldAsString("key");
        auto parts = split_street_key(s.key);
        s.name_part = parts.name;
        s.type = parts.type;
        s.locality = f->GetFieldAsString("locality");
        s.kind = f->GetFieldAsString("kind");
        s.near_street = f->GetFieldAsString("near_street");
        s.source = f->GetFieldAsString("source");
        s.rep = XY{f->GetFieldAsDouble("x"), f->GetFieldAsDouble("y")};
        if (const OGRGeometry* geom = f->GetGeometryRef()) collect_points(*geom, s.points);
        if (s.points.empty()) s.points.push_back(s.rep);
        std::set<std::uint32_t> ids;
        if (!s.locality.empty()) ids.insert(g.locality_id(s.locality, s.source == "police.uk" ? "district" : "town"));
        // police.uk streets also answer to their LSOAs' names ("Ashfield 006F").
        const std::string areas = f->GetFieldAsString("areas");
        for (std::size_t i = 0; i < areas.size();) {
            std::size_t j = areas.find('|', i);
            if (j == std::string::npos) j = areas.size();
            if (j > i) ids.insert(g.locality_id(areas.substr(i, j - i), "lsoa"));
            i = j + 1;
        }
        if (index) {
            for (const auto& p : s.points)
                if (auto hit = index->locate_or_nearest(p.x, p.y, k_locality_edge_m)) ids.insert(polygon_locality[*hit]);
        }
        s.localities.assign(ids.begin(), ids.end());
        g.m_streets.push_back(std::move(s));
    }
    g.index_streets();

    for (auto& f : *layer_of(*ds, gs::k_addresses)) {
        const OGRGeometry* geom = f->GetGeometryRef();
        if (!geom || wkbFlatten(geom->getGeometryType()) != wkbPoint) continue;
        GazAddress a{f->GetFieldAsString("uprn"), normalise_text(f->GetFieldAsString("flat")), normalise_text(f->GetFieldAsString("number")),
                     normalise_text(f->GetFieldAsString("building")), f->GetFieldAsString("street_key"),
                     locality_key(f->GetFieldAsString("locality")), f->GetFieldAsString("postcode"),
                     XY{geom->toPoint()->getX(), geom->toPoint()->getY()}};
        const auto id = static_cast<std::uint32_t>(g.m_addresses.size());
        if (!a.number.empty()) g.m_address_index[a.street_key + "|" + a.number].push_back(id);
        if (!a.building.empty()) g.m_address_index[a.street_key + "|" + a.building].push_back(id);
        g.m_addresses.push_back(std::move(a));
    }
    return g;
}

void Gazetteer::index_streets() {
    for (std::uint32_t i = 0; i < m_streets.size(); ++i) {
        const GazStreet& s = m_streets[i];
        m_by_key[s.key].push_back(i);
        auto [it, added] = m_name_part_index.try_emplace(s.name_part, static_cast<std::uint32_t>(m_name_parts.size()));
        if (added) {
            m_longest_name_part = std::max(m_longest_name_part, s.name_part.size());
            m_name_parts.push_back(s.name_part);
            m_name_part_streets.emplace_back();
            std::vector<std::string> variants;
            deletions(s.name_part, indexed_deletions(s.name_part.size()), variants);
            for (auto& v : variants) {
                auto& list = m_deletions[std::move(v)];
                if (list.empty() || list.back() != it->second) list.push_back(it->second);
            }
        }
        m_name_part_streets[it->second].push_back(i);
    }
}

const GazPostcode* Gazetteer::postcode(std::string_view formatted) const {
    auto it = m_postcode_index.find(std::string(formatted));
    return it == m_postcode_index.end() ? nullptr : &m_postcodes[it->second];
}

const GazSector* Gazetteer::sector(std::string_view sector) const {
    auto it = m_sector_index.find(std::string(sector));
    return it == m_sector_index.end() ? nullptr : &m_sectors[it->second];
}

void Gazetteer::find_streets(std::string_view key, std::vector<NameHit>& hits) const {
    hits.clear();
    if (auto it = m_by_key.find(std::string(key)); it != m_by_key.end())
        for (auto s : it->second) hits.push_back({s, 0, false});
    const StreetKeyParts parts = split_street_key(key);
    auto types_agree = [&](const GazStreet& s, bool& missing) {
        missing = s.type != parts.type;
        return s.type == parts.type || s.type.empty() || parts.type.empty();
    };
    if (auto it = m_name_part_index.find(parts.name); it != m_name_part_index.end()) {
        for (auto s : m_name_part_streets[it->second]) {
            bool missing = false;
            if (m_streets[s].key != key && types_agree(m_streets[s], missing)) hits.push_back({s, 0, missing});
        }
    }
    if (!hits.empty()) return;
    // Misspellings: candidates share a spelling with letters deleted, then the edit distance
    // decides.
    const std::string& q = parts.name;
    const int k = allowed_edits(q.size());
    // No name part is within k edits of a longer text, and the deletions of a long text
    // number its length squared: a free-text field must not get that far.
    if (k == 0 || q.size() > m_longest_name_part + static_cast<std::size_t>(k)) return;
    std::vector<std::string> variants;
    deletions(q, k, variants);
    std::vector<std::uint32_t> candidates;
    for (const auto& v : variants) {
        auto it = m_deletions.find(v);
        if (it != m_deletions.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (auto np : candidates) {
        const std::string& name = m_name_parts[np];
        if (std::abs(static_cast<long>(name.size()) - static_cast<long>(q.size())) > k) continue;
        const int d = edit_distance(q, name, k);
        if (d > k) continue;
        for (auto s : m_name_part_streets[np]) {
            bool missing = false;
            if (types_agree(m_streets[s], missing)) hits.push_back({s, d, missing});
        }
    }
}

std::vector<std::uint32_t> Gazetteer::resolve_locality(std::string_view key) const {
    if (key.empty()) return {};
    if (auto it = m_locality_index.find(std::string(key)); it != m_locality_index.end()) return it->second;
    std::vector<std::uint32_t> out;
    // A town named by the wards it is split into: "HUCKNALL" -> HUCKNALL NORTH, HUCKNALL WEST, ...
    const std::string prefix = std::string(key) + " ";
    for (const auto& [name, ids] : m_locality_index)
        if (name.rfind(prefix, 0) == 0) out.insert(out.end(), ids.begin(), ids.end());
    const int k = out.empty() ? allowed_edits(key.size()) : 0;
    if (k > 0)
        for (const auto& [name, ids] : m_locality_index)
            if (edit_distance(key, name, k) <= k) out.insert(out.end(), ids.begin(), ids.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::uint32_t> Gazetteer::addresses_at(std::string_view street_key, std::string_view number_or_building) const {
    auto it = m_address_index.find(std::string(street_key) + "|" + std::string(number_or_building));
    return it == m_address_index.end() ? std::vector<std::uint32_t>{} : it->second;
}

} // namespace safermap::geocode
