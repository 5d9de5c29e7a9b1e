#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #12's printed maps through the real binary on the demo project:
#  - page sizes (A4 landscape 842 x 595 pt, A3 portrait 842 x 1191 pt; PNG at 150 dpi 1754 x 1240);
#  - vector output: pdfimages lists only the KDE surface (and its alpha mask), nothing else;
#  - the text layer (pdftotext) holds the title, subtitle, legend entries, method line,
#    attribution and marking; --marking replaces the marking; --scale fixes the scale;
#  - public mode: no marking; incident points, fine surfaces and cluster outlines refused (exit 1,
#    naming public mode); the PDF's and SVG's text hold no police.uk location string, street of
#    one, or coordinate; the public SVG holds no point symbol, while an internal one with the
#    incidents layer does (so that check can fail);
#  - a failed run leaves an earlier map byte for byte, and a project is never overwritten;
#  - the meeting map, rasterised by pdftoppm, and the public SVG, drawn by librsvg, against
#    golden images at a tolerance.
# Usage: print_maps.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR IMAGE_COMPARE
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
compare="$4"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
bash "$src/scripts/demo/import-ashfield.sh" "$safermap" "$PWD/ashfield.gpkg" > /dev/null 2>&1 || { echo "demo import failed"; exit 1; }

pdf_text() { pdftotext -layout "$1" - 2>/dev/null; }

# ---- the internal meeting map -------------------------------------------------------------
expect 0 "$safermap" map ashfield.gpkg --out meeting.pdf --analysis density --title "Ashfield: where crime concentrates" --json
contains out.txt '"page_width_pt": 842.0'
pdfinfo meeting.pdf > info.txt
contains info.txt "Pages:           1"
contains info.txt "Page size:       842 x 595 pts (A4)"
pdf_text meeting.pdf > text.txt
for want in "Ashfield: where crime concentrates" "All crime, January to December 2025" "Legend" "Priority area" \
            "Ward boundary" "Incidents per km² (KDE)" "CCTV coverage (ILLUSTRATIVE)" \
            "Quartic KDE, 250 m radius, 25 m cells, Jan-Dec 2025" "data.police.uk, Open Government Licence v3.0" \
            "Office for National Statistics" "OFFICIAL-SENSITIVE" "Scale 1:"; do
  contains text.txt "$want"
