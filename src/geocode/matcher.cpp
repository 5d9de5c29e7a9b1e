// SPDX-License-Identifier: MIT
#include "geocode/matcher.hpp"

#include "geocode/address_parser.hpp"
#include "geocode/street_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace safermap::geocode {

namespace {

constexpr double k_close = 0.05;               // scores this close count as about equal
constexpr double k_postcode_radius_m = 1500;   // a street given with a postcode lies this close to it
constexpr double k_sector_radius_m = 4000;
constexpr double k_junction_max_m = 400;       // police.uk snap points sit back from junctions
constexpr double k_same_place_m = 150;         // candidates closer than this are one place
constexpr double k_address_same_m = 50;
constexpr double k_unconfirmed = 0.9;          // a street name with no locality or postcode to confirm it

double distance(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

double nearest_point(const GazStreet& s, XY to, XY& at) {
    double best = std::numeric_limits<double>::max();
    for (const auto& p : s.points) {
        const double d = distance(p, to);
        if (d < best) {
            best = d;
            at = p;
        }
    }
    return best;
}

void add_note(std::string& note, const std::string& text) {
    if (text.empty()) return;
    if (!note.empty()) note += "; ";
    note += text;
}

bool shares(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    for (auto x : a)
        if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    return false;
}

struct Candidate {
    std::uint32_t street;
    double score;
    XY at;               // the street's point used
    double anchor_distance = 0;
    int edits = 0;       // spelling mended
};

struct Anchor {
    XY xy;
    double radius;
    std::string what; // "postcode NG17 1AA"
};

// Everything one row's match works from.
struct Context {
    ParsedAddress parsed;
    std::optional<Postcode> postcode;
    const GazPostcode* unit = nullptr;
    const GazSector* sector = nullptr;
    std::vector<std::uint32_t> localities; // resolved
    std::vector<std::string> locality_keys; // as written
    std::optional<Anchor> anchor;
    std::string note;
};

std::string describe(const GazStreet& s) {
    std::string out = s.name;
    if (!s.locality.empty()) out += ", " + s.locality;
    if (s.kind == "place" && !s.near_street.empty()) out += " (near " + s.near_street + ")";
    return out;
}

std::string street_quality(const GazStreet& s) {
    if (s.source == "police.uk") return "police.uk snap point on the street (anonymised map point)";
    if (s.source == "roads") return "point on the street centreline";
    return "Open Names road point";
}

// Streets matching any reading of a street text, scored, filtered by locality and anchor.
// `conflict` is set when streets of that name exist but none near the anchor.
std::vector<Candidate> street_candidates(const Gazetteer& g, const std::vector<StreetReading>& readings, Context& ctx,
                                         bool use_anchor, bool& conflict, bool& out_of_locality) {
    std::vector<Candidate> all;
    std::vector<NameHit> hits;
    std::vector<char> in_locality;
    bool locality_named = !ctx.localities.empty(); // given, or found in the text after a street
    for (std::size_t r = 0; r < readings.size(); ++r) {
        const StreetReading& reading = readings[r];
        g.find_streets(reading.key, hits);
        std::vector<std::uint32_t> locs = ctx.localities;
        if (!reading.locality.empty()) {
            auto extra = g.resolve_locality(reading.locality);
            locality_named |= !extra.empty();
            locs.insert(locs.end(), extra.begin(), extra.end());
        }
        const std::size_t name_len = std::max<std::size_t>(1, split_street_key(reading.key).name.size());
        for (const auto& h : hits) {
            double score = h.edits == 0 ? 1.0 : 0.95 * (1.0 - static_cast<double>(h.edits) / static_cast<double>(name_len));
            if (h.type_missing) score *= 0.9;
            if (r > 0) score *= 0.98; // a split reading assumes where the street name ends
            const GazStreet& s = g.streets()[h.street];
            all.push_back(Candidate{h.street, score, s.rep, 0, h.edits});
            in_locality.push_back(static_cast<char>(!locs.empty() && shares(s.localities, locs)));
        }
    }
    // Keep the best score per street.
    std::vector<Candidate> best;
    std::vector<char> best_in;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto it = std::find_if(best.begin(), best.end(), [&](const Candidate& c) { return c.street == all[i].street; });
        if (it == best.end()) {
            best.push_back(all[i]);
            best_in.push_back(in_locality[i]);
        } else if (all[i].score > it->score) {
            it->score = all[i].score;
            it->edits = all[i].edits;
            best_in[static_cast<std::size_t>(it - best.begin())] = in_locality[i];
        } else {
            best_in[static_cast<std::size_t>(it - best.begin())] |= in_locality[i];
        }
    }
    const bool any_in = std::find(best_in.begin(), best_in.end(), 1) != best_in.end();
    // Streets of that name outside the locality named are other streets, not this one.
    out_of_locality = locality_named && !any_in && !best.empty();
    std::vector<Candidate> kept;
    for (std::size_t i = 0; i < best.size(); ++i)
        if (!locality_named || best_in[i]) kept.push_back(best[i]);
    conflict = false;
    if (use_anchor && ctx.anchor && !kept.empty()) {
        std::vector<Candidate> near;
        for (auto c : kept) {
            c.anchor_distance = nearest_point(g.streets()[c.street], ctx.anchor->xy, c.at);
            if (c.anchor_distance <= ctx.anchor->radius) near.push_back(c);
        }
        conflict = near.empty();
        kept = std::move(near);
    } else if (!locality_named && !ctx.anchor) {
        for (auto& c : kept) c.score *= k_unconfirmed;
    }
    return kept;
}

// The candidates within k_close of the best, places closer than k_same_place_m folded into one.
std::vector<Candidate> close_candidates(const Gazetteer& g, std::vector<Candidate> cands) {
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.anchor_distance < b.anchor_distance;
    });
    std::vector<Candidate> out;
    for (const auto& c : cands) {
        if (c.score < cands.front().score - k_close) break;
        const bool same = std::any_of(out.begin(), out.end(), [&](const Candidate& o) {
            return g.streets()[o.street].key == g.streets()[c.street].key && distance(o.at, c.at) <= k_same_place_m;
        });
        if (!same) out.push_back(c);
    }
    return out;
}

