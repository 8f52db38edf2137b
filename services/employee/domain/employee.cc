#include "services/employee/domain/employee.h"

#include <array>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/person_name.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

constexpr std::array<std::pair<EmployeeStatus, std::string_view>, 7> kStatuses = {{
    {EmployeeStatus::kActive, "ACTIVE"},
    {EmployeeStatus::kOnLeave, "ON_LEAVE"},
    {EmployeeStatus::kSuspended, "SUSPENDED"},
    {EmployeeStatus::kRetired, "RETIRED"},
    {EmployeeStatus::kDeceased, "DECEASED"},
    {EmployeeStatus::kDismissed, "DISMISSED"},
    {EmployeeStatus::kTransferredOut, "TRANSFERRED_OUT"},
}};

struct IdFacts {
  absl::CivilDay birth_date;
  Sex sex;
  // PNS: first appointment year and month (digits 9-14); PPPK: year only (digits 9-12).
  absl::CivilMonth appointment;
  bool month_known = true;
};

absl::StatusOr<IdFacts> ParseId(const Employee& e, const NipOptions& options) {
  if (e.kind == EmployeeKind::kPns) {
    ASSIGN_OR_RETURN(NipInfo nip, ParseNip(e.nip, options));
    return IdFacts{nip.birth_date, nip.sex, nip.first_appointment, true};
  }
  ASSIGN_OR_RETURN(NiPppkInfo ni, ParseNiPppk(e.nip, options));
  return IdFacts{ni.birth_date, ni.sex, absl::CivilMonth(ni.appointment_year), false};
}

// "NIP" or "NI PPPK", as the messages name the id.
std::string_view IdName(EmployeeKind kind) {
  return kind == EmployeeKind::kPns ? "NIP" : "NI PPPK";
}

// The id's facts, or nullopt after recording why the id is invalid.
std::optional<IdFacts> CheckId(const Employee& e, const NipOptions& options,
                               std::vector<FieldViolation>* out) {
  absl::StatusOr<IdFacts> facts = ParseId(e, options);
  if (facts.ok()) return *facts;
  out->push_back(ViolationFromStatus("nip", facts.status()));
  return std::nullopt;
}

void CheckAgreement(const Employee& e, const IdFacts& facts, std::vector<FieldViolation>* out) {
  if (facts.sex != e.sex) {
    out->push_back(
        {"sex", absl::StrCat(ToAbsl(SexName(e.sex)), " disagrees with the ", ToAbsl(IdName(e.kind)),
                             ": its sex digit (position 15) says ", ToAbsl(SexName(facts.sex)))});
  }
  if (facts.birth_date != e.birth_date) {
    out->push_back(
        {"birth_date", absl::StrCat(absl::FormatCivilTime(e.birth_date), " disagrees with the ",
                                    ToAbsl(IdName(e.kind)), ": its birth date (positions 1-8) is ",
                                    absl::FormatCivilTime(facts.birth_date))});
  }
}

void CheckRank(const Employee& e, std::vector<FieldViolation>* out) {
  if (std::holds_alternative<std::monostate>(e.rank)) {
    out->push_back({"rank", "is required"});
  } else if (e.kind == EmployeeKind::kPns && !std::holds_alternative<Golongan>(e.rank)) {
    out->push_back({"rank", "a PNS has a golongan (I/a..IV/e), not a PPPK grade"});
  } else if (e.kind == EmployeeKind::kPppk && !std::holds_alternative<PppkGrade>(e.rank)) {
    out->push_back({"rank", "a PPPK has a grade (I..XVII), not a golongan"});
  }
  if (e.candidate && e.kind != EmployeeKind::kPns) {
    out->push_back({"candidate", "only a PNS can be a candidate (CPNS)"});
  }
}

