# SPDX-License-Identifier: MIT
# The yardstick for bench/distinct.sh: what an analyst would run in R instead, timed the same way
# (file reading included): read.csv + spatstat density.ppp with the quartic kernel (sigma = radius /
# sqrt 7, the kernel's standard deviation) on a 500x500 grid, then nndist for the NNI.
# Usage: Rscript bench/spatstat_yardstick.R POINTS.csv LABEL   (needs r-cran-spatstat; bench only)
suppressMessages(library(spatstat))
a <- commandArgs(TRUE)
t0 <- proc.time()[["elapsed"]]
d <- read.csv(a[1])
W <- owin(c(440000, 460000), c(347000, 367000))
X <- suppressWarnings(ppp(d$x, d$y, window = W))
D <- density(X, sigma = 565.7 / sqrt(7), kernel = "quartic", dimyx = 500)
t1 <- proc.time()[["elapsed"]]
nn <- mean(nndist(X))
t2 <- proc.time()[["elapsed"]]
cat(sprintf("spatstat read.csv + density.ppp (quartic, 500x500), %s: %.2f s\n", a[2], t1 - t0))
cat(sprintf("spatstat nndist (mean %.2f m), %s: %.2f s after reading\n", nn, a[2], t2 - t1))