MatchResult street_result(const Gazetteer& g, const Candidate& c, int candidates, const Context& ctx) {
    const GazStreet& s = g.streets()[c.street];
    MatchResult m;
    m.level = MatchLevel::street;
    m.fuzzy = c.edits > 0;
    m.xy = c.at;
    m.score = c.score;
    m.candidates = candidates;
    m.ref = fmt::format("street:{}", s.fid);
    m.matched = describe(s);
    m.quality = street_quality(s);
    m.note = ctx.note;
    return m;
}

std::string list_candidates(const Gazetteer& g, const std::vector<Candidate>& cands) {
    std::string out;
    for (std::size_t i = 0; i < cands.size() && i < 4; ++i) {
        if (!out.empty()) out += " | ";
        out += describe(g.streets()[cands[i].street]);
    }
    if (cands.size() > 4) out += fmt::format(" | {} more", cands.size() - 4);
    return out;
}

std::optional<MatchResult> match_address_point(const Gazetteer& g, Context& ctx) {
    const ParsedAddress& p = ctx.parsed;
    if (!g.has_addresses() || (p.number.empty() && p.building.empty()) || p.street.empty()) return std::nullopt;
    std::vector<NameHit> hits;
    std::vector<std::uint32_t> found;
    double score = 1.0;
    for (const auto& reading : p.street) {
        g.find_streets(reading.key, hits);
        std::vector<std::string> keys{reading.key};
        for (const auto& h : hits) keys.push_back(g.streets()[h.street].key);
        for (const auto& key : keys) {
            for (auto id : g.addresses_at(key, p.number.empty() ? p.building : p.number)) {
                const GazAddress& a = g.addresses()[id];
                if (ctx.postcode && !a.postcode.empty() && a.postcode != ctx.postcode->formatted) continue;
                if (!ctx.locality_keys.empty() && !a.locality_key.empty() &&
                    std::find(ctx.locality_keys.begin(), ctx.locality_keys.end(), a.locality_key) == ctx.locality_keys.end() &&
                    !ctx.postcode)
                    continue;
                if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
                if (key != reading.key) score = 0.95;
            }
        }
        if (!found.empty()) break;
    }
    if (found.empty()) return std::nullopt;
    if (!p.flat.empty()) {
        std::vector<std::uint32_t> flats;
        for (auto id : found)
            if (g.addresses()[id].flat == p.flat) flats.push_back(id);
        if (!flats.empty()) found = flats;
    }
    const GazAddress& first = g.addresses()[found.front()];
    for (auto id : found) {
        if (distance(g.addresses()[id].xy, first.xy) > k_address_same_m) {
            add_note(ctx.note, fmt::format("{} address points fit '{} {}'; none chosen", found.size(), p.number, p.street.front().key));
            return std::nullopt;
        }
    }
    MatchResult m;
    m.level = MatchLevel::address;
    m.xy = first.xy;
    m.score = score;
    m.candidates = 1;
    m.ref = "address:" + first.uprn;
    m.matched = fmt::format("{} {}", first.number.empty() ? first.building : first.number, first.street_key);
    m.quality = "address point";
    m.note = ctx.note;
    return m;
}

