// The List filter schemas.
#include <string>
#include <string_view>
#include <vector>

#include "services/employee/domain/sex.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/rows.h"

namespace kinerja::employee::store {
namespace {

using rpc::EnumField;
using rpc::FilterFieldType;
using rpc::FilterOp;
using rpc::FilterSchema;
using rpc::IdField;

}  // namespace

const FilterSchema& OrgUnitFilterSchema() {
  static const FilterSchema* schema =
      new FilterSchema{{IdField("agency_id"), IdField("parent_id")}};
  return *schema;
}

const FilterSchema& PositionFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("agency_id"),
      IdField("unit_id"),
      EnumField<PositionType>(
          "type",
          {PositionType::kJptUtama, PositionType::kJptMadya, PositionType::kJptPratama,
           PositionType::kAdministrator, PositionType::kPengawas, PositionType::kPelaksana,
           PositionType::kFungsional},
          PositionTypeName, "POSITION_TYPE", {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

const FilterSchema& EmployeeFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("agency_id"),
      IdField("unit_id"),
      IdField("position_id"),
      EnumField<EmployeeKind>("kind", {EmployeeKind::kPns, EmployeeKind::kPppk}, EmployeeKindName,
                              "EMPLOYEE_KIND", {FilterOp::kEq}),
      EnumField<EmployeeStatus>(
          "status",
          {EmployeeStatus::kActive, EmployeeStatus::kOnLeave, EmployeeStatus::kSuspended,
           EmployeeStatus::kRetired, EmployeeStatus::kDeceased, EmployeeStatus::kDismissed,
           EmployeeStatus::kTransferredOut},
          EmployeeStatusName, "EMPLOYEE_STATUS", {FilterOp::kEq, FilterOp::kNe}),
      EnumField<Sex>("sex", {Sex::kMale, Sex::kFemale}, SexName, "SEX", {FilterOp::kEq}),
      IdField("rank"),
      {.name = "name", .type = FilterFieldType::kString, .ops = {FilterOp::kEq, FilterOp::kPrefix}},
  }};
  return *schema;
}

const FilterSchema& ActingFilterSchema() {
  static const FilterSchema* schema =
      new FilterSchema{{IdField("position_id"), IdField("employee_id"), IdField("agency_id")}};
  return *schema;
}

const FilterSchema& DelegationFilterSchema() {
  static const FilterSchema* schema =
      new FilterSchema{{IdField("agency_id"), IdField("unit_id"), IdField("delegate_employee_id")}};
  return *schema;
}

const FilterSchema& RegionalHeadFilterSchema() {
  static const FilterSchema* schema =
      new FilterSchema{{IdField("agency_id"), IdField("unit_id"), IdField("employee_id")}};
  return *schema;
}

}  // namespace kinerja::employee::store
