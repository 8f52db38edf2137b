// The store's prepared statements and the filter schemas of its List calls.
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/rows.h"
#include "services/goals/store/statements.h"

namespace kinerja::goals::store {
namespace {

using rpc::EnumField;
using rpc::FilterFieldType;
using rpc::FilterOp;
using rpc::FilterSchema;
using rpc::IdField;

}  // namespace

namespace internal {

const db::Statement& GetPeriodStatement() {
  static const db::Statement* s = new db::Statement{
      "goals.get_period",
      absl::StrCat("SELECT ", PeriodColumns("p"), " FROM periods p WHERE p.id = $1")};
  return *s;
}

const db::Statement& GetPlanStatement() {
  static const db::Statement* s = new db::Statement{
      "goals.get_plan", absl::StrCat("SELECT ", PlanColumns("p"), " FROM plans p WHERE p.id = $1")};
  return *s;
}

}  // namespace internal

std::vector<db::Statement> GoalsStore::Statements() {
  return {internal::GetPeriodStatement(),       internal::GetPlanStatement(),
          internal::LockPlanStatement(),        internal::SavePlanStatement(),
          internal::UpsertResultsStatement(),   internal::DeleteRemovedResultsStatement(),
          internal::PlanPeriodFactsStatement(), internal::ParentFactsStatement(),
          internal::DependantsStatement(),      internal::InsertVersionStatement(),
          internal::MarkApprovedStatement()};
}

const FilterSchema& GoalsStore::PeriodFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("agency_id"),
      {.name = "year",
       .type = FilterFieldType::kInt,
       .ops = {FilterOp::kEq, FilterOp::kNe, FilterOp::kLt, FilterOp::kLe, FilterOp::kGt,
               FilterOp::kGe}},
      EnumField<PeriodState>("state",
                             {PeriodState::kOpen, PeriodState::kClosed, PeriodState::kLocked},
                             PeriodStateName, "PERIOD_STATE", {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

const FilterSchema& GoalsStore::PlanFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("period_id"),
      IdField("agency_id"),
      IdField("employee_id"),
      IdField("assessor_employee_id"),
      IdField("employee_nip"),
      IdField("assessor_nip"),
      IdField("unit_id"),
      EnumField<PlanState>("state",
                           {PlanState::kDraft, PlanState::kSubmitted, PlanState::kApproved,
                            PlanState::kReturned, PlanState::kClosed},
                           PlanStateName, "PLAN_STATE", {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

const FilterSchema& GoalsStore::UnitPolicyFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{IdField("agency_id")}};
  return *schema;
}

}  // namespace kinerja::goals::store
