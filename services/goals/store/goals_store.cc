// The filter schemas of the store's List calls.
#include "services/goals/store/goals_store.h"
#include "services/goals/domain/names.h"

namespace kinerja::goals::store {
namespace {

using rpc::EnumField;
using rpc::FilterFieldType;
using rpc::FilterOp;
using rpc::FilterSchema;
using rpc::IdField;

}  // namespace

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
