// Distribution of a unit's staff predicates by the unit's organisation predicate (DOMAIN.md
// "Rating (2022+)", marked unverified: configurable per agency, enforced as a block or as a
// warning that needs a written justification). Default bands, exactly as DOMAIN.md lists them:
//   Istimewa:        Sangat Baik at most 70 %.
//   Baik:            Baik at most 70 %, and at least one Butuh Perbaikan or Kurang.
//   Butuh Perbaikan: Butuh Perbaikan at least 60 %, Sangat Baik at most 10 %.
//   Kurang:          Kurang at least 60 %, Butuh Perbaikan at least 10 %, Sangat Baik at most 10 %.
//   Sangat Kurang:   Sangat Kurang at least 60 %, Kurang or Butuh Perbaikan at least 10 %, no
//                    Sangat Baik (at most 0 %).
//
// How shares are computed (a choice of this module, the same for every service):
// - The denominator is the unit's staff to be assessed for the period (`unit_staff`), not only
//   those finalised so far, and the counts are the unit's finalised staff predicates INCLUDING the
//   candidate assessment being finalised. So a check at the first finalisation and at the last
//   one judge against the same whole, and the outcome never depends on the order of finalisation.
// - "at most p %" is violated when count * 100 > p * unit_staff: more finalisations can only
//   raise the count, so the band is already broken. Exactly at the limit is allowed.
// - "at least p %" is violated only when it can no longer be met: (count + pending) * 100 <
//   p * unit_staff, where pending = unit_staff - finalised (not yet finalised staff could still
//   be given that predicate). When the last one is finalised this is the plain share test.
//   Exactly at the limit is allowed. "at least N" (a count) works the same way.
// - Exact integer arithmetic; percentages are whole numbers.
// - Small units: by default the bands apply to every unit literally (e.g. a one-person unit under
//   Istimewa cannot be Sangat Baik, 100 % > 70 %; under Baik its one person must be Butuh
//   Perbaikan or Kurang). An agency may set `min_unit_size`: units with fewer staff are not
//   checked (the result says so).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "shared/rating/rating.h"

namespace kinerja::rating {

enum class DistributionEnforcement {
  kBlock,                  // "BLOCK": finalising a violating predicate is refused
  kWarnWithJustification,  // "WARN_WITH_JUSTIFICATION": allowed with a written justification
};
std::string_view DistributionEnforcementName(DistributionEnforcement enforcement);
absl::StatusOr<DistributionEnforcement> ParseDistributionEnforcement(std::string_view name,
                                                                     std::string_view field);

enum class BoundKind {
  kAtMostPercent,   // count * 100 <= limit * unit_staff
  kAtLeastPercent,  // (count + pending) * 100 >= limit * unit_staff
  kAtLeastCount,    // count + pending >= limit
};

struct DistributionRule {
  std::vector<Predicate> predicates;  // counted together ("Kurang or Butuh Perbaikan")
  BoundKind bound = BoundKind::kAtMostPercent;
  int limit = 0;  // a whole percent 0..100, or a count for kAtLeastCount
  friend bool operator==(const DistributionRule&, const DistributionRule&) = default;
};

// The rule's stable name: predicate names joined by "_OR_", then "_AT_MOST " / "_AT_LEAST " and
// the limit with "%" for percentages: "SANGAT_BAIK_AT_MOST 70%",
// "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1".
std::string RuleName(const DistributionRule& rule);

using DistributionRules = std::array<std::vector<DistributionRule>, 5>;  // by OrgPredicate - 1

// DOMAIN.md's bands (above).
DistributionRules DefaultDistributionRules();

struct DistributionPolicy {
  // Unverified default (a choice): a warning needing a justification rather than a block,
  // because the bands themselves are unverified.
  DistributionEnforcement enforcement = DistributionEnforcement::kWarnWithJustification;
  DistributionRules rules = DefaultDistributionRules();
  int min_unit_size = 0;  // units with fewer staff are not checked; 0: every unit is
};

// INVALID_ARGUMENT naming e.g. "distribution_policy.rules.ISTIMEWA[0].limit" (percent outside
// 0..100 or negative count), "...predicates" (empty or repeated), "...min_unit_size" (< 0).
absl::Status ValidateDistributionPolicy(const DistributionPolicy& policy);

// Staff predicates of one unit, by predicate.
struct PredicateCounts {
  std::array<int, 5> counts = {0, 0, 0, 0, 0};  // by Predicate value - 1
  int& operator[](Predicate p) { return counts[static_cast<size_t>(p) - 1]; }
  int operator[](Predicate p) const { return counts[static_cast<size_t>(p) - 1]; }
  int Total() const;
};

struct DistributionInput {
  OrgPredicate org = OrgPredicate::kBaik;
  // The unit's finalised staff predicates for the period, including the candidate.
  PredicateCounts finalised;
  // All staff of the unit to be assessed for the period (finalised or not), >= finalised.Total().
  int unit_staff = 0;
};

struct DistributionViolation {
  std::string rule;  // RuleName(definition)
  DistributionRule definition;
  int count = 0;                // finalised staff with one of the rule's predicates
  int pending = 0;              // staff not finalised yet (counted for "at least" rules)
  int unit_staff = 0;           // the denominator
  double actual_percent = 0.0;  // count * 100 / unit_staff (for display)
  int limit = 0;                // the rule's limit (percent, or count for kAtLeastCount)
};

struct DistributionResult {
  std::vector<DistributionViolation> violations;  // in the policy's rule order
  bool skipped_small_unit = false;                // unit_staff < policy.min_unit_size
};

// Checks `input` against the rules of its organisation predicate. INVALID_ARGUMENT for a
// negative count ("finalised.<PREDICATE>") or unit_staff below the finalised total
// ("unit_staff"), or an invalid policy.
absl::StatusOr<DistributionResult> CheckDistribution(const DistributionInput& input,
                                                     const DistributionPolicy& policy = {});

// "SANGAT_BAIK_AT_MOST 70%: 80.0% (8 of 10)", with ", N not finalised yet cannot reach it" for
// an "at least" rule while staff are pending; several joined by "; " (messages and audit).
std::string DescribeViolations(const std::vector<DistributionViolation>& violations);

}  // namespace kinerja::rating
