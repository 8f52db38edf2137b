#ifndef KINERJA_TOOLS_GEN_GENERATOR_H_
#define KINERJA_TOOLS_GEN_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "tools/gen/dates.h"
#include "tools/gen/writers.h"

namespace kinerja::gen {

struct GenOptions {
  std::string out_dir;
  int64_t employees = 5000;
  uint64_t seed = 1;
  OutputFormat format = OutputFormat::kJsonl;
  double pppk_share = 0.15;
  double vacancy_share = 0.03;
  // Reference date: ages, ranks and CPNS status are computed as of this day. Fixed by default
  // so that output never depends on the clock.
  Date as_of{2025, 7, 1};
};

struct GenSummary {
  int64_t agencies = 0;
  int64_t units = 0;
  int64_t employees = 0;
  int64_t pppk = 0;
  int64_t vacancies = 0;
  int64_t bytes = 0;
};

// Generates the whole data set into options.out_dir (created if missing). The same options
// give the same files, byte for byte.
absl::StatusOr<GenSummary> GenerateDataset(const GenOptions& options);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_GENERATOR_H_
