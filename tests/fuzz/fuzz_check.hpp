// SPDX-License-Identifier: MIT
#pragma once
// What the fuzz targets share: a check that stays on in release builds (assert does not) and
// names the broken property before aborting, which libFuzzer reports as a crash.

#include <cstdio>
#include <cstdlib>

#define SAFERMAP_FUZZ_CHECK(condition)                                                                    \
    do {                                                                                                  \
        if (!(condition)) {                                                                               \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition);      \
            std::abort();                                                                                 \
        }                                                                                                 \
    } while (0)
