#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rebuilds the bundled Ashfield demo data (shapefiles/ and assets/demo/) from the open data in
# ../shared/data. Run by a maintainer once; the build, the demo and the tests read only the
# copies committed in the project. Needs gdal-bin (ogr2ogr with SpatiaLite SQL) and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$here/../shared/data}"
ons="$data/ons-boundaries-notts"
out="$here/shapefiles"
mkdir -p "$out" "$here/assets/demo/policeuk"

# Wards: ESRI shapefile in British National Grid, as councils usually hold them.
rm -f "$out"/ashfield_wards_dec2020.*
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:27700 -lco ENCODING=UTF-8 "$out/ashfield_wards_dec2020.shp" \
  "$ons/notts_wards_dec2020_bgc.geojson" -where "LAD20NM = 'Ashfield'" -nln ashfield_wards_dec2020

# LSOAs 2021: GeoPackage in WGS84 (the importer reprojects).
rm -f "$out/ashfield_lsoa_dec2021.gpkg"
ogr2ogr -f GPKG "$out/ashfield_lsoa_dec2021.gpkg" "$ons/ashfield_lsoa_dec2021_bgc.geojson" -nln ashfield_lsoa_dec2021

# District outline (the study area): GeoJSON in WGS84.
rm -f "$out/ashfield_district_2020.geojson"
ogr2ogr -f GeoJSON "$out/ashfield_district_2020.geojson" "$ons/notts_lad_may2020_bgc.geojson" \
  -where "lad20nm = 'Ashfield'" -nln ashfield_district_2020

# Priority areas, each the union of named 2021 LSOAs (see shapefiles/PRIORITY_AREAS.md).
rm -f "$out/ashfield_priority_areas.geojson"
lsoa="ashfield_lsoa21_bgc"
ogr2ogr -f GeoJSON "$out/ashfield_priority_areas.geojson" "$ons/ashfield_lsoa_dec2021_bgc.geojson" -dialect sqlite \
  -nln ashfield_priority_areas -sql "
SELECT 'PA1' AS code, 'New Cross' AS name, 'LSOA E01027967 (Ashfield 004A)' AS drawn_from,
       ST_Union(geometry) AS geometry FROM $lsoa WHERE LSOA21CD = 'E01027967'
UNION ALL
SELECT 'PA2', 'Broomhill and Butlers Hill', 'LSOAs E01027930 (Ashfield 016B), E01033782 (Ashfield 013I)',
       ST_Union(geometry) FROM $lsoa WHERE LSOA21CD IN ('E01027930', 'E01033782')
UNION ALL
SELECT 'PA3', 'Leamington Estate', 'LSOA E01027974 (Ashfield 005D)',
       ST_Union(geometry) FROM $lsoa WHERE LSOA21CD = 'E01027974'
UNION ALL
SELECT 'PA4', 'Stanton Hill', 'LSOAs E01027980 (Ashfield 001B), E01027983 (Ashfield 001D)',
       ST_Union(geometry) FROM $lsoa WHERE LSOA21CD IN ('E01027980', 'E01027983')
UNION ALL
SELECT 'PA5', 'Coxmoor and Southwell Lane (parts)',
       'LSOA E01027956 (Ashfield 008C, Southwell Lane) plus the part of E01027973 (Ashfield 007E) within 600 m of the police.uk snap point On or near Coxmoor Road (-1.219904, 53.110600)',
       ST_Transform(ST_Union(
         (SELECT ST_Transform(SetSRID(geometry, 4326), 27700) FROM $lsoa WHERE LSOA21CD = 'E01027956'),
         ST_Intersection(
           (SELECT ST_Transform(SetSRID(geometry, 4326), 27700) FROM $lsoa WHERE LSOA21CD = 'E01027973'),
           ST_Buffer(ST_Transform(SetSRID(MakePoint(-1.219904, 53.110600), 4326), 27700), 600))),
       4326)"

# police.uk 2025, clipped to Ashfield: the rows whose LSOA is an Ashfield LSOA (all 12,622;
# see ../shared/data/policeuk-notts-2025/PROVENANCE.md), unchanged, with the header.
for f in "$data"/policeuk-notts-2025/2025-*-nottinghamshire-street.csv.gz; do
  month="$(basename "$f" | cut -c1-7)"
  zcat "$f" | awk -F, 'NR == 1 || $9 ~ /^Ashfield /' \
    | gzip -9n > "$here/assets/demo/policeuk/$month-ashfield-street.csv.gz"
done

/usr/bin/python3 "$here/scripts/demo/make_illustrative.py" "$here"
