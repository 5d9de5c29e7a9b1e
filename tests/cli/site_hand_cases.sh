#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `safermap site` through the real binary on layouts worked by hand (tests/data/csv/siting_*):
# both solvers, a budget with costs, fixed cameras with their own headings, --out, and a
# candidate file without a column. Every number below is worked in the comments.
# Usage: site_hand_cases.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
data="$src/tests/data/csv"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
# run CODE ARGS...: runs `safermap site ARGS`, stdout in out.json, stderr in err.txt.
run() {
  local code="$1"
  shift
  "$safermap" site "$@" > out.json 2> err.txt
  local rc=$?
  [[ $rc -eq $code ]] || { fail "exit $rc (wanted $code): site $*"; sed 's/^/    /' err.txt | head -5; }
  [[ $code -ne 0 || ! -s err.txt ]] || fail "stderr not empty: site $*"
}
# check 'PYTHON EXPRESSIONS over j (the JSON), comma-separated' 'EXPECTED, as print() writes them'
check() {
  local got
  got=$(python3 -c "import json,sys; j=json.load(open('out.json')); print($1)" 2>&1)
  [[ "$got" == "$2" ]] || fail "$1: got '$got', wanted '$2'"
}
sites() { check "' '.join(s['candidate_id'] for s in j['sites'])" "$1"; }
column() { check "' '.join(f\"{s['$1']:g}\" if s['$1'] is not None else 'null' for s in j['sites'])" "$2"; }

points=(--points "$data/siting_points.csv" --x x --y y --crs EPSG:27700)
# Incidents on y = 358000 at x = 449950 (e), 450060 (a, b), 450240 (c, d), 450350 (f),
# 451000 (g, g): 8. Candidates C1 at 450150, C2 at 450000, C3 at 450300, range 100 m:
# C1 covers a b c d (4), C2 covers e a b (3), C3 covers c d f (3), nothing covers g.

# 1. Exact, 2 sites: C2 + C3 = 6 of 8 = 75%, proven; ranked by gain (3 each, ties to C2).
run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --sites 2 --solver exact --json
check "j['solver'], j['optimal']" "exact True"
sites "C2 C3"
column marginal_demand "3 3"
column cumulative_percent "37.5 75"
column heading_deg "null null"
check "j['total_demand'], j['covered_by_existing'], j['covered_demand'], j['upper_bound']" "8.0 0.0 6.0 6.0"

# 2. Greedy, 2 sites: C1 first (4 = 50%), then C2 or C3 adds 1 (tie to C2): 5 = 62.5%, not
#    optimal; bound min(4 + 3, 5 + 1) = 6.
run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --sites 2 --solver greedy --json
check "j['solver'], j['optimal']" "greedy False"
sites "C1 C2"
column marginal_demand "4 1"
column cumulative_percent "50 62.5"
check "j['upper_bound']" "6.0"

# 3. auto on a problem this small runs the exact solver and says why.
run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --sites 2 --json
check "j['solver'], j['solver_reason'].startswith('auto: exact')" "exact True"

# 4. Budget 5 with costs C1 5, C2 3, C3 3: C2 + C3 cost 6; C1 alone (4) beats C2 or C3 alone
#    (3). The greedy's ratio pick C2 (1 per unit) leaves 2, too little for more; KMN's best
#    single site C1 replaces it. Both solvers: C1, 50%, spent 5.
for solver in exact greedy; do
  run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --budget 5 --cost-field cost --solver $solver --json
  sites "C1"
  column cumulative_percent "50"
  column cost "5"
  check "j['spent'], j['budget']" "5.0 5.0"
done

# 5. Fixed cameras, fov 90, 4 headings, 100 m, weights from a column: east (1) 50 m east,
#    north (3) 50 m north, west (4) 50 m west of both candidates. F1 has its own heading 90:
#    east only (1). F2 tries 0/90/180/270: best 270 (west, 4). Two sites: F2@270 + F1@90 =
#    5 of 8 (62.5%); were F1's heading ignored, F1@270 + F2@0 would give 7.
for solver in exact greedy; do
  run 0 --points "$data/siting_fixed_points.csv" --x x --y y --crs EPSG:27700 --weight-column weight \
    --candidates "$data/siting_fixed_candidates.csv" --coverage fixed --fov 90 --headings 4 --range 100 --sites 2 --solver $solver --json
  sites "F2 F1"
  column heading_deg "270 90"
  column marginal_demand "4 1"
  column cumulative_percent "50 62.5"
  check "j['optimal'], j['weights']" "True weight"
done

# 6. --out: a CSV with its sidecar, then a .gpkg layer named by --layer.
run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --sites 2 --solver exact --out sites.csv
[[ "$(sed -n 2p sites.csv)" == "1,C2,450000,358000,,3,3,37.5,3" ]] || fail "sites.csv row 1: $(sed -n 2p sites.csv)"
[[ -s sites.csv.json ]] || fail "no sites.csv.json"
run 0 "${points[@]}" --candidates "$data/siting_candidates.csv" --range 100 --sites 2 --solver exact --out sites.gpkg --layer plan --json
check "j['out']" "['sites.gpkg (layer plan)']"
command -v ogrinfo > /dev/null && { ogrinfo -ro -so sites.gpkg plan | grep -q "Feature Count: 2" || fail "sites.gpkg layer plan lacks 2 features"; }

# 7. Errors name the file: a candidate file without a y column; no candidates at all.
run 1 "${points[@]}" --candidates "$data/siting_no_y.csv" --range 100 --sites 2
grep -qF "siting_no_y.csv: no column 'y'" err.txt || fail "missing column message: $(cat err.txt)"
run 1 "${points[@]}" --range 100 --sites 2
grep -qF -- "--candidates FILE" err.txt || fail "no-candidates message: $(cat err.txt)"
run 1 "${points[@]}" --candidates "$data/siting_candidates.csv" --sites 2 --budget 5
grep -qF "not both" err.txt || fail "sites and budget message: $(cat err.txt)"

[[ $failures -eq 0 ]] && echo "all site cases passed"
exit $((failures > 0))
