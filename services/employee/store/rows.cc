#include "services/employee/store/rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "shared/text/text.h"

namespace kinerja::employee::store::internal {
namespace {

using db::DaysColumn;
using db::FieldView;
using db::MicrosColumn;
using db::OrDefault;
using db::QualifyColumns;

}  // namespace

std::optional<Eselon> EselonFromField(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  absl::StatusOr<Eselon> eselon = EselonFromCode(field.as<int>());
  if (!eselon.ok()) return std::nullopt;
  return *eselon;
}

std::optional<int> EselonParam(const std::optional<Eselon>& eselon) {
  if (!eselon) return std::nullopt;
  return EselonCode(*eselon);
}

std::optional<std::string> RankParam(const Rank& rank) {
  if (std::holds_alternative<std::monostate>(rank)) return std::nullopt;
  return std::string(RankLabel(rank));
}

Rank RankFromLabel(EmployeeKind kind, const pqxx::field& field) {
  if (field.is_null()) return std::monostate();
  std::string_view text = FieldView(field);
  if (kind == EmployeeKind::kPns) {
    absl::StatusOr<Golongan> golongan = Golongan::Parse(text);
    if (golongan.ok()) return *golongan;
  } else {
    absl::StatusOr<PppkGrade> grade = PppkGrade::Parse(text);
    if (grade.ok()) return *grade;
  }
  return std::monostate();
}

std::string_view ActingKindName(Official::Acting acting) {
  return acting == Official::kPlh ? "PLH" : "PLT";
}

Official::Acting ActingKindFromName(std::string_view name) {
  return name == "PLH" ? Official::kPlh : Official::kPlt;
}

// --- Agencies -----------------------------------------------------------------------------------

std::string AgencyColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat("$.id, $.name, $.kind, $.head_title, $.version, ",
                          MicrosColumn("create_time"), ", ", MicrosColumn("update_time")));
}

Agency AgencyFromRow(const pqxx::row& row) {
  Agency agency;
  agency.id = row[0].as<std::string>();
  agency.name = row[1].as<std::string>();
  agency.kind = OrDefault(ParseAgencyKind(FieldView(row[2])), AgencyKind::kCity);
  agency.head_title = row[3].as<std::string>();
  agency.version = row[4].as<int64_t>();
  agency.create_time = TimeFromField(row[5]);
  agency.update_time = TimeFromField(row[6]);
  return agency;
}

// --- Org units ----------------------------------------------------------------------------------

std::string OrgUnitColumns(std::string_view alias) {
  return QualifyColumns(
      alias,
      absl::StrCat("$.id, $.agency_id, $.parent_id, $.name, ",
                   "$.leader_position_id, $.eselon, $.version, ", MicrosColumn("create_time"), ", ",
                   MicrosColumn("update_time"), ", ", DaysColumn("end_date")));
}

OrgUnit OrgUnitFromRow(const pqxx::row& row) {
  OrgUnit unit;
  unit.id = row[0].as<std::string>();
  unit.agency_id = row[1].as<std::string>();
  unit.parent_id = TextOrEmpty(row[2]);
  unit.name = row[3].as<std::string>();
  unit.leader_position_id = TextOrEmpty(row[4]);
  unit.eselon = EselonFromField(row[5]);
  unit.version = row[6].as<int64_t>();
  unit.create_time = TimeFromField(row[7]);
  unit.update_time = TimeFromField(row[8]);
  unit.end_date = OptionalDayFromField(row[9]);
  return unit;
}

// --- Positions ----------------------------------------------------------------------------------

std::string PositionColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat("$.id, $.agency_id, $.unit_id, $.name, $.type, ",
                          "$.functional_level, $.eselon, $.non_asn_holder_name, ", "$.version, ",
                          MicrosColumn("create_time"), ", ", MicrosColumn("update_time")));
}

