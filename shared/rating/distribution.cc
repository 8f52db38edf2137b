#include "shared/rating/distribution.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "shared/errors/errors.h"
#include "shared/rating/names.h"
#include "shared/text/name_table.h"
#include "shared/text/text.h"

namespace kinerja::rating {
namespace {

DistributionRule AtMost(std::vector<Predicate> predicates, int percent) {
  return DistributionRule{std::move(predicates), BoundKind::kAtMostPercent, percent};
}
DistributionRule AtLeast(std::vector<Predicate> predicates, int percent) {
  return DistributionRule{std::move(predicates), BoundKind::kAtLeastPercent, percent};
}
DistributionRule AtLeastCount(std::vector<Predicate> predicates, int count) {
  return DistributionRule{std::move(predicates), BoundKind::kAtLeastCount, count};
}

constexpr text::NameTable<DistributionEnforcement, 2> kEnforcementNames = {{
    {DistributionEnforcement::kBlock, "BLOCK"},
    {DistributionEnforcement::kWarnWithJustification, "WARN_WITH_JUSTIFICATION"},
}};

bool Violates(const DistributionRule& rule, int count, int pending, int staff) {
  switch (rule.bound) {
    case BoundKind::kAtMostPercent:
      return static_cast<int64_t>(count) * 100 > static_cast<int64_t>(rule.limit) * staff;
    case BoundKind::kAtLeastPercent:
      return static_cast<int64_t>(count + pending) * 100 < static_cast<int64_t>(rule.limit) * staff;
    case BoundKind::kAtLeastCount:
      return count + pending < rule.limit;
  }
  return false;
}

}  // namespace

std::string_view DistributionEnforcementName(DistributionEnforcement enforcement) {
  return text::Lookup(kEnforcementNames, enforcement);
}

absl::StatusOr<DistributionEnforcement> ParseDistributionEnforcement(std::string_view name,
                                                                     std::string_view field) {
  return text::Parse(kEnforcementNames, name, field);
}

std::string RuleName(const DistributionRule& rule) {
  std::vector<std::string> names;
  for (Predicate p : rule.predicates) names.emplace_back(ToAbsl(PredicateName(p)));
  const bool at_most = rule.bound == BoundKind::kAtMostPercent;
  const bool percent = rule.bound != BoundKind::kAtLeastCount;
  return absl::StrCat(absl::StrJoin(names, "_OR_"), at_most ? "_AT_MOST " : "_AT_LEAST ",
                      rule.limit, percent ? "%" : "");
}

DistributionRules DefaultDistributionRules() {
  using P = Predicate;
  DistributionRules rules;
  rules[0] = {AtMost({P::kSangatBaik}, 70)};
  rules[1] = {AtMost({P::kBaik}, 70), AtLeastCount({P::kButuhPerbaikan, P::kKurang}, 1)};
  rules[2] = {AtLeast({P::kButuhPerbaikan}, 60), AtMost({P::kSangatBaik}, 10)};
  rules[3] = {AtLeast({P::kKurang}, 60), AtLeast({P::kButuhPerbaikan}, 10),
              AtMost({P::kSangatBaik}, 10)};
  rules[4] = {AtLeast({P::kSangatKurang}, 60), AtLeast({P::kKurang, P::kButuhPerbaikan}, 10),
              AtMost({P::kSangatBaik}, 0)};
  return rules;
}

absl::Status ValidateDistributionPolicy(const DistributionPolicy& policy) {
  std::vector<errors::FieldViolation> violations;
  if (policy.min_unit_size < 0) {
    violations.push_back({"distribution_policy.min_unit_size", "must not be negative"});
  }
  for (OrgPredicate org : kAllOrgPredicates) {
    const auto& rules = policy.rules[static_cast<size_t>(org) - 1];
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string path =
          absl::StrCat("distribution_policy.rules.", ToAbsl(OrgPredicateName(org)), "[", i, "]");
      const DistributionRule& rule = rules[i];
      std::vector<Predicate> sorted = rule.predicates;
      std::sort(sorted.begin(), sorted.end());
      if (sorted.empty() || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        violations.push_back({path + ".predicates", "must name distinct predicates, at least one"});
      }
      if (rule.bound == BoundKind::kAtLeastCount ? rule.limit < 0
                                                 : rule.limit < 0 || rule.limit > 100) {
        violations.push_back(
            {path + ".limit",
             absl::StrCat("must be a percent 0..100 or a count >= 0, got ", rule.limit)});
      }
    }
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  return absl::OkStatus();
}

int PredicateCounts::Total() const {
  int total = 0;
  for (int c : counts) total += c;
  return total;
}

absl::StatusOr<DistributionResult> CheckDistribution(const DistributionInput& input,
                                                     const DistributionPolicy& policy) {
  RETURN_IF_ERROR(ValidateDistributionPolicy(policy));
  for (Predicate p : kAllPredicates) {
    if (input.finalised[p] < 0) {
      return errors::InvalidField(absl::StrCat("finalised.", ToAbsl(PredicateName(p))),
                                  "must not be negative");
    }
  }
  const int finalised = input.finalised.Total();
  if (input.unit_staff < finalised) {
    return errors::InvalidField("unit_staff", absl::StrCat("must be at least the finalised staff (",
                                                           finalised, "), got ", input.unit_staff));
  }
  DistributionResult result;
  if (input.unit_staff < policy.min_unit_size) {
    result.skipped_small_unit = true;
    return result;
  }
  if (input.unit_staff == 0) return result;
  const int pending = input.unit_staff - finalised;
  for (const DistributionRule& rule : policy.rules[static_cast<size_t>(input.org) - 1]) {
    int count = 0;
    for (Predicate p : rule.predicates) count += input.finalised[p];
    if (!Violates(rule, count, pending, input.unit_staff)) continue;
    DistributionViolation v;
    v.rule = RuleName(rule);
    v.definition = rule;
    v.count = count;
    v.pending = pending;
    v.unit_staff = input.unit_staff;
    v.actual_percent = 100.0 * count / input.unit_staff;
    v.limit = rule.limit;
    result.violations.push_back(std::move(v));
  }
  return result;
}

std::string DescribeViolations(const std::vector<DistributionViolation>& violations) {
  std::vector<std::string> parts;
  for (const DistributionViolation& v : violations) {
    std::string part =
        absl::StrFormat("%s: %.1f%% (%d of %d)", v.rule, v.actual_percent, v.count, v.unit_staff);
    if (v.pending > 0 && v.definition.bound != BoundKind::kAtMostPercent) {
      absl::StrAppend(&part, ", ", v.pending, " not finalised yet cannot reach it");
    }
    parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, "; ");
}

}  // namespace kinerja::rating
