#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference British National Grid coordinates for known WGS84 points in Ashfield.

Worked independently of PROJ, from Ordnance Survey's published method ("A guide to coordinate
systems in Great Britain", OS, v3.6, sections 6 and 8 and annex C): ETRS89/WGS84 geodetic ->
cartesian (GRS80) -> the OS 7-parameter Helmert transformation to OSGB36 (Airy 1830) ->
geodetic -> Transverse Mercator with the National Grid constants. OS quotes this Helmert
transformation as good to about 5 m in Great Britain, which is the test tolerance.
Writes tests/data/expected/bng_reference.csv.
"""
import math
import sys

GRS80 = (6378137.000, 6356752.3141)
AIRY = (6377563.396, 6356256.909)
# ETRS89 -> OSGB36 (OS guide, table 6).
TX, TY, TZ = -446.448, 125.157, -542.060
S_PPM = 20.4894
RX, RY, RZ = (math.radians(v / 3600) for v in (-0.1502, -0.2470, -0.8421))
# National Grid projection constants (OS guide, table A.1).
F0, LAT0, LON0, E0, N0 = 0.9996012717, math.radians(49), math.radians(-2), 400000.0, -100000.0


def to_cartesian(lat, lon, ellipsoid, h=0.0):
    a, b = ellipsoid
    e2 = (a * a - b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return ((nu + h) * math.cos(lat) * math.cos(lon), (nu + h) * math.cos(lat) * math.sin(lon),
            ((1 - e2) * nu + h) * math.sin(lat))


def helmert(x, y, z):
    s = S_PPM * 1e-6
    return (TX + (1 + s) * x - RZ * y + RY * z,
            TY + RZ * x + (1 + s) * y - RX * z,
            TZ - RY * x + RX * y + (1 + s) * z)


def to_geodetic(x, y, z, ellipsoid):
    a, b = ellipsoid
    e2 = (a * a - b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(20):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return lat, math.atan2(y, x)


def national_grid(lat, lon):
    a, b = AIRY
    e2 = (a * a - b * b) / (a * a)
    n = (a - b) / (a + b)
    nu = a * F0 / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    rho = a * F0 * (1 - e2) / (1 - e2 * math.sin(lat) ** 2) ** 1.5
    eta2 = nu / rho - 1
    dl, sl = lat - LAT0, lat + LAT0
    m = b * F0 * ((1 + n + 5 / 4 * n ** 2 + 5 / 4 * n ** 3) * dl
                  - (3 * n + 3 * n ** 2 + 21 / 8 * n ** 3) * math.sin(dl) * math.cos(sl)
                  + (15 / 8 * n ** 2 + 15 / 8 * n ** 3) * math.sin(2 * dl) * math.cos(2 * sl)
                  - 35 / 24 * n ** 3 * math.sin(3 * dl) * math.cos(3 * sl))
    s, c, t = math.sin(lat), math.cos(lat), math.tan(lat)
    i = m + N0
    ii = nu / 2 * s * c
    iii = nu / 24 * s * c ** 3 * (5 - t ** 2 + 9 * eta2)
    iiia = nu / 720 * s * c ** 5 * (61 - 58 * t ** 2 + t ** 4)
    iv = nu * c
    v = nu / 6 * c ** 3 * (nu / rho - t ** 2)
    vi = nu / 120 * c ** 5 * (5 - 18 * t ** 2 + t ** 4 + 14 * eta2 - 58 * t ** 2 * eta2)
    d = lon - LON0
    return E0 + iv * d + v * d ** 3 + vi * d ** 5, i + ii * d ** 2 + iii * d ** 4 + iiia * d ** 6


POINTS = [  # name, lon, lat (WGS84)
    ("Sutton-in-Ashfield Portland Square", -1.2614, 53.1256),
    ("Kirkby-in-Ashfield Station Street", -1.2450, 53.0990),
    ("Hucknall High Street", -1.2040, 53.0380),
]

out = open(sys.argv[1] if len(sys.argv) > 1 else "tests/data/expected/bng_reference.csv", "w")
out.write("# Produced by scripts/reference/bng_reference.py (OS Helmert + National Grid TM, worked without PROJ)\n")
out.write("name,lon,lat,easting,northing\n")
for name, lon, lat in POINTS:
    x, y, z = helmert(*to_cartesian(math.radians(lat), math.radians(lon), GRS80))
    e, nn = national_grid(*to_geodetic(x, y, z, AIRY))
    out.write(f"{name},{lon},{lat},{e:.2f},{nn:.2f}\n")
