#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Derive SaferMap's bundled ONS Crime Severity Score harm table from its source files.

Reads   assets/harm/ons-css/source/ons_css_weights_policeuk_categories.csv  (ONS CSS weights per
        Home Office offence code, joined to police.uk categories)
        assets/harm/ons-css/source/home_office_prc_subgroup_counts_2024_25.csv (national volumes
        per Home Office offence subgroup, with the police.uk category of each)
Writes  assets/harm/ons-css/offences.csv             one row per Home Office offence code, with its
                                                     subgroup and the rule that assigned it
        assets/harm/ons-css/policeuk_categories.csv  one weight per police.uk crime type

Method (assets/harm/ons-css/README.md says why): each offence code is assigned to one Home
Office subgroup by the rules below; a subgroup is represented by the median weight of its
distinct offence codes; a police.uk category's weight is the mean of its subgroups'
representative weights, weighted by the subgroups' national volumes. For comparison the table
also gives the weight had each subgroup's volume been split equally among its codes (the mean).

Usage:  derive_harm_weights.py          rewrite the two derived files
        derive_harm_weights.py --check  exit 1 if the committed files differ from a fresh derivation
Python 3 standard library only (Debian 12's /usr/bin/python3).
"""

import argparse
import csv
import io
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSET = ROOT / "assets" / "harm" / "ons-css"
WEIGHTS_CSV = ASSET / "source" / "ons_css_weights_policeuk_categories.csv"
VOLUMES_CSV = ASSET / "source" / "home_office_prc_subgroup_counts_2024_25.csv"
OFFENCES_OUT = ASSET / "offences.csv"
CATEGORIES_OUT = ASSET / "policeuk_categories.csv"
VOLUME_COLUMN = "national_count_2024_25"

# Violence against the person: which Home Office subgroup each offence code is counted in (ONS,
# "Crime in England and Wales" user guide, offence classification; where the join file's
# POLICE_UK_CAT_MAP_sub_class names a subgroup it must agree, and is checked below).
VIOLENCE_CODES = {
    "Homicide": {"1", "4.1", "4.2", "4.10"},
    "Death or serious injury - unlawful driving": {"4.4", "4.6", "4.8", "4.9", "37.1"},
    "Violence with injury": {"2", "4.3", "4.7", "5D", "5E", "8N", "8P", "8S"},
    "Violence without injury": {"3A", "3B", "11A", "13", "14", "36", "104", "105A", "105B", "106"},
    "Stalking and harassment": {"8L", "8M", "8Q", "8R"},
}

# The join file's sub_class wording -> Home Office subgroup name, for the cross-check.
SUB_CLASS_NAMES = {
    "rape": "Rape offences",
    "burglary residential": "Residential burglary",
    "burglary business and community": "Non-residential burglary",
    "death or serious injury caused by illegal driving": "Death or serious injury - unlawful driving",
    "other theft": "Other theft offences",
}


class DerivationError(Exception):
    pass


def clean(text):
    """Trim and collapse runs of whitespace (some source names carry trailing spaces)."""
    return re.sub(r"\s+", " ", text or "").strip()


def fold(text):
    return clean(text).casefold()


def code_number(code):
    m = re.match(r"\d+", code)
    return int(m.group()) if m else None


def read_volumes():
    with open(VOLUMES_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    volumes, category_of, subgroups_of = {}, {}, defaultdict(list)
    for r in rows:
        sub, cat = clean(r["prc_subgroup"]), clean(r["policeuk_category"])
        if sub in volumes:
            raise DerivationError(f"{VOLUMES_CSV.name}: subgroup '{sub}' listed twice")
        volumes[sub] = int(r[VOLUME_COLUMN])
        category_of[sub] = cat
        subgroups_of[cat].append(sub)
    return volumes, category_of, subgroups_of


def subgroup_for(row, code, category, subgroups):
    """(subgroup, rule) for one offence code of a police.uk category."""
    if len(subgroups) == 1:
        return subgroups[0], "the category's only subgroup"
    ons_group = fold(row["ONS_COUNTS_category"])
    number = code_number(code)
    if category == "Criminal damage and arson":
        return ("Arson", "code 56*") if number == 56 else ("Criminal damage", "code 58*")
    if category == "Burglary":
        if number in (28, 29):
            return "Residential burglary", "code 28*/29* (dwelling, residential)"
        if number in (30, 31):
            return "Non-residential burglary", "code 30*/31* (other building, business and community)"
    if category == "Drugs":
        if "possession" in fold(row["ONS_COUNTS_description"]):
            return "Possession of drugs", "description names possession"
        return "Trafficking of drugs", "not possession: trafficking (other drug offences are counted with it)"
    if category == "Robbery":
        for word, sub in (("business", "Robbery of business property"), ("personal", "Robbery of personal property")):
            if word in fold(row["ONS_COUNTS_description"]):
                return sub, f"description names {word} property"
    if category == "Violence and sexual offences":
        if ons_group == "sexual offences":
            return ("Rape offences", "code 19*") if number == 19 else ("Other sexual offences", "sexual offence, not 19*")
        if ons_group == "violence against the person":
            for sub, codes in VIOLENCE_CODES.items():
                if code in codes:
                    return sub, "violence code list"
    raise DerivationError(f"{WEIGHTS_CSV.name}: no rule assigns code '{code}' ({category}) to a subgroup")


def read_offences(category_of, subgroups_of):
    categories = {fold(c): c for c in subgroups_of}
    with open(WEIGHTS_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    offences, duplicates = {}, 0
    for line, row in enumerate(rows, start=2):
        join_category = fold(row["POLICE_UK_CAT_MAP_category"])
        if join_category not in categories:
            raise DerivationError(f"{WEIGHTS_CSV.name}: row {line}: police.uk category '{row['POLICE_UK_CAT_MAP_category']}' "
                                  "is not one of the volume file's categories")
        category = categories[join_category]
        weight_text = clean(row["ONS_SEVERITY_weight"])
        weight = float(weight_text)
        if not weight > 0:
            raise DerivationError(f"{WEIGHTS_CSV.name}: row {line}: weight '{weight_text}' is not > 0")
        # "1/4.1/4.10/4.2" is the four homicide codes in one row: split it.
        for code in clean(row["ONS_COUNTS_code"]).split("/"):
            sub, rule = subgroup_for(row, code, category, subgroups_of[category])
            assert category_of[sub] == category
            sub_class = fold(row["POLICE_UK_CAT_MAP_sub_class"])
            if sub_class:
                named = SUB_CLASS_NAMES.get(sub_class, clean(row["POLICE_UK_CAT_MAP_sub_class"]))
                if fold(named) != fold(sub):
                    raise DerivationError(f"{WEIGHTS_CSV.name}: row {line}: code {code}: rule gives '{sub}' but the join's "
                                          f"sub_class says '{row['POLICE_UK_CAT_MAP_sub_class'].strip()}'")
                rule += "; agrees with the join's sub_class"
            entry = {
                "home_office_code": code,
                "offence": clean(row["ONS_COUNTS_description"]),
                "css_offence": clean(row["ONS_SEVERITY_offence"]),
                "weight_text": weight_text,
                "weight": weight,
                "policeuk_category": category,
                "prc_subgroup": sub,
                "subgroup_rule": rule,
            }
            if code in offences:
                if offences[code]["weight"] != weight or offences[code]["prc_subgroup"] != sub:
                    raise DerivationError(f"{WEIGHTS_CSV.name}: row {line}: code {code} listed twice with a different weight or subgroup")
                duplicates += 1
                continue
            offences[code] = entry
    for sub in category_of:
        if not any(o["prc_subgroup"] == sub for o in offences.values()):
            raise DerivationError(f"subgroup '{sub}' has no offence code")
    return offences, duplicates


def code_key(code):
    """Sort codes as the Home Office lists them: 4.2 < 4.10, 8N < 8P, 28 < 105A."""
    parts = re.findall(r"\d+|\D+", code)
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts]


def fmt(x):
    return f"{x:.2f}"


def derive():
    volumes, category_of, subgroups_of = read_volumes()
    offences, duplicates = read_offences(category_of, subgroups_of)
    by_subgroup = defaultdict(list)
    for o in offences.values():
        by_subgroup[o["prc_subgroup"]].append(o["weight"])

    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["home_office_code", "offence", "weight", "policeuk_category", "prc_subgroup", "css_offence", "subgroup_rule"])
    for o in sorted(offences.values(), key=lambda o: (o["policeuk_category"], o["prc_subgroup"], code_key(o["home_office_code"]))):
        w.writerow([o["home_office_code"], o["offence"], o["weight_text"], o["policeuk_category"], o["prc_subgroup"],
                    o["css_offence"], o["subgroup_rule"]])
    offences_csv = out.getvalue()

    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["category", "weight", "offences", "subgroups", VOLUME_COLUMN, "min_offence_weight", "max_offence_weight",
                "weight_if_equal_split"])
    for category in sorted(subgroups_of):
        subs = subgroups_of[category]
        total = sum(volumes[s] for s in subs)
        median_weighted = sum(volumes[s] * statistics.median(by_subgroup[s]) for s in subs) / total
        mean_weighted = sum(volumes[s] * statistics.mean(by_subgroup[s]) for s in subs) / total
        weights = [x for s in subs for x in by_subgroup[s]]
        w.writerow([category, fmt(median_weighted), len(weights), len(subs), total, fmt(min(weights)), fmt(max(weights)),
                    fmt(mean_weighted)])
    return {OFFENCES_OUT: offences_csv, CATEGORIES_OUT: out.getvalue()}, len(offences), duplicates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing them")
    args = parser.parse_args()
    try:
        files, n, duplicates = derive()
    except (DerivationError, OSError, KeyError, ValueError) as e:
        print(f"derive_harm_weights: {e}", file=sys.stderr)
        return 2
    if args.check:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"derive_harm_weights: {p.relative_to(ROOT)} differs from a fresh derivation; "
                  "run scripts/derive_harm_weights.py and review the change", file=sys.stderr)
        return 1 if stale else 0
    for p, text in files.items():
        p.write_text(text, encoding="utf-8", newline="")
    print(f"derive_harm_weights: {n} offence codes ({duplicates} duplicate rows merged), "
          f"{len(files[CATEGORIES_OUT].splitlines()) - 1} police.uk categories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
