// Stable names of the store's own enums, and the List filter schemas.
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/sex.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/rows.h"
#include "shared/text/text.h"

namespace kinerja::employee::store {
namespace {

using rpc::EnumField;
using rpc::FilterFieldType;
using rpc::FilterOp;
using rpc::FilterSchema;
using rpc::IdField;

}  // namespace

std::string_view AgencyKindName(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kCentral:
      return "CENTRAL";
    case AgencyKind::kProvince:
      return "PROVINCE";
    case AgencyKind::kRegency:
      return "REGENCY";
    case AgencyKind::kCity:
      return "CITY";
  }
  return "CITY";
}

absl::StatusOr<AgencyKind> ParseAgencyKind(std::string_view name) {
  for (AgencyKind kind :
       {AgencyKind::kCentral, AgencyKind::kProvince, AgencyKind::kRegency, AgencyKind::kCity}) {
    if (name == AgencyKindName(kind)) return kind;
  }
  return absl::InvalidArgumentError(absl::StrCat("kind: unknown agency kind '", ToAbsl(name),
                                                 "'; expected CENTRAL, PROVINCE, REGENCY or CITY"));
}

std::string_view AssignmentReasonName(AssignmentReason reason) {
  switch (reason) {
    case AssignmentReason::kInitial:
      return "INITIAL";
    case AssignmentReason::kTransfer:
      return "TRANSFER";
    case AssignmentReason::kPromotion:
      return "PROMOTION";
    case AssignmentReason::kDemotion:
      return "DEMOTION";
  }
  return "INITIAL";
}

absl::StatusOr<AssignmentReason> ParseAssignmentReason(std::string_view name) {
  for (AssignmentReason reason : {AssignmentReason::kInitial, AssignmentReason::kTransfer,
                                  AssignmentReason::kPromotion, AssignmentReason::kDemotion}) {
    if (name == AssignmentReasonName(reason)) return reason;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("reason: unknown assignment reason '", ToAbsl(name),
                   "'; expected INITIAL, TRANSFER, PROMOTION or DEMOTION"));
}

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

}  // namespace kinerja::employee::store
