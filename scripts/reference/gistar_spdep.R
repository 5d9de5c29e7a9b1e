# SPDX-License-Identifier: MIT
# Reference Gi* z-scores from R's spdep (Bivand), the established implementation, for
# tests/analysis/gi_star_reference_test.cpp. Run: Rscript scripts/reference/gistar_spdep.R
# (Debian: apt-get install r-cran-spdep). Writes tests/data/expected/gistar_spdep.csv.
suppressMessages(library(spdep))
options(digits = 15)
nx <- 12; ny <- 10; cell <- 100
ids <- expand.grid(i = 0:(nx - 1), j = 0:(ny - 1))   # i fastest: row-major from the south-west
xy <- cbind((ids$i + 0.5) * cell, (ids$j + 0.5) * cell)
# A deterministic pattern: a background ripple, a hot block and a cold corner.
value <- (ids$i * 7 + ids$j * 3) %% 11
value[ids$i >= 7 & ids$i <= 9 & ids$j >= 5 & ids$j <= 7] <- value[ids$i >= 7 & ids$i <= 9 & ids$j >= 5 & ids$j <= 7] + 25
value[ids$i <= 1 & ids$j <= 1] <- 0
out <- data.frame(index = seq_along(value) - 1, value = value)
band <- function(d, style) {
  nb <- include.self(dnearneigh(xy, 0, d * (1 + 1e-9)))
  as.numeric(localG(value, nb2listw(nb, style = style)))
}
out$band150_binary <- band(150, "B")
out$band250_binary <- band(250, "B")
out$band150_row <- band(150, "W")
knn <- include.self(knn2nb(knearneigh(xy, k = 4)))
out$knn4_binary <- as.numeric(localG(value, nb2listw(knn, style = "B")))
cat("# Produced by scripts/reference/gistar_spdep.R with spdep", as.character(packageVersion("spdep")), "\n",
    file = "tests/data/expected/gistar_spdep.csv")
suppressWarnings(write.table(out, "tests/data/expected/gistar_spdep.csv", sep = ",", row.names = FALSE,
                             append = TRUE, quote = FALSE))