std::optional<MatchResult> match_junction(const Gazetteer& g, Context& ctx) {
    bool conflict_a = false, conflict_b = false, out_a = false, out_b = false;
    auto a = street_candidates(g, ctx.parsed.street, ctx, false, conflict_a, out_a);
    auto b = street_candidates(g, ctx.parsed.second_street, ctx, false, conflict_b, out_b);
    if (a.empty() || b.empty()) {
        add_note(ctx.note, fmt::format("junction: '{}' not in the gazetteer",
                                       a.empty() ? ctx.parsed.street.front().key : ctx.parsed.second_street.front().key));
        return std::nullopt;
    }
    struct Pair {
        Candidate a, b;
        double gap;
        XY mid;
        double score;
    };
    std::vector<Pair> pairs;
    for (const auto& ca : a)
        for (const auto& cb : b) {
            double best = std::numeric_limits<double>::max();
            XY pa{}, pb{};
            for (const auto& p : g.streets()[ca.street].points)
                for (const auto& q : g.streets()[cb.street].points)
                    if (const double d = distance(p, q); d < best) {
                        best = d;
                        pa = p;
                        pb = q;
                    }
            if (best > k_junction_max_m) continue;
            const XY mid{(pa.x + pb.x) / 2, (pa.y + pb.y) / 2};
            if (ctx.anchor && distance(mid, ctx.anchor->xy) > ctx.anchor->radius) continue;
            pairs.push_back(Pair{ca, cb, best, mid, std::min(ca.score, cb.score)});
        }
    if (pairs.empty()) {
        add_note(ctx.note, fmt::format("junction: no '{}' within {} m of a '{}'", ctx.parsed.street.front().key, k_junction_max_m,
                                       ctx.parsed.second_street.front().key));
        return std::nullopt;
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& x, const Pair& y) { return x.score != y.score ? x.score > y.score : x.gap < y.gap; });
    int distinct = 1;
    for (std::size_t i = 1; i < pairs.size(); ++i)
        if (pairs[i].score >= pairs[0].score - k_close && distance(pairs[i].mid, pairs[0].mid) > 2 * k_same_place_m) ++distinct;
    if (distinct > 1) {
        add_note(ctx.note, fmt::format("junction of '{}' and '{}' fits {} places", ctx.parsed.street.front().key,
                                       ctx.parsed.second_street.front().key, distinct));
        MatchResult m;
        m.level = MatchLevel::ambiguous;
        m.candidates = distinct;
        m.note = ctx.note;
        return m;
    }
    const Pair& p = pairs.front();
    MatchResult m;
    m.level = MatchLevel::intersection;
    m.fuzzy = p.a.edits > 0 || p.b.edits > 0;
    m.xy = p.mid;
    m.score = p.score * 0.95; // a junction is an estimate between two streets' points
    m.candidates = 1;
    m.ref = fmt::format("intersection:{}+{}", g.streets()[p.a.street].fid, g.streets()[p.b.street].fid);
    m.matched = describe(g.streets()[p.a.street]) + " / " + describe(g.streets()[p.b.street]);
    m.quality = fmt::format("junction estimate: midpoint of the streets' nearest points, {:.0f} m apart", p.gap);
    m.note = ctx.note;
    return m;
}

