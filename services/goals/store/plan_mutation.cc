// MutatePlan: lock the plan, load its facts in the same transaction, run the domain's change,
// save, record the approved version, audit and emit.
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/unit_policy.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {
namespace internal {
namespace {

void AddParentIds(const PlanContent& content, absl::flat_hash_set<std::string>& seen,
                  std::vector<std::string>& out) {
  for (const WorkResult& r : content.results) {
    if (!r.parent_result_id.empty() && seen.insert(r.parent_result_id).second) {
      out.push_back(r.parent_result_id);
    }
  }
}

// The period as committed when the mutation starts (not share-locked: every concurrent plan
// change would then share one row lock, and PostgreSQL turns shared row locks held by many
// transactions into MultiXacts that rewrite the period row on every lock; a state change
// therefore applies to plan changes that start after it commits), the employee's extension, the
// policy that applies to the plan's unit (its own or an ancestor's with include_subunits, the
// nearest: ApplyingPolicy), the parents named by the plan and the candidate, and which of the
// plan's results others cascade from; one statement (PlanFacts).
absl::StatusOr<PlanFacts> LoadFacts(pqxx::work& tx, const Plan& plan, const PlanContent* candidate,
                                    absl::CivilDay today) {
  PlanFacts facts;
  facts.today = today;
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> parent_ids;
  AddParentIds(plan.content, seen, parent_ids);
  if (candidate != nullptr) AddParentIds(*candidate, seen, parent_ids);
  std::vector<std::string> own_ids;
  own_ids.reserve(plan.content.results.size());
  for (const WorkResult& r : plan.content.results) own_ids.push_back(r.id);

  const std::vector<std::string> unit_path = PolicyUnitPath(plan);
  pqxx::result r = db::Exec(tx, queries::kPlanFacts, plan.period_id, plan.employee.employee_id,
                            db::TextArrayLiteral(unit_path), db::TextArrayLiteral(parent_ids),
                            db::TextArrayLiteral(own_ids), plan.id);
  if (r.empty()) return errors::NotFound("period", plan.period_id);
  const pqxx::row row = r[0];
  facts.period = PeriodFromRow(row);
  facts.extension_until = OptionalDayFromField(row[kPeriodColumnCount]);
  if (std::optional<UnitPolicy> policy =
          ApplyingPolicy(unit_path, UnitPoliciesFromColumn(row[kPeriodColumnCount + 1]))) {
    facts.public_service_unit = policy->public_service;
    facts.survey_id = policy->survey_id;
  }
  for (ParentFactsRow& parent : ParentFactsFromColumn(row[kPeriodColumnCount + 2])) {
    facts.parents.emplace(std::move(parent.result_id), std::move(parent.facts));
  }
  facts.results_with_dependants = TextsFromColumn(row[kPeriodColumnCount + 3]);
  return facts;
}

// A mutation changes what a plan says, never which plan it is.
absl::Status CheckIdentity(const Plan& before, const Plan& after) {
  if (after.id != before.id || after.period_id != before.period_id ||
      after.agency_id != before.agency_id ||
      after.employee.employee_id != before.employee.employee_id ||
      after.employee.position_id != before.employee.position_id) {
    return absl::InternalError(
        absl::StrCat("plan ", before.id, ": a mutation changed the plan's identity"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Plan> MutatePlanInTx(pqxx::work& tx, const std::string& id,
                                    std::optional<int64_t> expected_version, PlanMutation& mutation,
                                    const WriteOptions& write, const PlanContent* candidate,
                                    const bool* skip) {
  if (!mutation.apply) return absl::InternalError("PlanMutation without apply");
  ASSIGN_OR_RETURN(Plan plan, LockPlan(tx, id));
  RETURN_IF_ERROR(CheckVersion(expected_version, plan.version, absl::StrCat("plan ", id)));
  ASSIGN_OR_RETURN(PlanFacts facts, LoadFacts(tx, plan, candidate, mutation.today));
  Plan changed = plan;
  RETURN_IF_ERROR(mutation.apply(changed, facts));
  if (skip != nullptr && *skip) return plan;
  RETURN_IF_ERROR(CheckIdentity(plan, changed));
  ASSIGN_OR_RETURN(Plan saved, SavePlan(tx, changed, plan));
  const char* event_type = mutation.event_type != nullptr ? mutation.event_type : kPlanUpdated;
  const bool approved = std::string_view(event_type) == kPlanApproved;
  if (changed.decision.has_value()) {
    RecordDecision(tx, *changed.decision);
    saved.decision = changed.decision;
  }
  RecordPlanChange(tx, write, mutation.action.c_str(), event_type, plan, saved, mutation.note,
                   /*approved=*/approved);
  return saved;
}

}  // namespace internal

absl::StatusOr<Plan> GoalsStore::MutatePlan(const std::string& id,
                                            std::optional<int64_t> expected_version,
                                            PlanMutation mutation, const WriteOptions& write,
                                            const PlanContent* candidate) {
  if (id.empty()) return errors::InvalidField("id", "is required");
  if (mutation.action.empty()) return absl::InternalError("PlanMutation without action");
  return internal::RunWrite<Plan>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Plan> {
    return internal::MutatePlanInTx(tx, id, expected_version, mutation, write, candidate, nullptr);
  });
}

}  // namespace kinerja::goals::store
