#include "services/employee/convert/resources.h"

#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"
#include "services/employee/convert/wire.h"
#include "shared/errors/errors.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/proto_time.h"
#include "shared/text/text.h"

namespace kinerja::employee::convert {
namespace {

// Stored answers only: unlike rpc::DayFromProto, an unset date is "not a calendar date" too.
absl::StatusOr<absl::CivilDay> DayOf(const google::type::Date& d, std::string_view field) {
  absl::CivilDay day(d.year(), d.month(), d.day());
  if (day.year() != d.year() || day.month() != d.month() || day.day() != d.day()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": not a calendar date"));
  }
  return day;
}

absl::StatusOr<int64_t> VersionOf(const std::string& etag) {
  if (etag.empty()) return 0;
  return rpc::VersionFromEtag(etag);
}

absl::StatusOr<std::optional<Eselon>> EselonOf(const std::string& text) {
  if (text.empty()) return std::optional<Eselon>();
  ASSIGN_OR_RETURN(Eselon eselon, ParseEselon(text));
  return std::optional<Eselon>(eselon);
}

v1::AgencyKind AgencyKindToProto(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kCentral:
      return v1::AGENCY_KIND_CENTRAL;
    case AgencyKind::kProvince:
      return v1::AGENCY_KIND_PROVINCE;
    case AgencyKind::kRegency:
      return v1::AGENCY_KIND_REGENCY;
    case AgencyKind::kCity:
      return v1::AGENCY_KIND_CITY;
  }
  return v1::AGENCY_KIND_UNSPECIFIED;
}

absl::StatusOr<Rank> RankOf(const std::string& text, EmployeeKind kind) {
  if (text.empty()) return Rank(std::monostate());
  if (kind == EmployeeKind::kPns) {
    ASSIGN_OR_RETURN(Golongan g, Golongan::Parse(text));
    return Rank(g);
  }
  ASSIGN_OR_RETURN(PppkGrade p, PppkGrade::Parse(text));
  return Rank(p);
}

}  // namespace

v1::Agency ToProto(const Agency& agency) {
  v1::Agency p;
  p.set_id(agency.id);
  p.set_name(agency.name);
  p.set_kind(AgencyKindToProto(agency.kind));
  p.set_head_title(agency.head_title);
  if (agency.version > 0) p.set_etag(rpc::EtagFor(agency.version));
  rpc::TimeToProto(agency.create_time, p.mutable_create_time());
  rpc::TimeToProto(agency.update_time, p.mutable_update_time());
  return p;
}

v1::OrgUnit ToProto(const OrgUnit& unit) {
  v1::OrgUnit p;
  p.set_id(unit.id);
  p.set_agency_id(unit.agency_id);
  p.set_parent_id(unit.parent_id);
  p.set_name(unit.name);
  p.set_leader_position_id(unit.leader_position_id);
  p.set_eselon(EselonToProto(unit.eselon));
  if (unit.version > 0) p.set_etag(rpc::EtagFor(unit.version));
  rpc::TimeToProto(unit.create_time, p.mutable_create_time());
  rpc::TimeToProto(unit.update_time, p.mutable_update_time());
  if (unit.end_date) rpc::DayToProto(*unit.end_date, p.mutable_end_date());
  return p;
}

v1::Position ToProto(const Position& position) {
  v1::Position p;
  p.set_id(position.id);
  p.set_agency_id(position.agency_id);
  p.set_unit_id(position.unit_id);
  p.set_name(position.name);
  p.set_type(PositionTypeToProto(position.type));
  p.set_functional_level(FunctionalLevelToProto(position.functional_level));
  p.set_eselon(EselonToProto(position.eselon));
  p.set_non_asn_holder_name(position.non_asn_holder_name);
  if (position.version > 0) p.set_etag(rpc::EtagFor(position.version));
  return p;
}

