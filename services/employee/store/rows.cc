#include "services/employee/store/rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "shared/db/audit.h"
#include "shared/events/outbox_writer.h"

namespace kinerja::employee::store::internal {
namespace {

// Values read back from CHECK-constrained columns always parse; the fallback only guards
// against a schema drift turning into undefined behaviour.
template <typename T>
T OrDefault(absl::StatusOr<T> parsed, T fallback) {
  return parsed.ok() ? *std::move(parsed) : fallback;
}

std::string_view View(const pqxx::field& field) {
  return std::string_view(field.c_str(), field.size());
}

std::optional<Eselon> EselonFromField(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  absl::StatusOr<Eselon> eselon = EselonFromCode(field.as<int>());
  if (!eselon.ok()) return std::nullopt;
  return *eselon;
}

// "alias.a, alias.b, ..." from "a, b, ..." (no alias when empty).
std::string Qualify(std::string_view alias, std::string_view columns_with_dollar) {
  return absl::StrReplaceAll(Absl(columns_with_dollar),
                             {{"$.", alias.empty() ? "" : absl::StrCat(Absl(alias), ".")}});
}

constexpr std::string_view kEpoch = " - DATE '1970-01-01')";
std::string Micros(std::string_view column) {
  return absl::StrCat("(extract(epoch FROM $.", Absl(column), ") * 1000000)::bigint");
}
std::string Days(std::string_view column) {
  return absl::StrCat("($.", Absl(column), Absl(kEpoch));
}

}  // namespace

std::string DayText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<std::string> DayText(const std::optional<absl::CivilDay>& day) {
  if (!day) return std::nullopt;
  return DayText(*day);
}

absl::CivilDay DayFromField(const pqxx::field& field) {
  return absl::CivilDay(1970, 1, 1) + field.as<int64_t>();
}

std::optional<absl::CivilDay> OptionalDayFromField(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return DayFromField(field);
}

absl::Time TimeFromField(const pqxx::field& field) {
  return absl::FromUnixMicros(field.as<int64_t>());
}

std::string TextOrEmpty(const pqxx::field& field) {
  if (field.is_null()) return std::string();
  return std::string(field.c_str(), field.size());
}

std::optional<std::string> NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
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
  std::string_view text = View(field);
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

std::string Params::Add(std::optional<std::string> value) {
  values_.push_back(std::move(value));
  return absl::StrCat("$", values_.size());
}

std::string LikePrefix(std::string_view prefix) {
  std::string out;
  out.reserve(prefix.size() + 1);
  for (char c : prefix) {
    if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::string ConditionText(const rpc::Condition& condition, std::string_view proto_prefix) {
  const std::string* text = std::get_if<std::string>(&condition.value);
  if (text == nullptr) return std::string();
  std::string_view view = *text;
  if (!proto_prefix.empty() && view.size() > proto_prefix.size() + 1 &&
      view.substr(0, proto_prefix.size()) == proto_prefix && view[proto_prefix.size()] == '_') {
    view.remove_prefix(proto_prefix.size() + 1);
  }
  return std::string(view);
}

std::string WhereClause(const std::vector<std::string>& conditions) {
  if (conditions.empty()) return std::string();
  return absl::StrCat(" WHERE ", absl::StrJoin(conditions, " AND "));
}

absl::Status UnsupportedCondition(const rpc::Condition& condition) {
  return errors::InvalidField(
      "filter", absl::StrCat("'", condition.field, " ", Absl(rpc::FilterOpSymbol(condition.op)),
                             "' is not supported by this list"));
}

// --- Agencies -----------------------------------------------------------------------------------

std::string AgencyColumns(std::string_view alias) {
  return Qualify(alias, absl::StrCat("$.id, $.name, $.kind, $.head_title, $.version, ",
                                     Micros("create_time"), ", ", Micros("update_time")));
}

Agency AgencyFromRow(const pqxx::row& row) {
  Agency agency;
  agency.id = row[0].as<std::string>();
  agency.name = row[1].as<std::string>();
  agency.kind = OrDefault(ParseAgencyKind(View(row[2])), AgencyKind::kCity);
  agency.head_title = row[3].as<std::string>();
  agency.version = row[4].as<int64_t>();
  agency.create_time = TimeFromField(row[5]);
  agency.update_time = TimeFromField(row[6]);
  return agency;
}

// --- Org units ----------------------------------------------------------------------------------

std::string OrgUnitColumns(std::string_view alias) {
  return Qualify(alias, absl::StrCat("$.id, $.agency_id, $.parent_id, $.name, ",
                                     "$.leader_position_id, $.eselon, $.version, ",
                                     Micros("create_time"), ", ", Micros("update_time")));
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
  return unit;
}

// --- Positions ----------------------------------------------------------------------------------

std::string PositionColumns(std::string_view alias) {
  return Qualify(
      alias, absl::StrCat("$.id, $.agency_id, $.unit_id, $.name, $.type, ",
                          "$.functional_level, $.eselon, $.non_asn_holder_name, ", "$.version, ",
                          Micros("create_time"), ", ", Micros("update_time")));
}

Position PositionFromRow(const pqxx::row& row) {
  Position position;
  position.id = row[0].as<std::string>();
  position.agency_id = row[1].as<std::string>();
  position.unit_id = row[2].as<std::string>();
  position.name = row[3].as<std::string>();
  position.type = OrDefault(ParsePositionType(View(row[4])), PositionType::kPelaksana);
  position.functional_level = OrDefault(ParseFunctionalLevel(View(row[5])), FunctionalLevel::kNone);
  position.eselon = EselonFromField(row[6]);
  position.non_asn_holder_name = row[7].as<std::string>();
  position.version = row[8].as<int64_t>();
  position.create_time = TimeFromField(row[9]);
  position.update_time = TimeFromField(row[10]);
  return position;
}

// --- Employees ----------------------------------------------------------------------------------

std::string EmployeeColumns(std::string_view alias) {
  return Qualify(
      alias, absl::StrCat("$.id, $.nip, $.kind, $.candidate, $.name, $.sex, ", Days("birth_date"),
                          ", $.rank, $.status, $.agency_id, $.unit_id, $.position_id, ",
                          Days("appointment_date"), ", ", Days("position_start_date"),
                          ", $.siasn_id, $.version, ", Micros("create_time"), ", ",
                          Micros("update_time")));
}

EmployeeRecord EmployeeFromRow(const pqxx::row& row, int o) {
  EmployeeRecord record;
  Employee& e = record.employee;
  e.id = row[o + 0].as<std::string>();
  e.nip = row[o + 1].as<std::string>();
  e.kind = View(row[o + 2]) == "PPPK" ? EmployeeKind::kPppk : EmployeeKind::kPns;
  e.candidate = row[o + 3].as<bool>();
  e.name = row[o + 4].as<std::string>();
  e.sex = View(row[o + 5]) == "FEMALE" ? Sex::kFemale : Sex::kMale;
  e.birth_date = DayFromField(row[o + 6]);
  e.rank = RankFromLabel(e.kind, row[o + 7]);
  e.status = OrDefault(ParseEmployeeStatus(View(row[o + 8])), EmployeeStatus::kActive);
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

std::string AssignmentColumns(std::string_view alias) {
  return Qualify(alias, absl::StrCat("$.employee_id, $.position_id, $.unit_id, $.agency_id, ",
                                     Days("valid_from"), ", ", Days("valid_to"), ", $.reason"));
}

AssignmentRecord AssignmentFromRow(const pqxx::row& row) {
  AssignmentRecord a;
  a.employee_id = row[0].as<std::string>();
  a.position_id = row[1].as<std::string>();
  a.unit_id = row[2].as<std::string>();
  a.agency_id = row[3].as<std::string>();
  a.start_date = DayFromField(row[4]);
  a.end_date = OptionalDayFromField(row[5]);
  a.reason = OrDefault(ParseAssignmentReason(View(row[6])), AssignmentReason::kInitial);
  return a;
}

// --- Acting officials ---------------------------------------------------------------------------

std::string ActingColumns(std::string_view alias) {
  return Qualify(
      alias, absl::StrCat("$.id, $.position_id, $.employee_id, $.kind, ", Days("start_date"), ", ",
                          Days("end_date"), ", $.basis, $.agency_id, ", Micros("create_time")));
}

ActingOfficial ActingFromRow(const pqxx::row& row) {
  ActingOfficial a;
  a.id = row[0].as<std::string>();
  a.position_id = row[1].as<std::string>();
  a.employee_id = row[2].as<std::string>();
  a.kind = ActingKindFromName(View(row[3]));
  a.start_date = DayFromField(row[4]);
  a.end_date = DayFromField(row[5]);
  a.basis = row[6].as<std::string>();
  a.agency_id = row[7].as<std::string>();
  a.create_time = TimeFromField(row[8]);
  return a;
}

// --- Events and audit
// ------------------------------------------------------------------------------

void Emit(pqxx::work& tx, const WriteOptions& write, const char* type, const char* aggregate_type,
          const std::string& aggregate_id, const google::protobuf::Message& payload) {
  events::AppendEvent(tx, write.ctx, {type, aggregate_type, aggregate_id, &payload});
}

void Audit(pqxx::work& tx, const WriteOptions& write, const char* action, const char* resource_type,
           const std::string& resource_id, std::optional<std::string> before,
           std::optional<std::string> after) {
  db::AppendAudit(tx, write.ctx,
                  {action, resource_type, resource_id, std::move(before), std::move(after)});
}

// --- Errors -------------------------------------------------------------------------------------

absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view what) {
  if (!expected || *expected == actual) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("etag: ", Absl(what),
                                         " was changed by someone else (now version ", actual,
                                         ", expected ", *expected, "); read it again"));
}

absl::Status ReferenceNotFound(std::string_view field, std::string_view what, std::string_view id) {
  return errors::RuleViolation(
      "REFERENCE_NOT_FOUND",
      absl::StrCat(Absl(field), ": ", Absl(what), " ", Absl(id), " does not exist"));
}

}  // namespace kinerja::employee::store::internal
