#ifndef KINERJA_TOOLS_GEN_AGENCIES_H_
#define KINERJA_TOOLS_GEN_AGENCIES_H_

#include <cstdint>
#include <vector>

#include "tools/gen/org_tree.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {

// Agencies holding at most this many employees are generated as one city.
inline constexpr int64_t kSingleAgencyMax = 20000;

// Splits `employees` over agencies: one city up to kSingleAgencyMax, otherwise about one
// agency per 10,000 employees (cities, regencies and larger provinces, names from a list of
// real places, then numbered). The sizes add up to `employees` exactly.
std::vector<AgencySpec> PlanAgencies(int64_t employees, Rng& rng);

// Splits `total` into parts proportional to `weights` (cumulative rounding: exact sum, stable).
std::vector<int64_t> Apportion(const std::vector<double>& weights, int64_t total);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_AGENCIES_H_
