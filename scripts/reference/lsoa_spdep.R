# SPDX-License-Identifier: MIT
# Reference Gi* and Local Moran's I on Ashfield's 77 real LSOA polygons, with queen contiguity
# from spdep's poly2nb (sf to read them). Builds the fixture tests/data/vector/ashfield_lsoa_crimes.gpkg
# (the LSOAs in EPSG:27700 with crimes_2025 from ashfield_lsoa_crimes_2025.csv, counts of 2025
# police.uk rows by LSOA code) and writes tests/data/expected/lsoa_spdep.csv.
# Run from the repository root: Rscript scripts/reference/lsoa_spdep.R
suppressMessages({ library(sf); library(spdep) })
options(digits = 15)
lsoa <- st_transform(st_read("shapefiles/ashfield_lsoa_dec2021.gpkg", quiet = TRUE), 27700)
counts <- read.csv("tests/data/vector/ashfield_lsoa_crimes_2025.csv")
lsoa$crimes_2025 <- counts$crimes[match(lsoa$LSOA21CD, counts$code)]
lsoa <- lsoa[order(lsoa$LSOA21CD), c("LSOA21CD", "LSOA21NM", "crimes_2025")]
st_write(lsoa, "tests/data/vector/ashfield_lsoa_crimes.gpkg", layer = "lsoa", delete_dsn = TRUE, quiet = TRUE)
nb <- poly2nb(lsoa, queen = TRUE, snap = 0)   # exact shared boundary points, as SaferMap
x <- lsoa$crimes_2025
gi <- localG(x, nb2listw(include.self(nb), style = "B"))
lm <- localmoran(x, nb2listw(nb, style = "W"))
out <- data.frame(code = lsoa$LSOA21CD, crimes = x, neighbours = card(nb), gi_star = as.numeric(gi),
                  Ii = lm[, 1], E_Ii = lm[, 2], Var_Ii = lm[, 3], Z_Ii = lm[, 4])
writeLines(paste("# Produced by scripts/reference/lsoa_spdep.R with spdep", as.character(packageVersion("spdep")),
                 "and sf", as.character(packageVersion("sf"))), "tests/data/expected/lsoa_spdep.csv")
suppressWarnings(write.table(out, "tests/data/expected/lsoa_spdep.csv", sep = ",", row.names = FALSE, append = TRUE, quote = FALSE))
