# SPDX-License-Identifier: MIT
"""The DBSCAN yardstick of bench/distinct.sh and bench/policeuk_like.sh: scikit-learn's
DBSCAN fit on the x,y columns (the first two) of a CSV with a header, timed alone, five times
in one Python process. The first fit in a fresh process is what a script that clusters one
file pays, as a whole SaferMap command does; the later ones are what an analyst refitting in
one session sees (about half as long, apparently from reusing the memory the first fit took
from the system: a warm-up fit on 1,000 points does not speed up the first full one). Prints both,
with the reading time and the clusters found, to compare with SaferMap's labels.

Usage: sklearn_dbscan_yardstick.py XY.csv EPS MIN_POINTS LABEL
"""
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN

path, eps, min_points, label = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t0 = time.perf_counter()
xy = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1))
read_s = time.perf_counter() - t0
fits = []
for _ in range(5):
    t0 = time.perf_counter()
    labels = DBSCAN(eps=eps, min_samples=min_points).fit(xy).labels_
    fits.append(time.perf_counter() - t0)
later = sorted(fits[1:])
print("scikit-learn DBSCAN eps %g min %d, %s: fit %.2f s first, %.2f s median of 4 more (%.2f-%.2f); "
      "read %.2f s; %d clusters, %d noise"
      % (eps, min_points, label, fits[0], (later[1] + later[2]) / 2, later[0], later[-1], read_s,
         labels.max() + 1, (labels < 0).sum()))