Position PositionFromRow(const pqxx::row& row) {
  Position position;
  position.id = row[0].as<std::string>();
  position.agency_id = row[1].as<std::string>();
  position.unit_id = row[2].as<std::string>();
  position.name = row[3].as<std::string>();
  position.type = OrDefault(ParsePositionType(FieldView(row[4])), PositionType::kPelaksana);
  position.functional_level =
      OrDefault(ParseFunctionalLevel(FieldView(row[5])), FunctionalLevel::kNone);
  position.eselon = EselonFromField(row[6]);
  position.non_asn_holder_name = row[7].as<std::string>();
  position.version = row[8].as<int64_t>();
  position.create_time = TimeFromField(row[9]);
  position.update_time = TimeFromField(row[10]);
  return position;
}

// --- Employees ----------------------------------------------------------------------------------

std::string EmployeeColumns(std::string_view alias) {
  return QualifyColumns(
      alias,
      absl::StrCat("$.id, $.nip, $.kind, $.candidate, $.name, $.sex, ", DaysColumn("birth_date"),
                   ", $.rank, $.status, $.agency_id, $.unit_id, $.position_id, ",
                   DaysColumn("appointment_date"), ", ", DaysColumn("position_start_date"),
                   ", $.siasn_id, $.version, ", MicrosColumn("create_time"), ", ",
                   MicrosColumn("update_time")));
}

EmployeeRecord EmployeeFromRow(const pqxx::row& row, int o) {
  EmployeeRecord record;
  Employee& e = record.employee;
  e.id = row[o + 0].as<std::string>();
  e.nip = row[o + 1].as<std::string>();
  e.kind = FieldView(row[o + 2]) == "PPPK" ? EmployeeKind::kPppk : EmployeeKind::kPns;
  e.candidate = row[o + 3].as<bool>();
  e.name = row[o + 4].as<std::string>();
  e.sex = FieldView(row[o + 5]) == "FEMALE" ? Sex::kFemale : Sex::kMale;
  e.birth_date = DayFromField(row[o + 6]);
  e.rank = RankFromLabel(e.kind, row[o + 7]);
  e.status = OrDefault(ParseEmployeeStatus(FieldView(row[o + 8])), EmployeeStatus::kActive);
  e.agency_id = row[o + 9].as<std::string>();
  e.unit_id = TextOrEmpty(row[o + 10]);
  e.position_id = TextOrEmpty(row[o + 11]);
  record.appointment_date = OptionalDayFromField(row[o + 12]);
  record.position_start_date = OptionalDayFromField(row[o + 13]);
  e.siasn_id = TextOrEmpty(row[o + 14]);
  record.version = row[o + 15].as<int64_t>();
  record.create_time = TimeFromField(row[o + 16]);
  record.update_time = TimeFromField(row[o + 17]);
  return record;
}

// --- Assignments --------------------------------------------------------------------------------

AssignmentRecord AssignmentFromRow(const pqxx::row& row) {
  AssignmentRecord a;
  a.employee_id = row[0].as<std::string>();
  a.position_id = row[1].as<std::string>();
  a.unit_id = row[2].as<std::string>();
  a.agency_id = row[3].as<std::string>();
  a.start_date = DayFromField(row[4]);
  a.end_date = OptionalDayFromField(row[5]);
  a.reason = OrDefault(ParseAssignmentReason(FieldView(row[6])), AssignmentReason::kInitial);
  return a;
}

// --- Acting officials ---------------------------------------------------------------------------

std::string ActingColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat("$.id, $.position_id, $.employee_id, $.kind, ", DaysColumn("start_date"),
                          ", ", DaysColumn("end_date"), ", $.basis, $.agency_id, ",
                          MicrosColumn("create_time")));
}

ActingOfficial ActingFromRow(const pqxx::row& row) {
  ActingOfficial a;
  a.id = row[0].as<std::string>();
  a.position_id = row[1].as<std::string>();
  a.employee_id = row[2].as<std::string>();
  a.kind = ActingKindFromName(FieldView(row[3]));
  a.start_date = DayFromField(row[4]);
  a.end_date = DayFromField(row[5]);
  a.basis = row[6].as<std::string>();
  a.agency_id = row[7].as<std::string>();
  a.create_time = TimeFromField(row[8]);
  return a;
}

// --- Errors -------------------------------------------------------------------------------------

}  // namespace kinerja::employee::store::internal
