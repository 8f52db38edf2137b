// The assertion of fuzz targets: a broken property aborts, which libFuzzer reports as a crash
// and saves the input for. Unlike assert() it holds in every build type.
#pragma once

#include <cstdio>
#include <cstdlib>

#define KINERJA_FUZZ_CHECK(condition)                                                              \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      std::fprintf(stderr, "fuzz property broken at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)
