# SPDX-License-Identifier: MIT
# The police.uk yardstick for bench/policeuk_like.sh: what an analyst would run in R on a
# police.uk street-level file, timed the same way as SaferMap's whole command (file reading
# included): read.csv, drop repeated Crime IDs and rows without coordinates, project longitude
# and latitude to the British National Grid, then spatstat density.ppp with the quartic kernel
# (sigma = radius / sqrt 7, the kernel's standard deviation) on a 500x500 grid.
# R here has no sf, so the projection is Ordnance Survey's published method written out in
# vectorised base R ("A guide to coordinate systems in Great Britain": GRS80 -> Helmert ->
# Airy 1830 -> National Grid transverse Mercator; as scripts/reference/bng_reference.py, good
# to about 5 m); sf's st_transform would cost more, not less.
# Usage: Rscript bench/spatstat_policeuk_yardstick.R POLICE.csv LABEL XMIN,YMIN,XMAX,YMAX RADIUS [XY_OUT.csv]
#   XY_OUT.csv: the projected points, for the scikit-learn yardstick (written after timing).
suppressMessages(library(spatstat))
a <- commandArgs(TRUE)
extent <- as.numeric(strsplit(a[3], ",")[[1]])
radius <- as.numeric(a[4])

to_bng <- function(lon, lat) {
  rad <- pi / 180
  cartesian <- function(phi, lam, ax, bx) {
    e2 <- (ax^2 - bx^2) / ax^2
    nu <- ax / sqrt(1 - e2 * sin(phi)^2)
    list(x = nu * cos(phi) * cos(lam), y = nu * cos(phi) * sin(lam), z = (1 - e2) * nu * sin(phi))
  }
  c1 <- cartesian(lat * rad, lon * rad, 6378137.000, 6356752.3141)
  s <- 20.4894e-6
  rx <- -0.1502 / 3600 * rad; ry <- -0.2470 / 3600 * rad; rz <- -0.8421 / 3600 * rad
  x <- -446.448 + (1 + s) * c1$x - rz * c1$y + ry * c1$z
  y <- 125.157 + rz * c1$x + (1 + s) * c1$y - rx * c1$z
  z <- -542.060 - ry * c1$x + rx * c1$y + (1 + s) * c1$z
  ax <- 6377563.396; bx <- 6356256.909; e2 <- (ax^2 - bx^2) / ax^2
  p <- sqrt(x^2 + y^2)
  phi <- atan2(z, p * (1 - e2))
  for (i in 1:10) phi <- atan2(z + e2 * ax / sqrt(1 - e2 * sin(phi)^2) * sin(phi), p)
  lam <- atan2(y, x)
  f0 <- 0.9996012717; phi0 <- 49 * rad; lam0 <- -2 * rad; n <- (ax - bx) / (ax + bx)
  nu <- ax * f0 / sqrt(1 - e2 * sin(phi)^2)
  rho <- ax * f0 * (1 - e2) / (1 - e2 * sin(phi)^2)^1.5
  eta2 <- nu / rho - 1
  dp <- phi - phi0; sp <- phi + phi0
  m <- bx * f0 * ((1 + n + 5 / 4 * n^2 + 5 / 4 * n^3) * dp - (3 * n + 3 * n^2 + 21 / 8 * n^3) * sin(dp) * cos(sp) +
                  (15 / 8 * n^2 + 15 / 8 * n^3) * sin(2 * dp) * cos(2 * sp) - 35 / 24 * n^3 * sin(3 * dp) * cos(3 * sp))
  sn <- sin(phi); cs <- cos(phi); tn <- tan(phi)
  d <- lam - lam0
  north <- m - 100000 + nu / 2 * sn * cs * d^2 + nu / 24 * sn * cs^3 * (5 - tn^2 + 9 * eta2) * d^4 +
    nu / 720 * sn * cs^5 * (61 - 58 * tn^2 + tn^4) * d^6
  east <- 400000 + nu * cs * d + nu / 6 * cs^3 * (nu / rho - tn^2) * d^3 +
    nu / 120 * cs^5 * (5 - 18 * tn^2 + tn^4 + 14 * eta2 - 58 * tn^2 * eta2) * d^5
  list(x = east, y = north)
}

t0 <- proc.time()[["elapsed"]]
d <- read.csv(a[1])
d <- d[d$Crime.ID == "" | !duplicated(d$Crime.ID), ]
d <- d[!is.na(d$Longitude) & !is.na(d$Latitude), ]
t1 <- proc.time()[["elapsed"]]
xy <- to_bng(d$Longitude, d$Latitude)
W <- owin(extent[c(1, 3)], extent[c(2, 4)])
X <- suppressWarnings(ppp(xy$x, xy$y, window = W))
D <- density(X, sigma = radius / sqrt(7), kernel = "quartic", dimyx = 500)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("spatstat read.csv + BNG + density.ppp (quartic, 500x500), %s: %.2f s (reading %.2f s); %d points\n",
            a[2], t2 - t0, t1 - t0, nrow(d)))
if (length(a) >= 5) write.csv(data.frame(x = xy$x, y = xy$y), a[5], row.names = FALSE)
