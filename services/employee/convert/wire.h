// Proto <-> domain conversion of the employee service's values: dates, timestamps, enums, ranks
// and officials (library employee_convert, used by the api layer and by the store's payloads).
// Conversions from the wire validate and name the offending request field
// (INVALID_ARGUMENT "employee.birth_date: ..."); conversions to the wire cannot fail.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <google/protobuf/timestamp.pb.h>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/type/date.pb.h"
#include "kinerja/employee/v1/resources.pb.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/official.h"
#include "services/employee/domain/position.h"
#include "services/employee/domain/rank.h"
#include "services/employee/domain/sex.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::employee::convert {

namespace pb = ::kinerja::employee::v1;

// --- Dates and times (shared/rpc/proto_time.h) -------------------------------------------
using rpc::DayFromProto;
using rpc::DayToProto;
using rpc::IsSet;
using rpc::OptionalDayFromProto;
using rpc::TimeToProto;
using rpc::TodayInJakarta;

// --- Enums -------------------------------------------------------------------------------
// FromProto: UNSPECIFIED and unknown numbers are INVALID_ARGUMENT naming `field`.
absl::StatusOr<EmployeeKind> KindFromProto(pb::EmployeeKind kind, std::string_view field);
pb::EmployeeKind KindToProto(EmployeeKind kind);

absl::StatusOr<Sex> SexFromProto(pb::Sex sex, std::string_view field);
pb::Sex SexToProto(Sex sex);

absl::StatusOr<EmployeeStatus> StatusFromProto(pb::EmployeeStatus status, std::string_view field);
pb::EmployeeStatus StatusToProto(EmployeeStatus status);

absl::StatusOr<PositionType> PositionTypeFromProto(pb::PositionType type, std::string_view field);
pb::PositionType PositionTypeToProto(PositionType type);

// UNSPECIFIED is kNone (a level is only meaningful for functional positions).
absl::StatusOr<FunctionalLevel> FunctionalLevelFromProto(pb::FunctionalLevel level,
                                                         std::string_view field);
pb::FunctionalLevel FunctionalLevelToProto(FunctionalLevel level);

// Plt or Plh; UNSPECIFIED is an error (kNone is not an acting kind).
absl::StatusOr<Official::Acting> ActingFromProto(pb::ActingKind kind, std::string_view field);
pb::ActingKind ActingToProto(Official::Acting acting);

// --- Ranks and echelons --------------------------------------------------------------------
// PNS: golongan code or label ("31", "III/a"); PPPK: grade ("IX" or "9").
absl::StatusOr<Rank> RankFromProto(std::string_view text, EmployeeKind kind,
                                   std::string_view field);
// Wire form of a rank: golongan code ("31") or PPPK grade ("IX"); "" when not recorded.
std::string RankCode(const Rank& rank);
// Human label: "III/a Penata Muda" or "IX"; "" when not recorded.
std::string RankDisplayLabel(const Rank& rank);
// The same from a stored rank label or code ("III/a", "31", "IX"); other text is kept as is.
std::string RankDisplayLabel(std::string_view stored);

// "" or a SIASN eselon code / label ("22", "II.b"). Empty stays nullopt.
absl::StatusOr<std::optional<Eselon>> EselonFromProto(std::string_view text,
                                                      std::string_view field);
// SIASN code ("22"), "" for nullopt.
std::string EselonToProto(const std::optional<Eselon>& eselon);

// --- Officials ---------------------------------------------------------------------------
// Names of the Official's position and unit and the rank label come from the caller (the
// store knows them); the rest is the domain's Official.
struct OfficialLabels {
  std::string position_name;
  std::string unit_name;
  std::string rank_label;
  std::string rank_code;  // "41" (golongan code) or "IX" (PPPK grade); "" for NON-ASN
};

// The national code of a stored rank label or code: "IV/a" or "41" -> "41", "IX" -> "IX"; ""
// when empty or unknown.
std::string RankCodeOf(std::string_view stored);

pb::Capacity CapacityToProto(Official::Capacity capacity);
void OfficialToProto(const Official& official, const OfficialLabels& labels, pb::Official* out);

}  // namespace kinerja::employee::convert
