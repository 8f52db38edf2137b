#include "services/review/api/support.h"

#include "absl/strings/str_cat.h"
#include "services/review/domain/credit_points.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {

namespace ev1 = ::kinerja::employee::v1;

absl::Status RequireId(const std::string& id, const char* field) {
  if (id.empty()) return errors::InvalidField(field, "is required");
  return absl::OkStatus();
}

absl::Status AccessRefusal(absl::Status status) {
  if (status.ok()) return status;
  const std::optional<std::string> reason = errors::ReasonOf(status);
  if (!reason.has_value()) return status;
  static const char* const kAccess[] = {"NOT_ASSESSOR_OF_THE_DAY", "NOT_ASSESSOR_SUPERIOR",
                                        "NOT_PARENT_UNIT_LEADER",  "OWN_ASSESSMENT",
                                        "NOT_OWN_ASSESSMENT",      "NOT_OBJECTION_PARTY"};
  for (const char* access : kAccess) {
    if (*reason == access) {
      return errors::WithReason(absl::PermissionDeniedError(status.message()), *reason);
    }
  }
  return status;
}

OfficialRecord OfficialFrom(const ev1::Official& o) {
  OfficialRecord out;
  out.official.employee_id = o.employee_id();
  out.official.nip = o.nip();
  out.official.name = o.name();
  out.official.position_name = o.position_name();
  out.official.unit_id = o.unit_id();
  out.official.unit_name = o.unit_name();
  out.official.rank_code = o.rank_code();
  out.official.non_asn =
      o.kind() == ev1::Official::KIND_NON_ASN || o.capacity() == ev1::CAPACITY_POLITICAL_HEAD;
  switch (o.capacity()) {
    case ev1::CAPACITY_PLT:
      out.official.capacity = Capacity::kPlt;
      break;
    case ev1::CAPACITY_PLH:
      out.official.capacity = Capacity::kPlh;
      break;
    case ev1::CAPACITY_DELEGATED:
      out.official.capacity = Capacity::kDelegated;
      break;
    case ev1::CAPACITY_PJ:
      out.official.capacity = Capacity::kPj;
      break;
    default:
      out.official.capacity = Capacity::kDefinitive;
  }
  out.position_id = o.position_id();
  out.rank_label = o.rank_label();
  return out;
}

OfficialRecord OfficialFrom(const goals::v1::PlanPerson& p) {
  OfficialRecord out;
  out.official.employee_id = p.employee_id();
  out.official.nip = p.nip();
  out.official.name = p.name();
  out.official.position_name = p.position_name();
  out.official.unit_id = p.unit_id();
  out.official.unit_name = p.unit_name();
  out.official.rank_code = p.rank_code();
  out.official.non_asn = p.non_asn();
  out.position_id = p.position_id();
  out.rank_label = p.rank_label();
  return out;
}

absl::StatusOr<LineOfTheDay> LineOf(clients::EmployeeClient& employees,
                                    const std::string& employee_id, const std::string& position_id,
                                    absl::CivilDay day) {
  ASSIGN_OR_RETURN(ev1::ReportingLine line,
                   employees.GetReportingLine(employee_id, day, position_id));
  if (!line.has_assessor()) {
    return errors::RuleViolation(
        "NO_ASSESSOR", absl::StrCat("the employee service finds no assessor for employee ",
                                    employee_id, " on ", absl::FormatCivilTime(day)));
  }
  LineOfTheDay out;
  out.assessor = OfficialFrom(line.assessor());
  if (line.has_assessor_superior()) out.assessor_superior = OfficialFrom(line.assessor_superior());
  return out;
}

}  // namespace kinerja::review::api

namespace kinerja::review::api {

absl::StatusOr<UnitLeaders> LeadersOf(clients::EmployeeClient& employees, const ev1::OrgUnit& unit,
                                      absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::vector<ev1::ReportingLine> lines,
                   employees.ReportingLinesInSubtree(unit.id(), day));
  UnitLeaders out;
  const ev1::ReportingLine* head = nullptr;
  for (const ev1::ReportingLine& line : lines) {
    if (line.employee().unit_id() == unit.id() &&
        line.employee().position_id() == unit.leader_position_id() &&
        !unit.leader_position_id().empty()) {
      head = &line;
      out.head_nip = line.employee().nip();
    }
  }
  const auto unknown = [&] {
    return errors::RuleViolation("UNIT_LEADER_UNKNOWN",
                                 absl::StrCat("nobody is found leading above unit ", unit.id(),
                                              " on ", absl::FormatCivilTime(day)));
  };
  if (!unit.parent_id().empty()) {
    if (head != nullptr && head->has_assessor()) {
      out.leader_above = OfficialFrom(head->assessor());
      return out;
    }
    if (lines.empty() || unit.leader_position_id().empty()) return unknown();
    ASSIGN_OR_RETURN(ev1::ReportingLine as_head,
                     employees.GetReportingLine(lines.front().employee().employee_id(), day,
                                                unit.leader_position_id()));
    if (!as_head.has_assessor()) return unknown();
    out.leader_above = OfficialFrom(as_head.assessor());
    return out;
  }
  // The root unit: its own occupant, the assessor of whoever leads a child unit of it.
  for (const ev1::ReportingLine& line : lines) {
    if (line.unit_path_size() < 2) continue;
    ASSIGN_OR_RETURN(ev1::OrgUnit child, employees.GetOrgUnit(line.unit_path(1)));
    if (child.leader_position_id().empty()) continue;
    ASSIGN_OR_RETURN(
        ev1::ReportingLine as_child_head,
        employees.GetReportingLine(line.employee().employee_id(), day, child.leader_position_id()));
    if (!as_child_head.has_assessor()) continue;
    out.leader_above = OfficialFrom(as_child_head.assessor());
    return out;
  }
  return unknown();
}

std::optional<int64_t> CreditPointsOf(const AssessmentRecord& record) {
  const Assessment& a = record.assessment;
  if (a.kind != AssessmentKind::kAnnual || record.position_type != "FUNGSIONAL" ||
      !a.predicate.has_value()) {
    return std::nullopt;
  }
  absl::StatusOr<FunctionalLevel> level =
      ParseFunctionalLevel(record.functional_level, "functional_level");
  if (!level.ok()) return std::nullopt;
  absl::StatusOr<int64_t> points =
      CreditPointsThousandths(*level, *a.predicate, MonthsCovered(a.window));
  if (!points.ok()) return std::nullopt;
  return *points;
}

}  // namespace kinerja::review::api
