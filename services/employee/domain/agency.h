// Agencies (instansi): the record, its kind, and the rules for creating and updating one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kinerja::employee {

// Kind of agency (instansi). Stable names "CENTRAL", "PROVINCE", "REGENCY", "CITY".
enum class AgencyKind { kCentral, kProvince, kRegency, kCity };
std::string_view AgencyKindName(AgencyKind kind);
absl::StatusOr<AgencyKind> ParseAgencyKind(std::string_view name);  // "kind: ..."

struct Agency {
  std::string id = {};  // required on create (e.g. SIASN instansiId); immutable
  std::string name = {};
  AgencyKind kind = AgencyKind::kCity;
  std::string head_title = {};  // e.g. "Wali Kota"
  int64_t version = 0;          // output; rpc::EtagFor(version)
  absl::Time create_time = {};  // output
  absl::Time update_time = {};  // output
};

struct AgencyUpdate {
  std::string id = {};
  std::optional<std::string> name = {};
  std::optional<AgencyKind> kind = {};
  std::optional<std::string> head_title = {};
  std::optional<int64_t> expected_version = {};  // nullopt = no etag check
};

// Name required, <= 200 bytes; head_title <= 100 bytes (INVALID_ARGUMENT naming the field).
absl::Status ValidateAgency(const Agency& agency);
// A new agency: its id is required (<= kMaxIdLength), then ValidateAgency.
absl::Status ValidateNewAgency(const Agency& agency);

// Applies the update's fields to the locked agency and validates the result. Returns false when
// nothing changes (then the store writes nothing: no version bump, no event).
absl::StatusOr<bool> ApplyAgencyUpdate(Agency& agency, const AgencyUpdate& update);

}  // namespace kinerja::employee