void CheckRef(std::string_view field, std::string_view value, bool required,
              std::vector<FieldViolation>* out) {
  if (value.empty()) {
    if (required) out->push_back({std::string(field), "is required"});
    return;
  }
  if (value.size() > kMaxIdLength) {
    out->push_back({std::string(field), absl::StrCat("is longer than ", kMaxIdLength)});
    return;
  }
  for (char c : value) {
    if (c <= ' ' || c > '~') {
      out->push_back({std::string(field), "must be printable ASCII without spaces"});
      return;
    }
  }
}

}  // namespace

std::string_view EmployeeKindName(EmployeeKind kind) {
  return kind == EmployeeKind::kPns ? "PNS" : "PPPK";
}

absl::StatusOr<EmployeeKind> ParseEmployeeKind(std::string_view name) {
  if (name == "PNS") return EmployeeKind::kPns;
  if (name == "PPPK") return EmployeeKind::kPppk;
  return absl::InvalidArgumentError(absl::StrCat("kind: '", ToAbsl(name), "' is not PNS or PPPK"));
}

std::string_view EmployeeStatusName(EmployeeStatus status) {
  for (const auto& [value, name] : kStatuses) {
    if (value == status) return name;
  }
  return "";
}

absl::StatusOr<EmployeeStatus> ParseEmployeeStatus(std::string_view name) {
  for (const auto& [value, text] : kStatuses) {
    if (text == name) return value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("status: '", ToAbsl(name), "' is not a known employee status"));
}

bool IsInService(EmployeeStatus status) {
  return status == EmployeeStatus::kActive || status == EmployeeStatus::kOnLeave ||
         status == EmployeeStatus::kSuspended;
}

std::vector<FieldViolation> EmployeeViolations(const Employee& e, const NipOptions& options) {
  std::vector<FieldViolation> out;
  std::optional<IdFacts> facts = CheckId(e, options, &out);
  if (auto s = CheckPersonName(e.name); !s.ok()) out.push_back(ViolationFromStatus("name", s));
  if (facts) CheckAgreement(e, *facts, &out);
  CheckRank(e, &out);
  bool in_service = IsInService(e.status);
  CheckRef("position_id", e.position_id, in_service, &out);
  CheckRef("unit_id", e.unit_id, in_service, &out);
  CheckRef("agency_id", e.agency_id, true, &out);
  CheckRef("id", e.id, false, &out);
  CheckRef("siasn_id", e.siasn_id, false, &out);
  return out;
}

std::vector<FieldViolation> AppointmentViolations(const Employee& e,
                                                  absl::CivilDay appointment_date,
                                                  const NipOptions& options) {
  std::vector<FieldViolation> out;
  const absl::CivilMonth month(appointment_date);
  if (options.not_after && month > absl::CivilMonth(*options.not_after)) {
    out.push_back({"appointment_date",
                   absl::StrCat(absl::FormatCivilTime(appointment_date), " is in a month after ",
                                absl::FormatCivilTime(*options.not_after))});
    return out;
  }
  // Without not_after here: a future month in the id is the id's own violation.
  NipOptions id_options = options;
  id_options.not_after.reset();
  absl::StatusOr<IdFacts> facts = ParseId(e, id_options);
  if (!facts.ok()) return out;  // reported on "nip" by EmployeeViolations
  if (facts->month_known && facts->appointment != month) {
    out.push_back(
        {"appointment_date", absl::StrCat(absl::FormatCivilTime(appointment_date),
                                          " disagrees with the ", ToAbsl(IdName(e.kind)),
                                          ": its first appointment (TMT CPNS, positions 9-14) is ",
                                          absl::FormatCivilTime(facts->appointment))});
  } else if (!facts->month_known && facts->appointment.year() != month.year()) {
    out.push_back({"appointment_date", absl::StrCat(absl::FormatCivilTime(appointment_date),
                                                    " disagrees with the ", ToAbsl(IdName(e.kind)),
                                                    ": its appointment year (positions 9-12) is ",
                                                    facts->appointment.year())});
  }
  return out;
}

absl::Status ValidateEmployee(const Employee& employee, const NipOptions& options) {
  return ViolationsToStatus(EmployeeViolations(employee, options));
}

}  // namespace kinerja::employee
