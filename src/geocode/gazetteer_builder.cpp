// SPDX-License-Identifier: MIT
#include "geocode/gazetteer_builder.hpp"

#include "core/error.hpp"
#include "core/rejects.hpp"
#include "core/utc_time.hpp"
#include "geocode/address_sources.hpp"
#include "geocode/gazetteer_schema.hpp"
#include "geocode/policeuk_locations.hpp"
#include "geocode/postcode_sources.hpp"
#include "geocode/street_names.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/features/ons_fields.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/project/schema_layer.hpp"
#include "io/gdal/vector_source.hpp"
#include "core/area_kind.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <unordered_map>

namespace safermap::geocode {

namespace {

namespace gs = gazetteer_schema;

// Pieces of one street closer than this are one street; police.uk snap points along one
// street are a few hundred metres apart, and towns with the same street name a few km.
constexpr double k_street_link_m = 1000;
constexpr double k_place_link_m = 100;     // one supermarket may have two snap points
constexpr double k_line_link_m = 100;      // centreline pieces of one street touch
constexpr double k_near_street_m = 250;


class GazetteerWriter {
public:
    GazetteerWriter(const std::string& path, bool created) : m_path(path), m_created(created), m_ds(io::open_or_create_gpkg(path)) {
        m_srs = io::spatial_reference(std::string(gs::k_crs));
        for (const auto& def : gs::layers()) io::ensure_schema_layer(*m_ds, def, m_srs.get(), m_path);
        if (m_ds->StartTransaction(FALSE) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot start a transaction ({})", path, io::gdal_last_error()));
    }
    ~GazetteerWriter() {
        if (m_open) {
            m_ds->RollbackTransaction();
            m_ds.reset();
            if (m_created) std::filesystem::remove(m_path);
        }
    }
    GazetteerWriter(const GazetteerWriter&) = delete;
    GazetteerWriter& operator=(const GazetteerWriter&) = delete;

    OGRLayer& layer(std::string_view name) { return *m_ds->GetLayerByName(std::string(name).c_str()); }

    // Counts a stored entry, telling `progress` every 10,000.
    void count_entry() {
        if (m_progress && ++m_entries % 10'000 == 0) m_progress(m_entries, 0);
    }
    void set_progress(ProgressFn progress) { m_progress = std::move(progress); }
    const std::string& path() const { return m_path; }

    void create(OGRLayer& l, OGRFeature& f) {
        if (l.CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write to '{}' ({})", m_path, l.GetName(), io::gdal_last_error()));
    }
    void update(OGRLayer& l, OGRFeature& f) {
        if (l.SetFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot update '{}' ({})", m_path, l.GetName(), io::gdal_last_error()));
    }
    // Deletes the features matching an OGR SQL where-clause.
    void remove_where(OGRLayer& l, const std::string& where) {
        l.SetAttributeFilter(where.c_str());
        std::vector<GIntBig> fids;
        for (auto& f : l) fids.push_back(f->GetFID());
        l.SetAttributeFilter(nullptr);
        for (auto fid : fids)
            if (l.DeleteFeature(fid) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot delete from '{}' ({})", m_path, l.GetName(), io::gdal_last_error()));
    }

    bool logged(const std::string& kind, const std::string& file, std::int64_t bytes) {
        OGRLayer& l = layer(gs::k_log);
        l.SetAttributeFilter(nullptr);
        for (auto& f : l)
            if (kind == f->GetFieldAsString("kind") && file == f->GetFieldAsString("file") && f->GetFieldAsInteger64("file_bytes") == bytes)
                return true;
        return false;
    }

    void log(const GazetteerFileResult& r, std::int64_t bytes, const std::string& rejects_file) {
        OGRLayer& l = layer(gs::k_log);
        OGRFeature f(l.GetLayerDefn());
        f.SetField("time_utc", utc_timestamp().c_str());
        f.SetField("kind", r.kind.c_str());
        f.SetField("file", r.file.c_str());
        f.SetField("file_bytes", static_cast<GIntBig>(bytes));
        f.SetField("format", r.format.c_str());
        f.SetField("rows_read", static_cast<GIntBig>(r.report.rows_read));
        f.SetField("added", static_cast<GIntBig>(r.added));
        f.SetField("updated", static_cast<GIntBig>(r.updated));
        f.SetField("rejected", static_cast<GIntBig>(r.report.rejected()));
        f.SetField("rejected_by_reason", nlohmann::json(r.report.rejected_by_reason).dump().c_str());
        f.SetField("rejects_file", r.report.rejected() > 0 ? rejects_file.c_str() : "");
        create(l, f);
    }

    void commit() {
        if (m_ds->CommitTransaction() != OGRERR_NONE)
            throw IoError(fmt::format("{}: commit failed ({})", m_path, io::gdal_last_error()));
        m_open = false;
        m_ds.reset();
    }

    const OGRSpatialReference* srs() const { return m_srs.get(); }

private:
    std::string m_path;
    bool m_created;
    GDALDatasetUniquePtr m_ds;
    std::unique_ptr<OGRSpatialReference> m_srs;
    bool m_open = true;
    ProgressFn m_progress;
    std::int64_t m_entries = 0;
};

std::unordered_map<std::string, GIntBig> fids_by(OGRLayer& l, const char* field) {
    std::unordered_map<std::string, GIntBig> out;
    l.SetAttributeFilter(nullptr);
    for (auto& f : l) out.emplace(f->GetFieldAsString(field), f->GetFID());
    return out;
}

// Upserts `key` -> a feature filled by `fill`, counting what was added or replaced.
template <class Fill>
void upsert(GazetteerWriter& w, OGRLayer& l, std::unordered_map<std::string, GIntBig>& fids, const std::string& key,
            GazetteerFileResult& result, Fill fill) {
    w.count_entry();
    auto it = fids.find(key);
    if (it != fids.end()) {
        OGRFeatureUniquePtr f(l.GetFeature(it->second));
        fill(*f);
        w.update(l, *f);
        ++result.updated;
        return;
    }
    OGRFeature f(l.GetLayerDefn());
    fill(f);
    w.create(l, f);
    fids.emplace(key, f.GetFID());
    ++result.added;
}

void set_point(OGRFeature& f, XY xy) { f.SetGeometry(std::make_unique<OGRPoint>(xy.x, xy.y).get()); }

void add_postcodes(GazetteerWriter& w, const std::string& file, GazetteerFileResult& r, Rejects& rejects) {
    OGRLayer& l = w.layer(gs::k_postcodes);
    auto fids = fids_by(l, "postcode");
    r.format = read_postcode_file(
        file,
        [&](const PostcodeRecord& p) {
            upsert(w, l, fids, p.postcode, r, [&](OGRFeature& f) {
                f.SetField("postcode", p.postcode.c_str());
                f.SetField("sector", p.sector.c_str());
                if (p.quality) f.SetField("quality", p.quality);
                else f.SetFieldNull(f.GetFieldIndex("quality"));
                f.SetField("terminated", p.terminated.c_str());
                f.SetField("district_code", p.district_code.c_str());
                f.SetField("ward_code", p.ward_code.c_str());
                f.SetField("source_file", file.c_str());
                set_point(f, XY{p.x, p.y});
            });
        },
        rejects, r.report);
}

void write_street(GazetteerWriter& w, OGRLayer& l, const StreetRecord& s, const std::string& source, const std::string& file) {
    OGRFeature f(l.GetLayerDefn());
    f.SetField("name", s.name.c_str());
    f.SetField("key", s.key.c_str());
    f.SetField("locality", s.locality.c_str());
    std::string areas;
    for (const auto& a : s.areas) areas += (areas.empty() ? "" : "|") + a;
    f.SetField("areas", areas.c_str());
    f.SetField("kind", s.kind.c_str());
    f.SetField("near_street", s.near_street.c_str());
    f.SetField("source", source.c_str());
    f.SetField("source_file", file.c_str());
    f.SetField("x", s.rep.x);
    f.SetField("y", s.rep.y);
    if (!s.lines.empty()) {
        OGRMultiLineString ml;
        for (const auto& line : s.lines) {
            OGRLineString ls;
            for (const auto& p : line) ls.addPoint(p.x, p.y);
            ml.addGeometry(&ls);
        }
        f.SetGeometry(&ml);
    } else {
        OGRMultiPoint mp;
        for (const auto& p : s.points) {
            OGRPoint pt(p.x, p.y);
            mp.addGeometry(&pt);
        }
        f.SetGeometry(&mp);
    }
    w.create(l, f);
}

PoliceUkLocations read_stored_locations(OGRLayer& l, std::unordered_map<std::string, GIntBig>& fids) {
    PoliceUkLocations out;
    l.SetAttributeFilter(nullptr);
    for (auto& f : l) {
        PoliceUkLocation loc;
        loc.location = f->GetFieldAsString("location");
        loc.key = f->GetFieldAsString("key");
        loc.kind = f->GetFieldAsString("kind");
        loc.lsoa_code = f->GetFieldAsString("lsoa_code");
        loc.lsoa_name = f->GetFieldAsString("lsoa_name");
        loc.district = f->GetFieldAsString("district");
        loc.incidents = f->GetFieldAsInteger64("incidents");
        loc.first_month = f->GetFieldAsString("first_month");
        loc.last_month = f->GetFieldAsString("last_month");
        if (const OGRGeometry* g = f->GetGeometryRef(); g && wkbFlatten(g->getGeometryType()) == wkbPoint)
            loc.xy = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        const std::string id = location_id(loc);
        fids.emplace(id, f->GetFID());
        out.emplace(id, std::move(loc));
    }
    return out;
}

// Writes the locations that are new or changed, then rebuilds every police.uk street.
void store_policeuk(GazetteerWriter& w, const PoliceUkLocations& locations, std::unordered_map<std::string, GIntBig>& fids,
                    const PoliceUkLocations& before) {
    OGRLayer& l = w.layer(gs::k_policeuk_locations);
    GazetteerFileResult counter; // per-file counts are taken while reading
    for (const auto& [id, loc] : locations) {
        auto old = before.find(id);
        if (old != before.end() && old->second.incidents == loc.incidents && old->second.first_month == loc.first_month &&
            old->second.last_month == loc.last_month)
            continue;
        upsert(w, l, fids, id, counter, [&](OGRFeature& f) {
            f.SetField("location", loc.location.c_str());
            f.SetField("key", loc.key.c_str());
            f.SetField("kind", loc.kind.c_str());
            f.SetField("lsoa_code", loc.lsoa_code.c_str());
            f.SetField("lsoa_name", loc.lsoa_name.c_str());
            f.SetField("district", loc.district.c_str());
            f.SetField("incidents", static_cast<GIntBig>(loc.incidents));
            f.SetField("first_month", loc.first_month.c_str());
            f.SetField("last_month", loc.last_month.c_str());
            set_point(f, loc.xy);
        });
    }
    std::vector<StreetPiece> streets, places;
    for (const auto& [id, loc] : locations) {
        StreetPiece p{loc.location, loc.key, loc.district, loc.kind, {loc.xy}, false, static_cast<double>(loc.incidents), loc.lsoa_name};
        (loc.kind == "place" ? places : streets).push_back(std::move(p));
    }
    auto records = group_street_pieces(std::move(streets), k_street_link_m);
    auto place_records = group_street_pieces(std::move(places), k_place_link_m);
    records.insert(records.end(), std::make_move_iterator(place_records.begin()), std::make_move_iterator(place_records.end()));
    attach_near_streets(records, k_near_street_m);
    OGRLayer& sl = w.layer(gs::k_streets);
    w.remove_where(sl, "source = 'police.uk'");
    for (const auto& r : records) write_street(w, sl, r, "police.uk", "policeuk_locations");
}

void add_streets(GazetteerWriter& w, const std::string& file, const StreetSourceOptions& options, GazetteerFileResult& r,
                 Rejects& rejects) {
    StreetSource src = read_street_source(file, options, rejects, r.report);
    r.format = src.format;
    OGRLayer& sl = w.layer(gs::k_streets);
    w.remove_where(sl, "source_file = " + io::sql_quote(file));
    const double link = src.format == "roads" ? k_line_link_m : k_street_link_m;
    for (const auto& s : group_street_pieces(std::move(src.pieces), link)) {
        write_street(w, sl, s, src.format, file);
        ++r.added;
    }
    OGRLayer& ll = w.layer(gs::k_localities);
    w.remove_where(ll, "source_file = " + io::sql_quote(file));
    for (const auto& box : src.localities) {
        OGRFeature f(ll.GetLayerDefn());
        f.SetField("name", box.name.c_str());
        f.SetField("key", locality_key(box.name).c_str());
        f.SetField("kind", box.kind.c_str());
        f.SetField("source_file", file.c_str());
        OGRLinearRing ring;
        ring.addPoint(box.min_x, box.min_y);
        ring.addPoint(box.max_x, box.min_y);
        ring.addPoint(box.max_x, box.max_y);
        ring.addPoint(box.min_x, box.max_y);
        ring.closeRings();
        OGRPolygon poly;
        poly.addRing(&ring);
        OGRMultiPolygon mp;
        mp.addGeometry(&poly);
        f.SetGeometry(&mp);
        w.create(ll, f);
    }
}

void add_addresses(GazetteerWriter& w, const std::string& file, GazetteerFileResult& r, Rejects& rejects) {
    OGRLayer& l = w.layer(gs::k_addresses);
    auto fids = fids_by(l, "uprn");
    r.format = "address_csv";
    read_address_file(
        file,
        [&](const AddressRecord& a) {
            upsert(w, l, fids, a.uprn, r, [&](OGRFeature& f) {
                f.SetField("uprn", a.uprn.c_str());
                f.SetField("flat", a.flat.c_str());
                f.SetField("number", a.number.c_str());
                f.SetField("building", a.building.c_str());
                f.SetField("street", a.street.c_str());
                f.SetField("street_key", a.street_key.c_str());
                f.SetField("locality", a.locality.c_str());
                f.SetField("postcode", a.postcode.c_str());
                f.SetField("source_file", file.c_str());
                set_point(f, a.xy);
            });
        },
        rejects, r.report);
}

// Ward files name wards WDyyNM, district files LADyyNM; anything else is a locality.
std::string locality_kind_of(const std::string& name_field) {
    std::string n = name_field;
    for (auto& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (n.size() == 6 && n.rfind("WD", 0) == 0 && n.substr(4) == "NM") return "ward";
    if (n.size() == 7 && n.rfind("LAD", 0) == 0 && n.substr(5) == "NM") return "district";
    return "locality";
}

void add_localities(GazetteerWriter& w, const std::string& file, const std::string& crs, GazetteerFileResult& r,
                    Rejects& rejects) {
    io::VectorSource src = io::open_vector(file, {"", crs, {}});
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    // Ward files also carry their district's name: prefer the ward's.
    const io::NameCodeFields fields = io::detect_name_code_fields(names, AreaKind::ward, "", "", file);
    const std::string kind = locality_kind_of(fields.name);
    const int name_index = defn.GetFieldIndex(fields.name.c_str());
    OGRSpatialReference source_srs;
    source_srs.SetFromUserInput(src.crs.c_str());
    source_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_bng(OGRCreateCoordinateTransformation(&source_srs, w.srs()));
    if (!to_bng) throw CrsError(fmt::format("{}: cannot transform from {} to British National Grid", file, src.crs));
    r.format = kind + " polygons";
    OGRLayer& l = w.layer(gs::k_localities);
    w.remove_where(l, "source_file = " + io::sql_quote(file));
    long long n = 0;
    while (auto f = io::next_feature(src, n)) {
        ++n;
        ++r.report.rows_read;
        const std::string name = io::field_text(*f, name_index);
        OGRGeometry* g = f->GetGeometryRef();
        const auto type = g ? wkbFlatten(g->getGeometryType()) : wkbUnknown;
        if (name.empty() || !g || (type != wkbPolygon && type != wkbMultiPolygon)) {
            rejects.add(r.report, RejectedRow{file, f->GetFID(), "no_name_or_polygon", "a locality needs a name and a polygon", ""});
            continue;
        }
        if (g->transform(to_bng.get()) != OGRERR_NONE) {
            rejects.add(r.report, RejectedRow{file, f->GetFID(), "outside_crs_area", fmt::format("'{}' cannot be put on British National Grid", name), ""});
            continue;
        }
        OGRFeature out(l.GetLayerDefn());
        out.SetField("name", name.c_str());
        out.SetField("key", locality_key(name).c_str());
        out.SetField("kind", kind.c_str());
        out.SetField("source_file", file.c_str());
        out.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
        w.create(l, out);
        ++r.report.kept;
        ++r.added;
    }
}

std::int64_t count_where(GDALDataset& ds, std::string_view layer, const char* where) {
    OGRLayer* l = ds.GetLayerByName(std::string(layer).c_str());
    if (!l) return 0;
    l->SetAttributeFilter(where);
    const std::int64_t n = l->GetFeatureCount();
    l->SetAttributeFilter(nullptr);
    return n;
}

std::int64_t file_size(const std::string& path) {
    std::error_code ec;
    auto n = std::filesystem::file_size(path, ec);
    if (ec) throw IoError(fmt::format("{}: cannot read ({})", path, ec.message()));
    return static_cast<std::int64_t>(n);
}

} // namespace

GazetteerCounts count_gazetteer(const std::string& path) {
    io::gdal_init();
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw IoError(fmt::format("{}: cannot open gazetteer ({})", path, io::gdal_last_error()));
    if (!ds->GetLayerByName(std::string(gs::k_postcodes).c_str()))
        throw SchemaError(fmt::format("{}: not a SaferMap gazetteer (no '{}' layer); build one with safermap gazetteer", path,
                                      gs::k_postcodes));
    GazetteerCounts c;
    c.postcodes = count_where(*ds, gs::k_postcodes, nullptr);
    c.terminated_postcodes = count_where(*ds, gs::k_postcodes, "terminated <> ''");
    c.policeuk_locations = count_where(*ds, gs::k_policeuk_locations, nullptr);
    c.streets = count_where(*ds, gs::k_streets, "kind = 'street'");
    c.places = count_where(*ds, gs::k_streets, "kind = 'place'");
    c.addresses = count_where(*ds, gs::k_addresses, nullptr);
    c.localities = count_where(*ds, gs::k_localities, nullptr);
    return c;
}

GazetteerBuildResult build_gazetteer(const std::string& path, const GazetteerInputs& in) {
    io::gdal_init();
    const bool created = !std::filesystem::exists(path);
    GazetteerBuildResult result;
    const std::string rejects_path = in.rejects_path.empty()
                                         ? (std::filesystem::path(path).parent_path() /
                                            (std::filesystem::path(path).stem().string() + ".rejects.csv")).string()
                                         : in.rejects_path;
    std::unique_ptr<io::RejectsWriter> rejects_writer;
    Rejects rejects([&](const RejectedRow& row) {
        if (!rejects_writer) rejects_writer = std::make_unique<io::RejectsWriter>(rejects_path);
        rejects_writer->write(row);
    });
    {
        GazetteerWriter w(path, created);
        w.set_progress(in.progress);
        auto each = [&](const std::vector<std::string>& files, const char* kind, auto&& add) {
            for (const auto& file : files) {
                GazetteerFileResult r;
                r.kind = kind;
                r.file = file;
                const std::int64_t bytes = file_size(file);
                if (w.logged(kind, file, bytes)) {
                    r.skipped = true;
                } else {
                    add(file, r);
                    w.log(r, bytes, rejects_path);
                }
                result.files.push_back(std::move(r));
            }
        };
        each(in.postcodes, "postcodes", [&](const std::string& f, GazetteerFileResult& r) { add_postcodes(w, f, r, rejects); });
        if (!in.policeuk.empty()) {
            OGRLayer& l = w.layer(gs::k_policeuk_locations);
            std::unordered_map<std::string, GIntBig> fids;
            PoliceUkLocations locations = read_stored_locations(l, fids);
            const PoliceUkLocations before = locations;
            bool any = false;
            each(in.policeuk, "policeuk", [&](const std::string& f, GazetteerFileResult& r) {
                r.format = "police.uk";
                const std::size_t n0 = locations.size();
                read_policeuk_locations(f, locations, rejects, r.report);
                r.added = static_cast<std::int64_t>(locations.size() - n0);
                any = true;
            });
            if (any) store_policeuk(w, locations, fids, before);
        }
        each(in.streets, "streets", [&](const std::string& f, GazetteerFileResult& r) { add_streets(w, f, in.street_options, r, rejects); });
        each(in.addresses, "addresses", [&](const std::string& f, GazetteerFileResult& r) { add_addresses(w, f, r, rejects); });
        each(in.localities, "localities",
             [&](const std::string& f, GazetteerFileResult& r) { add_localities(w, f, in.locality_crs, r, rejects); });
        if (rejects_writer) rejects_writer->close();
        w.commit();
    }
    if (rejects_writer) result.rejects_file = rejects_path;
    result.counts = count_gazetteer(path);
    return result;
}

} // namespace safermap::geocode