done
# Vector: the only raster is the KDE surface (an image and its soft mask).
images=$(pdfimages -list meeting.pdf | tail -n +3 | awk '{print $3}' | sort | tr '\n' ' ')
[[ "$images" == "image smask " ]] || fail "pdfimages lists '$images', wanted only the surface: 'image smask '"
# Golden image (made from this map and looked at; regression at a tolerance: tests/golden/README.md).
pdftoppm -r 60 -png -singlefile meeting.pdf meeting
if [[ "${SAFERMAP_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp meeting.png "$src/tests/golden/map_ashfield_kde.png"
else
  "$compare" "$src/tests/golden/map_ashfield_kde.png" meeting.png 24 0.01 || fail "meeting map differs from tests/golden/map_ashfield_kde.png"
fi

# ---- paper, scale, marking, PNG ----------------------------------------------------------
expect 0 "$safermap" map ashfield.gpkg --out a3.pdf --paper A3 --orientation portrait --scale 1:50000 --marking "OFFICIAL" --json
contains out.txt '"scale": "1:50000"'
pdfinfo a3.pdf > info.txt
contains info.txt "Page size:       842 x 1191 pts (A3)"
pdf_text a3.pdf > text.txt
contains text.txt "Scale 1:50,000 at A3"
contains text.txt "OFFICIAL"
grep -q "OFFICIAL-SENSITIVE" text.txt && fail "--marking OFFICIAL still printed OFFICIAL-SENSITIVE"
expect 0 "$safermap" map ashfield.gpkg --out map.png --dpi 150
python3 - <<'PY' || fail "map.png is not 1754 x 1240"
import struct
with open("map.png", "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", head[16:24])
assert (w, h) == (1754, 1240), (w, h)
PY

# ---- public mode -------------------------------------------------------------------------
expect 1 "$safermap" map ashfield.gpkg --out p.pdf --public --layers ward,incidents
contains err.txt "public mode never shows incident points"
expect 1 "$safermap" map ashfield.gpkg --out p.pdf --public --analysis density --bandwidth 249
contains err.txt "public mode needs a KDE bandwidth of at least 250 m"
expect 1 "$safermap" map ashfield.gpkg --out p.pdf --public --analysis clusters
contains err.txt "public mode"
[[ -e p.pdf ]] && fail "a refused public map left p.pdf"
expect 0 "$safermap" map ashfield.gpkg --out public.pdf --public --analysis density --layers district,ward,priority,labels,places,ward_counts,density
expect 0 "$safermap" map ashfield.gpkg --out public.svg --public --analysis density --layers district,ward,priority,labels,places,ward_counts,density
pdf_text public.pdf > public.txt
grep -q "OFFICIAL" public.txt && fail "a public map carries an internal marking"
contains public.txt "Public map: no incident locations"
grep -o '<text[^>]*>[^<]*</text>' public.svg | sed 's/<[^>]*>//g' > public_svg.txt
[[ -s public_svg.txt ]] || fail "the public SVG has no <text> elements (text must be real text)"
contains public_svg.txt "Ashfield CSP demo"
grep -q "<circle" public.svg && fail "the public SVG holds point symbols"
# The SVG drawn by another renderer (librsvg) against its golden image: the same map as the PDF.
rsvg-convert -w 700 public.svg -o public_svg.png || fail "rsvg-convert cannot draw public.svg"
if [[ "${SAFERMAP_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp public_svg.png "$src/tests/golden/map_ashfield_public_svg.png"
else
  "$compare" "$src/tests/golden/map_ashfield_public_svg.png" public_svg.png 24 0.01 || fail "public SVG differs from tests/golden/map_ashfield_public_svg.png"
fi
# What the project knows and a public output must not show: every police.uk location string,
# the street named in it, and coordinates (six-digit grid references, six-decimal degrees).
zcat "$src"/assets/demo/policeuk/*.csv.gz | python3 -c '
import csv, sys
names = set()
for row in csv.DictReader(sys.stdin):
    loc = row["Location"]
    if loc.startswith("On or near "):
        names.add(loc)
        street = loc[len("On or near "):]
        if street.split()[-1] in ("Road", "Street", "Avenue", "Close", "Crescent", "Lane", "Drive", "Way", "Grove", "Gardens"):
            names.add(street)
# Streets that name a priority area ("Coxmoor and Southwell Lane") are the partnership'"'"'s public names.
import json
areas = [f["properties"]["name"] for f in json.load(open(sys.argv[1]))["features"]]
print("\n".join(sorted(n for n in names if n and not any(n in a for a in areas))))' "$src/shapefiles/ashfield_priority_areas.geojson" > locations.txt
[[ $(wc -l < locations.txt) -gt 100 ]] || fail "too few location strings to search for"
for f in public.txt public_svg.txt; do
  hits=$(grep -F -x -f locations.txt "$f"; grep -oF -f locations.txt "$f" | head -3)
  [[ -z "$hits" ]] || fail "$f holds location text: $(echo "$hits" | head -3 | tr '\n' ';')"
  grep -qE '(^|[^0-9,.])[0-9]{6}([^0-9]|$)|-?[0-9]\.[0-9]{6}' "$f" && fail "$f holds something like a coordinate: $(grep -oE '[0-9]{6}|-?[0-9]\.[0-9]{6}' "$f" | head -3)"
done
# The check above can fail: an internal SVG with incident points holds circles.
expect 0 "$safermap" map ashfield.gpkg --out internal.svg --layers ward,incidents --view "New Cross"
grep -q '<circle class="incident"' internal.svg || fail "the internal SVG with the incidents layer has no point symbols"

# ---- never half-write, never overwrite a project -----------------------------------------
cp meeting.pdf before.pdf
expect 1 "$safermap" map ashfield.gpkg --out meeting.pdf --category burgalry
contains err.txt "did you mean 'Burglary'"
cmp -s meeting.pdf before.pdf || fail "a failed run changed meeting.pdf"
expect 1 "$safermap" map ashfield.gpkg --out ashfield.gpkg
cp ashfield.gpkg project.pdf.gpkg
expect 1 "$safermap" map ashfield.gpkg --out notes.txt
contains err.txt ".pdf, .svg or .png"
ls ./*.tmp* 2>/dev/null && fail "temporary files left behind"
finish