v1::Employee ToProto(const EmployeeRecord& record) {
  const Employee& e = record.employee;
  v1::Employee p;
  p.set_id(e.id);
  p.set_kind(KindToProto(e.kind));
  p.set_nip(e.nip);
  p.set_name(e.name);
  p.set_sex(SexToProto(e.sex));
  rpc::DayToProto(e.birth_date, p.mutable_birth_date());
  p.set_rank(RankCode(e.rank));
  p.set_rank_label(RankDisplayLabel(e.rank));
  p.set_agency_id(e.agency_id);
  p.set_unit_id(e.unit_id);
  p.set_position_id(e.position_id);
  p.set_status(StatusToProto(e.status));
  if (record.appointment_date)
    rpc::DayToProto(*record.appointment_date, p.mutable_appointment_date());
  if (record.position_start_date) {
    rpc::DayToProto(*record.position_start_date, p.mutable_position_start_date());
  }
  if (record.version > 0) p.set_etag(rpc::EtagFor(record.version));
  rpc::TimeToProto(record.create_time, p.mutable_create_time());
  rpc::TimeToProto(record.update_time, p.mutable_update_time());
  p.set_siasn_id(e.siasn_id);
  if (e.kind == EmployeeKind::kPns) {
    p.set_pns_status(e.candidate ? v1::PNS_STATUS_CANDIDATE : v1::PNS_STATUS_DEFINITIVE);
  }
  return p;
}

v1::ActingOfficial ToProto(const ActingOfficial& acting) {
  v1::ActingOfficial p;
  p.set_id(acting.id);
  p.set_position_id(acting.position_id);
  p.set_employee_id(acting.employee_id);
  p.set_kind(acting.kind == Official::kPlh ? v1::ACTING_KIND_PLH : v1::ACTING_KIND_PLT);
  rpc::DayToProto(acting.start_date, p.mutable_start_date());
  rpc::DayToProto(acting.end_date, p.mutable_end_date());
  p.set_basis(acting.basis);
  p.set_agency_id(acting.agency_id);
  return p;
}

v1::Assignment ToProto(const AssignmentRecord& a) {
  v1::Assignment p;
  p.set_employee_id(a.employee_id);
  p.set_position_id(a.position_id);
  p.set_unit_id(a.unit_id);
  p.set_agency_id(a.agency_id);
  rpc::DayToProto(a.start_date, p.mutable_start_date());
  if (a.end_date) rpc::DayToProto(*a.end_date, p.mutable_end_date());
  p.set_reason(static_cast<v1::AssignmentReason>(static_cast<int>(a.reason) + 1));
  return p;
}

v1::AssessmentDelegation ToProto(const AssessmentDelegation& d) {
  v1::AssessmentDelegation p;
  p.set_id(d.id);
  p.set_agency_id(d.agency_id);
  p.set_unit_id(d.unit_id);
  p.set_delegate_employee_id(d.delegate_employee_id);
  rpc::DayToProto(d.start_date, p.mutable_start_date());
  if (d.end_date) rpc::DayToProto(*d.end_date, p.mutable_end_date());
  p.set_basis(d.basis);
  rpc::TimeToProto(d.create_time, p.mutable_create_time());
  return p;
}

v1::RegionalHead ToProto(const RegionalHead& h) {
  v1::RegionalHead p;
  p.set_id(h.id);
  p.set_agency_id(h.agency_id);
  p.set_name(h.name);
  p.set_title(h.title);
  p.set_kind(h.kind == RegionalHeadKind::kPj ? v1::REGIONAL_HEAD_KIND_PJ
                                             : v1::REGIONAL_HEAD_KIND_ELECTED);
  p.set_employee_id(h.employee_id);
  rpc::DayToProto(h.term_start, p.mutable_term_start());
  if (h.term_end) rpc::DayToProto(*h.term_end, p.mutable_term_end());
  p.set_unit_id(h.unit_id);
  p.set_basis(h.basis);
  if (h.version > 0) p.set_etag(rpc::EtagFor(h.version));
  rpc::TimeToProto(h.create_time, p.mutable_create_time());
  rpc::TimeToProto(h.update_time, p.mutable_update_time());
  return p;
}

