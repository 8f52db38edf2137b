#include "services/employee/convert/wire.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/field_violation.h"
#include "shared/errors/errors.h"
#include "shared/rpc/enum_table.h"
#include "shared/text/text.h"

namespace kinerja::employee::convert {
namespace {

// A domain parse error ("golongan: ...") re-labelled with the request field.
absl::Status Relabel(std::string_view field, const absl::Status& status) {
  FieldViolation v = ViolationFromStatus(field, status);
  return errors::InvalidField(ToAbsl(v.field), ToAbsl(v.description));
}

using rpc::EnumFromProto;
using rpc::EnumTable;
using rpc::EnumToProto;

constexpr EnumTable<pb::EmployeeKind, EmployeeKind, 2> kKinds = {{
    {pb::EMPLOYEE_KIND_PNS, EmployeeKind::kPns},
    {pb::EMPLOYEE_KIND_PPPK, EmployeeKind::kPppk},
}};

constexpr EnumTable<pb::Sex, Sex, 2> kSexes = {{
    {pb::SEX_MALE, Sex::kMale},
    {pb::SEX_FEMALE, Sex::kFemale},
}};

constexpr EnumTable<pb::EmployeeStatus, EmployeeStatus, 7> kStatuses = {{
    {pb::EMPLOYEE_STATUS_ACTIVE, EmployeeStatus::kActive},
    {pb::EMPLOYEE_STATUS_ON_LEAVE, EmployeeStatus::kOnLeave},
    {pb::EMPLOYEE_STATUS_SUSPENDED, EmployeeStatus::kSuspended},
    {pb::EMPLOYEE_STATUS_RETIRED, EmployeeStatus::kRetired},
    {pb::EMPLOYEE_STATUS_DECEASED, EmployeeStatus::kDeceased},
    {pb::EMPLOYEE_STATUS_DISMISSED, EmployeeStatus::kDismissed},
    {pb::EMPLOYEE_STATUS_TRANSFERRED_OUT, EmployeeStatus::kTransferredOut},
}};

constexpr EnumTable<pb::PositionType, PositionType, 7> kPositionTypes = {{
    {pb::POSITION_TYPE_JPT_UTAMA, PositionType::kJptUtama},
    {pb::POSITION_TYPE_JPT_MADYA, PositionType::kJptMadya},
    {pb::POSITION_TYPE_JPT_PRATAMA, PositionType::kJptPratama},
    {pb::POSITION_TYPE_ADMINISTRATOR, PositionType::kAdministrator},
    {pb::POSITION_TYPE_PENGAWAS, PositionType::kPengawas},
    {pb::POSITION_TYPE_PELAKSANA, PositionType::kPelaksana},
    {pb::POSITION_TYPE_FUNGSIONAL, PositionType::kFungsional},
}};

constexpr EnumTable<pb::FunctionalLevel, FunctionalLevel, 9> kLevels = {{
    {pb::FUNCTIONAL_LEVEL_UNSPECIFIED, FunctionalLevel::kNone},
    {pb::FUNCTIONAL_LEVEL_AHLI_PERTAMA, FunctionalLevel::kAhliPertama},
    {pb::FUNCTIONAL_LEVEL_AHLI_MUDA, FunctionalLevel::kAhliMuda},
    {pb::FUNCTIONAL_LEVEL_AHLI_MADYA, FunctionalLevel::kAhliMadya},
    {pb::FUNCTIONAL_LEVEL_AHLI_UTAMA, FunctionalLevel::kAhliUtama},
    {pb::FUNCTIONAL_LEVEL_PEMULA, FunctionalLevel::kPemula},
    {pb::FUNCTIONAL_LEVEL_TERAMPIL, FunctionalLevel::kTerampil},
    {pb::FUNCTIONAL_LEVEL_MAHIR, FunctionalLevel::kMahir},
    {pb::FUNCTIONAL_LEVEL_PENYELIA, FunctionalLevel::kPenyelia},
}};

constexpr EnumTable<pb::ActingKind, Official::Acting, 2> kActing = {{
    {pb::ACTING_KIND_PLT, Official::kPlt},
    {pb::ACTING_KIND_PLH, Official::kPlh},
}};

}  // namespace

absl::StatusOr<EmployeeKind> KindFromProto(pb::EmployeeKind kind, std::string_view field) {
  return EnumFromProto(kKinds, kind, field);
}
pb::EmployeeKind KindToProto(EmployeeKind kind) { return EnumToProto(kKinds, kind); }

absl::StatusOr<Sex> SexFromProto(pb::Sex sex, std::string_view field) {
  return EnumFromProto(kSexes, sex, field);
}
pb::Sex SexToProto(Sex sex) { return EnumToProto(kSexes, sex); }

absl::StatusOr<EmployeeStatus> StatusFromProto(pb::EmployeeStatus status, std::string_view field) {
  return EnumFromProto(kStatuses, status, field);
}
pb::EmployeeStatus StatusToProto(EmployeeStatus status) { return EnumToProto(kStatuses, status); }

absl::StatusOr<PositionType> PositionTypeFromProto(pb::PositionType type, std::string_view field) {
  return EnumFromProto(kPositionTypes, type, field);
}
pb::PositionType PositionTypeToProto(PositionType type) {
  return EnumToProto(kPositionTypes, type);
}

absl::StatusOr<FunctionalLevel> FunctionalLevelFromProto(pb::FunctionalLevel level,
                                                         std::string_view field) {
  return EnumFromProto(kLevels, level, field);
}
pb::FunctionalLevel FunctionalLevelToProto(FunctionalLevel level) {
  return EnumToProto(kLevels, level);
}

absl::StatusOr<Official::Acting> ActingFromProto(pb::ActingKind kind, std::string_view field) {
  return EnumFromProto(kActing, kind, field);
}
pb::ActingKind ActingToProto(Official::Acting acting) {
  return acting == Official::kNone ? pb::ACTING_KIND_UNSPECIFIED : EnumToProto(kActing, acting);
}

absl::StatusOr<Rank> RankFromProto(std::string_view text, EmployeeKind kind,
                                   std::string_view field) {
  if (text.empty()) return errors::InvalidField(ToAbsl(field), "is required");
  if (kind == EmployeeKind::kPns) {
    absl::StatusOr<Golongan> golongan = Golongan::Parse(text);
    if (!golongan.ok()) return Relabel(field, golongan.status());
    return Rank(*golongan);
  }
  absl::StatusOr<PppkGrade> grade = PppkGrade::Parse(text);
  if (!grade.ok()) return Relabel(field, grade.status());
  return Rank(*grade);
}

std::string RankCode(const Rank& rank) {
  if (const auto* golongan = std::get_if<Golongan>(&rank)) return absl::StrCat(golongan->code());
  if (const auto* grade = std::get_if<PppkGrade>(&rank)) return std::string(grade->label());
  return "";
}

std::string RankDisplayLabel(const Rank& rank) {
  if (const auto* golongan = std::get_if<Golongan>(&rank)) {
    return absl::StrCat(ToAbsl(golongan->label()), " ", ToAbsl(golongan->pangkat()));
  }
  if (const auto* grade = std::get_if<PppkGrade>(&rank)) return std::string(grade->label());
  return "";
}

std::string RankDisplayLabel(std::string_view stored) {
  if (stored.empty()) return "";
  if (absl::StatusOr<Golongan> golongan = Golongan::Parse(stored); golongan.ok()) {
    return RankDisplayLabel(Rank(*golongan));
  }
  return std::string(stored);
}

absl::StatusOr<std::optional<Eselon>> EselonFromProto(std::string_view text,
                                                      std::string_view field) {
  if (text.empty()) return std::optional<Eselon>();
  absl::StatusOr<Eselon> eselon = ParseEselon(text);
  if (!eselon.ok()) return Relabel(field, eselon.status());
  return std::optional<Eselon>(*eselon);
}

std::string EselonToProto(const std::optional<Eselon>& eselon) {
  return eselon ? absl::StrCat(EselonCode(*eselon)) : std::string();
}

std::string RankCodeOf(std::string_view stored) {
  if (stored.empty()) return "";
  if (absl::StatusOr<Golongan> golongan = Golongan::Parse(stored); golongan.ok()) {
    return absl::StrCat(golongan->code());
  }
  if (absl::StatusOr<PppkGrade> grade = PppkGrade::Parse(stored); grade.ok()) {
    return std::string(grade->label());
  }
  return "";
}

pb::Capacity CapacityToProto(Official::Capacity capacity) {
  switch (capacity) {
    case Official::kDefinitive:
      return pb::CAPACITY_DEFINITIVE;
    case Official::kActingPlt:
      return pb::CAPACITY_PLT;
    case Official::kActingPlh:
      return pb::CAPACITY_PLH;
    case Official::kDelegated:
      return pb::CAPACITY_DELEGATED;
    case Official::kInterimHead:
      return pb::CAPACITY_PJ;
    case Official::kPoliticalHead:
      return pb::CAPACITY_POLITICAL_HEAD;
  }
  return pb::CAPACITY_UNSPECIFIED;
}

void OfficialToProto(const Official& official, const OfficialLabels& labels, pb::Official* out) {
  out->set_kind(official.kind == Official::kAsn ? pb::Official::KIND_ASN
                                                : pb::Official::KIND_NON_ASN);
  // A NON-ASN holder has no employee record; its internal holder id stays inside the service.
  if (official.kind == Official::kAsn) out->set_employee_id(official.employee_id);
  out->set_nip(official.nip);
  out->set_name(official.name);
  out->set_position_id(official.position_id);
  out->set_position_name(labels.position_name);
  out->set_unit_id(official.unit_id);
  out->set_unit_name(labels.unit_name);
  out->set_acting(ActingToProto(official.acting));
  out->set_rank_label(labels.rank_label);
  if (official.kind == Official::kAsn) out->set_rank_code(labels.rank_code);
  out->set_capacity(CapacityToProto(official.capacity));
}

}  // namespace kinerja::employee::convert
