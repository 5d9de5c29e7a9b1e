#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes N synthetic incidents with distinct coordinates, as a CSV of x,y in British National
Grid metres (EPSG:27700), for benchmarks on data that is not snapped: force crime systems,
geocoded council exports.

The layout: 30 Gaussian hotspots (standard deviation 50-400 m, centres at least 1 km inside
the square, each holding a random share of the hotspot incidents) plus a uniform background,
over a 20 km square centred on Ashfield (450000, 357000). Coordinates are rounded to the
centimetre; with these densities fewer than 1 in 10^4 points share a position with another.
The same seed and N give the same file.

With --months M, a month column (2025-01 onwards, uniform over M months, from its own random
stream so that the positions are the same with or without it) for emerging and accuracy.

Usage: gen_distinct.py N OUT.csv [--seed S] [--background FRACTION] [--months M]
Read it with: safermap kde --points OUT.csv --x x --y y  (CRS EPSG:27700 is the default)
"""
import argparse
import random
import sys

CENTRE_X, CENTRE_Y = 450000.0, 357000.0
HALF_SIDE_M = 10000.0
HOTSPOTS = 30
SIGMA_RANGE_M = (50.0, 400.0)


def hotspots(rng):
    """(centre x, centre y, sigma, share) for each hotspot; shares sum to 1."""
    inner = HALF_SIDE_M - 1000.0
    spots = []
    for _ in range(HOTSPOTS):
        spots.append((CENTRE_X + rng.uniform(-inner, inner), CENTRE_Y + rng.uniform(-inner, inner),
                      rng.uniform(*SIGMA_RANGE_M), rng.uniform(0.2, 1.0)))
    total = sum(s[3] for s in spots)
    return [(x, y, sigma, share / total) for x, y, sigma, share in spots]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of incidents (e.g. 10000, 100000, 1000000)")
    parser.add_argument("out", help="CSV to write (x,y)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--background", type=float, default=0.2,
                        help="share of incidents spread uniformly over the square (default 0.2)")
    parser.add_argument("--months", type=int, default=0, help="add a month column over this many months from 2025-01")
    args = parser.parse_args()
    if args.n < 1:
        sys.exit("gen_distinct.py: N must be >= 1 (got %d)" % args.n)
    if not 0.0 <= args.background <= 1.0:
        sys.exit("gen_distinct.py: --background must be in [0, 1] (got %g)" % args.background)

    rng = random.Random(args.seed)
    spots = hotspots(rng)
    cumulative = []
    running = 0.0
    for spot in spots:
        running += spot[3]
        cumulative.append(running)
    x0, x1 = CENTRE_X - HALF_SIDE_M, CENTRE_X + HALF_SIDE_M
    y0, y1 = CENTRE_Y - HALF_SIDE_M, CENTRE_Y + HALF_SIDE_M
    months = random.Random(args.seed + 1)
    rows = ["x,y,month\n" if args.months else "x,y\n"]
    for _ in range(args.n):
        if rng.random() < args.background:
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        else:
            u = rng.random() * running
            k = next(i for i, c in enumerate(cumulative) if u <= c)
            cx, cy, sigma, _ = spots[k]
            x, y = rng.gauss(cx, sigma), rng.gauss(cy, sigma)
        if args.months:
            m = months.randrange(args.months)
            rows.append("%.2f,%.2f,%04d-%02d\n" % (x, y, 2025 + m // 12, m % 12 + 1))
        else:
            rows.append("%.2f,%.2f\n" % (x, y))
    with open(args.out, "w", encoding="ascii") as f:
        f.writelines(rows)


if __name__ == "__main__":
    main()
