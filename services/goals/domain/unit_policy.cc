#include "services/goals/domain/unit_policy.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/goals/domain/result_rules.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

constexpr size_t kMaxIdBytes = 64;

void CheckRequiredId(const std::string& id, const char* field,
                     std::vector<errors::FieldViolation>& out) {
  if (IsBlank(id)) {
    out.push_back({field, "required"});
  } else {
    CheckTextLength(id, kMaxIdBytes, field, out);
  }
}

}  // namespace

absl::Status ValidateUnitPolicy(const UnitPolicy& policy) {
  std::vector<errors::FieldViolation> violations;
  CheckRequiredId(policy.agency_id, "agency_id", violations);
  CheckRequiredId(policy.unit_id, "unit_id", violations);
  if (!policy.survey_id.empty()) {
    if (!policy.public_service) {
      violations.push_back(
          {"survey_id", "only a public-service policy names a satisfaction survey"});
    } else {
      CheckSurveyId(policy.survey_id, "survey_id", violations);
    }
  }
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

std::vector<std::string> PolicyUnitPath(const Plan& plan) {
  if (!plan.unit_path.empty()) return plan.unit_path;
  if (plan.employee.unit_id.empty()) return {};
  return {plan.employee.unit_id};
}

std::optional<UnitPolicy> ApplyingPolicy(const std::vector<std::string>& unit_path,
                                         const std::vector<UnitPolicy>& policies) {
  absl::flat_hash_map<std::string_view, const UnitPolicy*> by_unit;
  for (const UnitPolicy& p : policies) by_unit.emplace(p.unit_id, &p);
  for (size_t k = unit_path.size(); k-- > 0;) {
    auto it = by_unit.find(unit_path[k]);
    if (it == by_unit.end()) continue;
    const bool own = k + 1 == unit_path.size();
    if (own || it->second->include_subunits) return *it->second;
  }
  return std::nullopt;
}

}  // namespace kinerja::goals