std::optional<MatchResult> match_street(const Gazetteer& g, Context& ctx) {
    if (ctx.parsed.street.empty()) return std::nullopt;
    bool conflict = false, out_of_locality = false;
    auto cands = street_candidates(g, ctx.parsed.street, ctx, true, conflict, out_of_locality);
    const std::string& typed = ctx.parsed.street.front().key;
    if (conflict) {
        add_note(ctx.note, fmt::format("'{}' is in the gazetteer but not within {:.0f} m of {}", typed, ctx.anchor->radius,
                                       ctx.anchor->what));
        return std::nullopt;
    }
    if (out_of_locality) {
        add_note(ctx.note, fmt::format("'{}' is in the gazetteer but not in the locality named", typed));
        return std::nullopt;
    }
    if (cands.empty()) {
        add_note(ctx.note, fmt::format("street '{}' not in the gazetteer", typed));
        return std::nullopt;
    }
    auto close = close_candidates(g, cands);
    if (close.size() == 1) return street_result(g, close.front(), 1, ctx);
    if (ctx.anchor) {
        std::sort(close.begin(), close.end(), [](const Candidate& a, const Candidate& b) { return a.anchor_distance < b.anchor_distance; });
        if (close[0].anchor_distance <= 0.5 * close[1].anchor_distance) {
            add_note(ctx.note, fmt::format("{} streets fit '{}'; took the one nearest {}", close.size(), typed, ctx.anchor->what));
            return street_result(g, close.front(), static_cast<int>(close.size()), ctx);
        }
    }
    add_note(ctx.note, fmt::format("{} streets fit '{}': {}", close.size(), typed, list_candidates(g, close)));
    MatchResult m;
    m.level = MatchLevel::ambiguous;
    m.candidates = static_cast<int>(close.size());
    m.note = ctx.note;
    return m;
}

MatchResult match_postcode(const Context& ctx, int street_candidates_count) {
    MatchResult m;
    if (ctx.unit) {
        m.level = MatchLevel::postcode;
        m.xy = ctx.unit->xy;
        m.score = ctx.postcode && ctx.postcode->corrected ? 0.95 : 1.0;
        m.ref = "postcode:" + ctx.unit->postcode;
        m.matched = ctx.unit->postcode;
        m.quality = ctx.unit->quality ? fmt::format("postcode unit centroid (quality {})", ctx.unit->quality) : "postcode unit centroid";
        m.note = ctx.note;
        if (!ctx.unit->terminated.empty()) {
            m.quality += fmt::format("; terminated {}", ctx.unit->terminated);
            add_note(m.note, fmt::format("postcode {} was terminated in {}", ctx.unit->postcode, ctx.unit->terminated));
        }
    } else {
        m.level = MatchLevel::sector;
        m.xy = ctx.sector->xy;
        m.score = ctx.postcode && ctx.postcode->corrected ? 0.95 : 1.0;
        m.ref = "sector:" + ctx.sector->sector;
        m.matched = ctx.sector->sector;
        m.quality = fmt::format("postcode sector mean of {} unit postcodes", ctx.sector->units);
        m.note = ctx.note;
        if (ctx.postcode) add_note(m.note, fmt::format("postcode {} not in the gazetteer; placed at its sector", ctx.postcode->formatted));
    }
    if (ctx.postcode && ctx.postcode->corrected) add_note(m.note, fmt::format("postcode read as {}", ctx.postcode->formatted));
    m.candidates = std::max(1, street_candidates_count);
    return m;
}

} // namespace

std::string_view to_string(MatchLevel level) {
    switch (level) {
    case MatchLevel::address: return "address";
    case MatchLevel::street: return "street";
    case MatchLevel::intersection: return "intersection";
    case MatchLevel::postcode: return "postcode";
    case MatchLevel::sector: return "sector";
    case MatchLevel::ambiguous: return "ambiguous";
    case MatchLevel::unmatched: return "unmatched";
    }
    return "unmatched";
}

