# SPDX-License-Identifier: MIT
# The Gi* yardstick of bench/distinct.sh and bench/policeuk_like.sh: what an analyst would run
# in R with spdep for a grid hot spot map, timed as a whole (file reading included): read.csv,
# count the points per cell of a regular grid, neighbours within a distance band of each cell
# centre (dnearneigh) with the cell itself (include.self: Gi*, not Gi), binary weights, localG,
# two-sided p-values and Benjamini-Hochberg q-values (p.adjust "fdr"). SaferMap's `gistar`
# does the same; the script also compares the two z-scores cell by cell when given SaferMap's
# --out CSV (its cells in the same order: x fastest, from the lower-left corner).
# Usage: Rscript bench/spdep_gistar_yardstick.R XY.csv LABEL XMIN,YMIN,XMAX,YMAX CELL BAND [SAFERMAP_OUT.csv]
#   XY.csv: x and y in its first two columns (British National Grid metres).
suppressMessages(library(spdep))
a <- commandArgs(TRUE)
extent <- as.numeric(strsplit(a[3], ",")[[1]])
cell <- as.numeric(a[4])
band <- as.numeric(a[5])
nx <- as.integer(round((extent[3] - extent[1]) / cell))
ny <- as.integer(round((extent[4] - extent[2]) / cell))

t0 <- proc.time()[["elapsed"]]
d <- read.csv(a[1])
ix <- floor((d[[1]] - extent[1]) / cell)
iy <- floor((d[[2]] - extent[2]) / cell)
inside <- ix >= 0 & ix < nx & iy >= 0 & iy < ny
counts <- tabulate(iy[inside] * nx + ix[inside] + 1, nbins = nx * ny)
t1 <- proc.time()[["elapsed"]]
centres <- cbind(extent[1] + (rep(0:(nx - 1), ny) + 0.5) * cell, extent[2] + (rep(0:(ny - 1), each = nx) + 0.5) * cell)
nb <- include.self(dnearneigh(centres, 0, band * (1 + 1e-9))) # cells exactly one band away count, as in SaferMap
lw <- nb2listw(nb, style = "B")
t2 <- proc.time()[["elapsed"]]
z <- as.numeric(localG(counts, lw))
q <- p.adjust(2 * pnorm(-abs(z)), "fdr")
t3 <- proc.time()[["elapsed"]]
cat(sprintf("spdep read.csv + grid counts + dnearneigh + localG + FDR, %s, %dx%d cells, band %g m: %.2f s (reading and counting %.2f s, neighbours and weights %.2f s, localG and q %.2f s); %d cells at q < 0.01\n",
            a[2], nx, ny, band, t3 - t0, t1 - t0, t2 - t1, t3 - t2, sum(q < 0.01)))
if (length(a) >= 6) {
  ours <- read.csv(a[6])
  cat(sprintf("  SaferMap gistar against spdep localG: %d cells, largest |z difference| %.2e, largest |q difference| %.2e\n",
              nrow(ours), max(abs(ours$z - z)), max(abs(ours$q - q))))
}
