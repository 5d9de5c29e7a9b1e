# SPDX-License-Identifier: MIT
# Reference Local and global Moran's I from R's spdep for tests/analysis/local_moran_reference_test.cpp.
# Same 12 x 10 lattice and values as gistar_spdep.R. Run: Rscript scripts/reference/local_moran_spdep.R
# Writes tests/data/expected/local_moran_spdep.csv and local_moran_global_spdep.csv.
suppressMessages(library(spdep))
options(digits = 15)
nx <- 12; ny <- 10; cell <- 100
ids <- expand.grid(i = 0:(nx - 1), j = 0:(ny - 1))
xy <- cbind((ids$i + 0.5) * cell, (ids$j + 0.5) * cell)
value <- (ids$i * 7 + ids$j * 3) %% 11
hot <- ids$i >= 7 & ids$i <= 9 & ids$j >= 5 & ids$j <= 7
value[hot] <- value[hot] + 25
value[ids$i <= 1 & ids$j <= 1] <- 0
queen <- dnearneigh(xy, 0, 150 * (1 + 1e-9))
rook <- dnearneigh(xy, 0, 100 * (1 + 1e-9))
out <- data.frame(index = seq_along(value) - 1, value = value)
glob <- data.frame(case = character(), I = numeric(), expectation = numeric(), variance = numeric())
for (case in list(list("queen_W", queen, "W"), list("rook_B", rook, "B"))) {
  lw <- nb2listw(case[[2]], style = case[[3]])
  lm <- localmoran(value, lw, conditional = TRUE)   # spdep's default moments
  out[[paste0(case[[1]], "_Ii")]] <- lm[, 1]
  out[[paste0(case[[1]], "_E")]] <- lm[, 2]
  out[[paste0(case[[1]], "_Var")]] <- lm[, 3]
  out[[paste0(case[[1]], "_Z")]] <- lm[, 4]
  lt <- localmoran(value, lw, conditional = FALSE)  # Anselin (1995) total randomisation
  out[[paste0(case[[1]], "_total_E")]] <- lt[, 2]
  out[[paste0(case[[1]], "_total_Var")]] <- lt[, 3]
  mt <- moran.test(value, lw, randomisation = TRUE)
  glob <- rbind(glob, data.frame(case = case[[1]], I = mt$estimate[1], expectation = mt$estimate[2], variance = mt$estimate[3]))
}
header <- paste("# Produced by scripts/reference/local_moran_spdep.R with spdep", as.character(packageVersion("spdep")))
writeLines(header, "tests/data/expected/local_moran_spdep.csv")
suppressWarnings(write.table(out, "tests/data/expected/local_moran_spdep.csv", sep = ",", row.names = FALSE, append = TRUE, quote = FALSE))
writeLines(header, "tests/data/expected/local_moran_global_spdep.csv")
suppressWarnings(write.table(glob, "tests/data/expected/local_moran_global_spdep.csv", sep = ",", row.names = FALSE, append = TRUE, quote = FALSE))
