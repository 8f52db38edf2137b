#include "services/employee/api/resource_convert.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "services/employee/api/request_support.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/person_name.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {
namespace {

std::string Path(std::string_view prefix, std::string_view field) {
  return absl::StrCat(ToAbsl(prefix), ToAbsl(field));
}

void Require(Violations& v, std::string_view prefix, std::string_view field,
             const std::string& value) {
  if (value.empty()) v.Add(Path(prefix, field), "is required");
}

}  // namespace

absl::StatusOr<AgencyKind> AgencyKindFromProto(v1::AgencyKind kind, std::string_view field) {
  switch (kind) {
    case v1::AGENCY_KIND_CENTRAL:
      return AgencyKind::kCentral;
    case v1::AGENCY_KIND_PROVINCE:
      return AgencyKind::kProvince;
    case v1::AGENCY_KIND_REGENCY:
      return AgencyKind::kRegency;
    case v1::AGENCY_KIND_CITY:
      return AgencyKind::kCity;
    case v1::AGENCY_KIND_UNSPECIFIED:
      return errors::InvalidField(ToAbsl(field), "is required");
    default:
      return errors::InvalidField(ToAbsl(field), absl::StrCat("unknown value ", kind));
  }
}

absl::StatusOr<Agency> AgencyFromProto(const v1::Agency& agency, std::string_view prefix) {
  Violations v;
  Agency out;
  out.id = agency.id();
  out.name = agency.name();
  out.head_title = agency.head_title();
  Require(v, prefix, "id", out.id);
  Require(v, prefix, "name", out.name);
  if (auto kind = v.Take(AgencyKindFromProto(agency.kind(), Path(prefix, "kind")))) {
    out.kind = *kind;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return out;
}

absl::StatusOr<OrgUnit> OrgUnitFromProto(const v1::OrgUnit& unit, std::string_view prefix) {
  Violations v;
  OrgUnit out;
  out.id = unit.id();
  out.agency_id = unit.agency_id();
  out.parent_id = unit.parent_id();
  out.name = unit.name();
  Require(v, prefix, "agency_id", out.agency_id);
  Require(v, prefix, "name", out.name);
  if (auto eselon = v.Take(convert::EselonFromProto(unit.eselon(), Path(prefix, "eselon")))) {
    out.eselon = *eselon;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return out;
}

absl::StatusOr<Position> PositionFromProto(const v1::Position& position, std::string_view prefix) {
  Violations v;
  Position out;
  out.id = position.id();
  out.agency_id = position.agency_id();
  out.unit_id = position.unit_id();
  out.name = position.name();
  out.non_asn_holder_name = position.non_asn_holder_name();
  Require(v, prefix, "unit_id", out.unit_id);
  Require(v, prefix, "name", out.name);
  if (auto type = v.Take(convert::PositionTypeFromProto(position.type(), Path(prefix, "type")))) {
    out.type = *type;
  }
  if (auto level = v.Take(convert::FunctionalLevelFromProto(position.functional_level(),
                                                            Path(prefix, "functional_level")))) {
    out.functional_level = *level;
  }
  if (auto eselon = v.Take(convert::EselonFromProto(position.eselon(), Path(prefix, "eselon")))) {
    out.eselon = *eselon;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return out;
}

absl::StatusOr<EmployeeRecord> EmployeeRecordFromProto(const v1::Employee& employee,
                                                       std::string_view prefix) {
  Violations v;
  EmployeeRecord out;
  Employee& e = out.employee;
  e.id = employee.id();
  e.nip = employee.nip();
  e.name = NormalizePersonName(employee.name());
  e.position_id = employee.position_id();
  e.unit_id = employee.unit_id();
  e.agency_id = employee.agency_id();
  e.siasn_id = employee.siasn_id();
  Require(v, prefix, "position_id", e.position_id);
  std::optional<EmployeeKind> kind =
      v.Take(convert::KindFromProto(employee.kind(), Path(prefix, "kind")));
  if (kind) e.kind = *kind;
  if (auto sex = v.Take(convert::SexFromProto(employee.sex(), Path(prefix, "sex")))) e.sex = *sex;
  if (auto birth = v.Take(rpc::DayFromProto(employee.birth_date(), Path(prefix, "birth_date")))) {
    e.birth_date = *birth;
  }
  if (kind) {
    if (auto rank = v.Take(convert::RankFromProto(employee.rank(), *kind, Path(prefix, "rank")))) {
      e.rank = *rank;
    }
  }
  switch (employee.pns_status()) {
    case v1::PNS_STATUS_UNSPECIFIED:
    case v1::PNS_STATUS_DEFINITIVE:
      break;
    case v1::PNS_STATUS_CANDIDATE:
      if (kind && *kind != EmployeeKind::kPns) {
        v.Add(Path(prefix, "pns_status"), "only a PNS can be a candidate (CPNS)");
      }
      e.candidate = true;
      break;
    default:
      v.Add(Path(prefix, "pns_status"), absl::StrCat("unknown value ", employee.pns_status()));
  }
  if (kind && *kind != EmployeeKind::kPns && employee.pns_status() == v1::PNS_STATUS_DEFINITIVE) {
    v.Add(Path(prefix, "pns_status"), "is for PNS only; leave it unspecified for PPPK");
  }
  if (employee.status() != v1::EMPLOYEE_STATUS_UNSPECIFIED) {
    if (auto status = v.Take(convert::StatusFromProto(employee.status(), Path(prefix, "status")))) {
      e.status = *status;
    }
  }
  if (auto day = v.Take(
          rpc::DayFromProto(employee.appointment_date(), Path(prefix, "appointment_date")))) {
    out.appointment_date = *day;
  }
  if (auto day = v.Take(rpc::OptionalDayFromProto(employee.position_start_date(),
                                                  Path(prefix, "position_start_date")))) {
    out.position_start_date = *day;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return out;
}

absl::StatusOr<ActingOfficial> ActingOfficialFromProto(const v1::ActingOfficial& acting,
                                                       std::string_view prefix) {
  Violations v;
  ActingOfficial out;
  out.id = acting.id();
  out.position_id = acting.position_id();
  out.employee_id = acting.employee_id();
  out.basis = acting.basis();
  out.agency_id = acting.agency_id();
  Require(v, prefix, "position_id", out.position_id);
  Require(v, prefix, "employee_id", out.employee_id);
  if (auto kind = v.Take(convert::ActingFromProto(acting.kind(), Path(prefix, "kind"))))
    out.kind = *kind;
  if (auto day = v.Take(rpc::DayFromProto(acting.start_date(), Path(prefix, "start_date")))) {
    out.start_date = *day;
  }
  if (auto day = v.Take(rpc::DayFromProto(acting.end_date(), Path(prefix, "end_date")))) {
    out.end_date = *day;
  }
  RETURN_IF_ERROR(v.ToStatus());
  return out;
}

absl::StatusOr<AssignmentReason> AssignmentReasonFromProto(v1::AssignmentReason reason,
                                                           std::string_view field) {
  switch (reason) {
    case v1::ASSIGNMENT_REASON_INITIAL:
      return AssignmentReason::kInitial;
    case v1::ASSIGNMENT_REASON_TRANSFER:
      return AssignmentReason::kTransfer;
    case v1::ASSIGNMENT_REASON_PROMOTION:
      return AssignmentReason::kPromotion;
    case v1::ASSIGNMENT_REASON_DEMOTION:
      return AssignmentReason::kDemotion;
    case v1::ASSIGNMENT_REASON_UNSPECIFIED:
      return errors::InvalidField(ToAbsl(field), "is required");
    default:
      return errors::InvalidField(ToAbsl(field), absl::StrCat("unknown value ", reason));
  }
}

}  // namespace kinerja::employee::api
