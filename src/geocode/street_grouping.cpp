// SPDX-License-Identifier: MIT
#include "geocode/street_grouping.hpp"

#include "geocode/street_names.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace safermap::geocode {

namespace {

struct Box {
    double min_x, min_y, max_x, max_y;
};

Box box_of(const std::vector<XY>& pts) {
    Box b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
          -std::numeric_limits<double>::max()};
    for (const auto& p : pts) {
        b.min_x = std::min(b.min_x, p.x);
        b.min_y = std::min(b.min_y, p.y);
        b.max_x = std::max(b.max_x, p.x);
        b.max_y = std::max(b.max_y, p.y);
    }
    return b;
}

bool boxes_within(const Box& a, const Box& b, double d) {
    return a.min_x - d <= b.max_x && b.min_x - d <= a.max_x && a.min_y - d <= b.max_y && b.min_y - d <= a.max_y;
}

bool pieces_within(const StreetPiece& a, const StreetPiece& b, double d) {
    const double d2 = d * d;
    for (const auto& p : a.points)
        for (const auto& q : b.points)
            if ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= d2) return true;
    return false;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

StreetRecord make_record(std::vector<StreetPiece>& pieces, const std::vector<std::size_t>& members) {
    StreetRecord r;
    const StreetPiece& first = pieces[members.front()];
    r.name = first.name;
    r.key = first.key;
    r.locality = first.locality;
    r.kind = first.kind;
    double sx = 0, sy = 0, sw = 0;
    for (std::size_t m : members) {
        StreetPiece& p = pieces[m];
        for (const auto& q : p.points) {
            sx += q.x * p.weight;
            sy += q.y * p.weight;
            sw += p.weight;
        }
        r.points.insert(r.points.end(), p.points.begin(), p.points.end());
        if (!p.area.empty() && std::find(r.areas.begin(), r.areas.end(), p.area) == r.areas.end()) r.areas.push_back(p.area);
        if (p.is_line) r.lines.push_back(std::move(p.points));
    }
    // The point of the street nearest its (weighted) middle, so that it lies on the street.
    const XY mid{sx / sw, sy / sw};
    double best = std::numeric_limits<double>::max();
    for (const auto& q : r.points) {
        const double d = (q.x - mid.x) * (q.x - mid.x) + (q.y - mid.y) * (q.y - mid.y);
        if (d < best) {
            best = d;
            r.rep = q;
        }
    }
    return r;
}

} // namespace

std::vector<StreetRecord> group_street_pieces(std::vector<StreetPiece> pieces, double link_m) {
    // Group by name and locality first.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < pieces.size(); ++i)
        if (!pieces[i].points.empty()) groups[{pieces[i].key, locality_key(pieces[i].locality)}].push_back(i);

    std::vector<StreetRecord> out;
    std::vector<std::size_t> parent(pieces.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    for (auto& [group_key, members] : groups) {
        std::vector<Box> boxes;
        boxes.reserve(members.size());
        for (std::size_t m : members) boxes.push_back(box_of(pieces[m].points));
        for (std::size_t a = 0; a < members.size(); ++a)
            for (std::size_t b = a + 1; b < members.size(); ++b) {
                if (!boxes_within(boxes[a], boxes[b], link_m)) continue;
                const std::size_t ra = find_root(parent, members[a]), rb = find_root(parent, members[b]);
                if (ra != rb && pieces_within(pieces[members[a]], pieces[members[b]], link_m)) parent[std::max(ra, rb)] = std::min(ra, rb);
            }
        std::map<std::size_t, std::vector<std::size_t>> components;
        for (std::size_t m : members) components[find_root(parent, m)].push_back(m);
        for (auto& [root, component] : components) out.push_back(make_record(pieces, component));
    }
    return out;
}

void attach_near_streets(std::vector<StreetRecord>& records, double max_m) {
    // A grid of max_m cells over street points: a place's nearest street is in its 3x3 cells.
    std::unordered_map<long long, std::vector<std::pair<std::size_t, XY>>> grid;
    auto cell = [max_m](double x, double y) {
        const auto cx = static_cast<long long>(std::floor(x / max_m)), cy = static_cast<long long>(std::floor(y / max_m));
        return cx * 4000003LL + cy;
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].kind != "street") continue;
        for (const auto& p : records[i].points) grid[cell(p.x, p.y)].push_back({i, p});
    }
    for (auto& r : records) {
        if (r.kind != "place") continue;
        double best = max_m * max_m;
        const std::string* name = nullptr;
        const auto cx = static_cast<long long>(std::floor(r.rep.x / max_m)), cy = static_cast<long long>(std::floor(r.rep.y / max_m));
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                auto it = grid.find((cx + dx) * 4000003LL + (cy + dy));
                if (it == grid.end()) continue;
                for (const auto& [i, p] : it->second) {
                    const double d = (p.x - r.rep.x) * (p.x - r.rep.x) + (p.y - r.rep.y) * (p.y - r.rep.y);
                    if (d <= best) {
                        best = d;
                        name = &records[i].name;
                    }
                }
            }
        if (name) r.near_street = *name;
    }
}

} // namespace safermap::geocode