absl::StatusOr<AssessmentDelegation> FromProto(const v1::AssessmentDelegation& p) {
  AssessmentDelegation d;
  d.id = p.id();
  d.agency_id = p.agency_id();
  d.unit_id = p.unit_id();
  d.delegate_employee_id = p.delegate_employee_id();
  ASSIGN_OR_RETURN(d.start_date, DayOf(p.start_date(), "start_date"));
  if (rpc::IsSet(p.end_date())) {
    ASSIGN_OR_RETURN(d.end_date, DayOf(p.end_date(), "end_date"));
  }
  d.basis = p.basis();
  d.create_time = rpc::TimeFromProto(p.create_time());
  return d;
}

absl::StatusOr<RegionalHead> FromProto(const v1::RegionalHead& p) {
  RegionalHead h;
  h.id = p.id();
  h.agency_id = p.agency_id();
  h.name = p.name();
  h.title = p.title();
  if (p.kind() == v1::REGIONAL_HEAD_KIND_ELECTED) {
    h.kind = RegionalHeadKind::kElected;
  } else if (p.kind() == v1::REGIONAL_HEAD_KIND_PJ) {
    h.kind = RegionalHeadKind::kPj;
  } else {
    return absl::InvalidArgumentError("kind: unspecified regional head kind");
  }
  h.employee_id = p.employee_id();
  ASSIGN_OR_RETURN(h.term_start, DayOf(p.term_start(), "term_start"));
  if (rpc::IsSet(p.term_end())) {
    ASSIGN_OR_RETURN(h.term_end, DayOf(p.term_end(), "term_end"));
  }
  h.unit_id = p.unit_id();
  h.basis = p.basis();
  ASSIGN_OR_RETURN(h.version, VersionOf(p.etag()));
  h.create_time = rpc::TimeFromProto(p.create_time());
  h.update_time = rpc::TimeFromProto(p.update_time());
  return h;
}

absl::StatusOr<Agency> FromProto(const v1::Agency& p) {
  Agency a;
  a.id = p.id();
  a.name = p.name();
  switch (p.kind()) {
    case v1::AGENCY_KIND_CENTRAL:
      a.kind = AgencyKind::kCentral;
      break;
    case v1::AGENCY_KIND_PROVINCE:
      a.kind = AgencyKind::kProvince;
      break;
    case v1::AGENCY_KIND_REGENCY:
      a.kind = AgencyKind::kRegency;
      break;
    case v1::AGENCY_KIND_CITY:
      a.kind = AgencyKind::kCity;
      break;
    default:
      return absl::InvalidArgumentError("kind: unspecified agency kind");
  }
  a.head_title = p.head_title();
  ASSIGN_OR_RETURN(a.version, VersionOf(p.etag()));
  a.create_time = rpc::TimeFromProto(p.create_time());
  a.update_time = rpc::TimeFromProto(p.update_time());
  return a;
}

absl::StatusOr<OrgUnit> FromProto(const v1::OrgUnit& p) {
  OrgUnit u;
  u.id = p.id();
  u.agency_id = p.agency_id();
  u.parent_id = p.parent_id();
  u.name = p.name();
  u.leader_position_id = p.leader_position_id();
  ASSIGN_OR_RETURN(u.eselon, EselonOf(p.eselon()));
  ASSIGN_OR_RETURN(u.version, VersionOf(p.etag()));
  u.create_time = rpc::TimeFromProto(p.create_time());
  u.update_time = rpc::TimeFromProto(p.update_time());
  if (rpc::IsSet(p.end_date())) {
    ASSIGN_OR_RETURN(u.end_date, DayOf(p.end_date(), "end_date"));
  }
  return u;
}

