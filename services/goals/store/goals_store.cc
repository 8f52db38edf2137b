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

using internal::Absl;
using rpc::FilterField;
using rpc::FilterFieldType;
using rpc::FilterOp;
using rpc::FilterSchema;

FilterField Id(std::string name) {
  return {.name = std::move(name), .type = FilterFieldType::kString, .ops = {FilterOp::kEq}};
}

// Stable names plus the proto enum's full names ("<PREFIX>_<NAME>"); the store accepts both.
template <typename Enum, typename NameFn>
FilterField EnumField(std::string name, const std::vector<Enum>& values, NameFn name_of,
                      std::string_view proto_prefix, std::vector<FilterOp> ops) {
  FilterField field{.name = std::move(name), .type = FilterFieldType::kEnum, .ops = std::move(ops)};
  for (Enum v : values) field.enum_values.emplace_back(name_of(v));
  for (Enum v : values) {
    field.enum_values.push_back(absl::StrCat(Absl(proto_prefix), "_", Absl(name_of(v))));
  }
  return field;
}

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
  return {internal::GetPeriodStatement(), internal::GetPlanStatement()};
}

const FilterSchema& GoalsStore::PeriodFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      Id("agency_id"),
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
      Id("period_id"),
      Id("agency_id"),
      Id("employee_id"),
      Id("assessor_employee_id"),
      Id("employee_nip"),
      Id("assessor_nip"),
      Id("unit_id"),
      EnumField<PlanState>("state",
                           {PlanState::kDraft, PlanState::kSubmitted, PlanState::kApproved,
                            PlanState::kReturned, PlanState::kClosed},
                           PlanStateName, "PLAN_STATE", {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

const FilterSchema& GoalsStore::UnitPolicyFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{Id("agency_id")}};
  return *schema;
}

}  // namespace kinerja::goals::store
