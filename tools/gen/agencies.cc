#include "tools/gen/agencies.h"

#include <cmath>
#include <string>
#include <utility>

namespace kinerja::gen {

std::vector<int64_t> Apportion(const std::vector<double>& weights, int64_t total) {
  std::vector<int64_t> parts(weights.size(), 0);
  double sum = 0;
  for (double weight : weights) sum += weight;
  if (parts.empty()) return parts;
  if (sum <= 0) {
    parts[0] = total;
    return parts;
  }
  double running = 0;
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    running += weights[i];
    const int64_t upto =
        i + 1 == weights.size() ? total : std::llround(running / sum * static_cast<double>(total));
    parts[i] = upto - given;
    given = upto;
  }
  return parts;
}

std::vector<AgencySpec> PlanAgencies(int64_t employees, Rng& rng) {
  // A shuffled catalog with a city first: the single-agency case is always a city.
  std::vector<AgencySeed> seeds(AgencyCatalog().begin(), AgencyCatalog().end());
  for (size_t i = seeds.size(); i > 1; --i) {
    std::swap(seeds[i - 1], seeds[rng.Below(static_cast<uint32_t>(i))]);
  }
  for (size_t i = 0; i < seeds.size(); ++i) {
    if (seeds[i].kind == AgencyKind::kCity) {
      std::swap(seeds[0], seeds[i]);
      break;
    }
  }

  const int64_t count =
      employees <= kSingleAgencyMax ? 1 : std::llround(static_cast<double>(employees) / 10000.0);
  std::vector<AgencySpec> agencies;
  std::vector<double> weights;
  for (int64_t i = 0; i < count; ++i) {
    const AgencySeed& seed = seeds[i % seeds.size()];
    const int64_t round = i / static_cast<int64_t>(seeds.size());
    AgencySpec spec;
    spec.kind = seed.kind;
    spec.place = round == 0 ? std::string(seed.place)
                            : std::string(seed.place) + " " + std::to_string(round + 1);
    spec.name = std::string(GovernmentPrefix(spec.kind)) + spec.place;
    spec.region = seed.region;
    agencies.push_back(std::move(spec));
    // Provinces (with their senior high schools and hospitals) run larger.
    weights.push_back((0.6 + 0.7 * rng.Unit()) * (seed.kind == AgencyKind::kProvince ? 1.4 : 1));
  }
  const std::vector<int64_t> sizes = Apportion(weights, employees);
  for (size_t i = 0; i < agencies.size(); ++i) agencies[i].employees = sizes[i];
  return agencies;
}

}  // namespace kinerja::gen