std::optional<MatchLevel> parse_match_level(std::string_view text) {
    for (auto l : {MatchLevel::address, MatchLevel::street, MatchLevel::intersection, MatchLevel::postcode, MatchLevel::sector,
                   MatchLevel::ambiguous, MatchLevel::unmatched})
        if (to_string(l) == text) return l;
    return std::nullopt;
}

MatchResult Matcher::match(const MatchInput& input) const {
    Context ctx;
    ctx.parsed = parse_address(input.address);
    const bool too_long = ctx.parsed.not_an_address == "address_too_long";
    if (too_long)
        add_note(ctx.note, fmt::format("address_too_long: the address is {} bytes; over {} it is not read", input.address.size(),
                                       k_max_address_bytes));
    // The postcode column wins over a postcode inside the address text.
    if (!input.postcode.empty() && input.postcode.find_first_not_of(" \t") != std::string_view::npos) {
        ctx.postcode = parse_postcode(input.postcode);
        if (!ctx.postcode) add_note(ctx.note, fmt::format("'{}' is not a valid postcode", input.postcode));
    }
    if (!ctx.postcode) ctx.postcode = ctx.parsed.postcode;
    else if (ctx.parsed.postcode && ctx.parsed.postcode->formatted != ctx.postcode->formatted)
        add_note(ctx.note, fmt::format("address text says {}, postcode column {}; used the column", ctx.parsed.postcode->formatted,
                                       ctx.postcode->formatted));
    if (ctx.postcode) {
        ctx.unit = m_gaz.postcode(ctx.postcode->formatted);
        if (!ctx.unit) ctx.sector = m_gaz.sector(ctx.postcode->sector);
    } else if (!ctx.parsed.sector.empty()) {
        ctx.sector = m_gaz.sector(ctx.parsed.sector);
    }
    if (ctx.unit) ctx.anchor = Anchor{ctx.unit->xy, k_postcode_radius_m, "postcode " + ctx.unit->postcode};
    else if (ctx.sector) ctx.anchor = Anchor{ctx.sector->xy, k_sector_radius_m, "postcode sector " + ctx.sector->sector};

    if (!input.locality.empty()) ctx.locality_keys.push_back(locality_key(input.locality));
    for (const auto& k : ctx.parsed.localities) ctx.locality_keys.push_back(k);
    for (const auto& k : ctx.locality_keys) {
        auto ids = m_gaz.resolve_locality(k);
        if (ids.empty()) add_note(ctx.note, fmt::format("locality '{}' not in the gazetteer", k));
        ctx.localities.insert(ctx.localities.end(), ids.begin(), ids.end());
    }
    if (ctx.parsed.qualifier != Qualifier::none && ctx.parsed.qualifier != Qualifier::on_or_near)
        add_note(ctx.note, fmt::format("written as '{}' the address", to_string(ctx.parsed.qualifier)));

    const bool placeable = ctx.unit || ctx.sector;
    if (!ctx.parsed.not_an_address.empty() && !placeable) {
        MatchResult m;
        m.note = ctx.note;
        if (!too_long) add_note(m.note, fmt::format("not an address ({})", ctx.parsed.not_an_address));
        return m;
    }
    if (auto m = match_address_point(m_gaz, ctx)) return *m;
    std::optional<MatchResult> street;
    if (ctx.parsed.junction()) {
        street = match_junction(m_gaz, ctx);
        // A junction that cannot be found still names a street: try the first one alone.
        if (!street) {
            Context first = ctx;
            first.parsed.second_street.clear();
            street = match_street(m_gaz, first);
            if (street && street->placed()) add_note(street->note, "placed on the first street of the junction");
        }
    } else {
        street = match_street(m_gaz, ctx);
    }
    if (street && street->placed()) return *street;
    const int street_count = street ? street->candidates : 0;
    if (street) ctx.note = street->note;
    if (placeable) return match_postcode(ctx, street_count);
    if (street) return *street; // ambiguous, with no postcode to fall back on
    MatchResult m;
    m.note = ctx.note;
    if (ctx.postcode) add_note(m.note, fmt::format("postcode {} and its sector are not in the gazetteer", ctx.postcode->formatted));
    return m;
}

} // namespace safermap::geocode