absl::StatusOr<Position> FromProto(const v1::Position& p) {
  Position pos;
  pos.id = p.id();
  pos.agency_id = p.agency_id();
  pos.unit_id = p.unit_id();
  pos.name = p.name();
  if (p.type() < v1::POSITION_TYPE_JPT_UTAMA || p.type() > v1::POSITION_TYPE_FUNGSIONAL) {
    return absl::InvalidArgumentError("type: unspecified position type");
  }
  pos.type = static_cast<PositionType>(static_cast<int>(p.type()) - 1);
  if (p.functional_level() < 0 || p.functional_level() > v1::FUNCTIONAL_LEVEL_PENYELIA) {
    return absl::InvalidArgumentError("functional_level: unknown level");
  }
  pos.functional_level = static_cast<FunctionalLevel>(static_cast<int>(p.functional_level()));
  ASSIGN_OR_RETURN(pos.eselon, EselonOf(p.eselon()));
  pos.non_asn_holder_name = p.non_asn_holder_name();
  ASSIGN_OR_RETURN(pos.version, VersionOf(p.etag()));
  return pos;
}

absl::StatusOr<EmployeeRecord> FromProto(const v1::Employee& p) {
  EmployeeRecord r;
  Employee& e = r.employee;
  e.id = p.id();
  if (p.kind() == v1::EMPLOYEE_KIND_PNS) {
    e.kind = EmployeeKind::kPns;
  } else if (p.kind() == v1::EMPLOYEE_KIND_PPPK) {
    e.kind = EmployeeKind::kPppk;
  } else {
    return absl::InvalidArgumentError("kind: unspecified employee kind");
  }
  e.nip = p.nip();
  e.name = p.name();
  e.sex = p.sex() == v1::SEX_FEMALE ? Sex::kFemale : Sex::kMale;
  ASSIGN_OR_RETURN(e.birth_date, DayOf(p.birth_date(), "birth_date"));
  ASSIGN_OR_RETURN(e.rank, RankOf(p.rank(), e.kind));
  e.agency_id = p.agency_id();
  e.unit_id = p.unit_id();
  e.position_id = p.position_id();
  if (p.status() < v1::EMPLOYEE_STATUS_ACTIVE || p.status() > v1::EMPLOYEE_STATUS_TRANSFERRED_OUT) {
    return absl::InvalidArgumentError("status: unspecified employee status");
  }
  e.status = static_cast<EmployeeStatus>(static_cast<int>(p.status()) - 1);
  if (rpc::IsSet(p.appointment_date())) {
    ASSIGN_OR_RETURN(r.appointment_date, DayOf(p.appointment_date(), "appointment_date"));
  }
  if (rpc::IsSet(p.position_start_date())) {
    ASSIGN_OR_RETURN(r.position_start_date, DayOf(p.position_start_date(), "position_start_date"));
  }
  ASSIGN_OR_RETURN(r.version, VersionOf(p.etag()));
  r.create_time = rpc::TimeFromProto(p.create_time());
  r.update_time = rpc::TimeFromProto(p.update_time());
  e.siasn_id = p.siasn_id();
  e.candidate = p.pns_status() == v1::PNS_STATUS_CANDIDATE;
  return r;
}

absl::StatusOr<ActingOfficial> FromProto(const v1::ActingOfficial& p) {
  ActingOfficial a;
  a.id = p.id();
  a.position_id = p.position_id();
  a.employee_id = p.employee_id();
  if (p.kind() == v1::ACTING_KIND_PLT) {
    a.kind = Official::kPlt;
  } else if (p.kind() == v1::ACTING_KIND_PLH) {
    a.kind = Official::kPlh;
  } else {
    return absl::InvalidArgumentError("kind: unspecified acting kind");
  }
  ASSIGN_OR_RETURN(a.start_date, DayOf(p.start_date(), "start_date"));
  ASSIGN_OR_RETURN(a.end_date, DayOf(p.end_date(), "end_date"));
  a.basis = p.basis();
  a.agency_id = p.agency_id();
  return a;
}

}  // namespace kinerja::employee::convert
