// Regional heads (kepala daerah: gubernur, bupati, wali kota) and interim heads (Pj,
// penjabat) of a regional agency, each for a term (DOMAIN.md "Organisation": a political head
// is not a civil-service position type; a Pj is an ASN with a NIP). A head leads the agency's
// root unit for the term; OrgSnapshot::LeaderOf makes it the unit's occupant on those days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace kinerja::employee {

enum class RegionalHeadKind {
  kElected,  // NON-ASN political head: a name, no employee record, no NIP
  kPj,       // penjabat: an ASN employee (employee_id)
};
std::string_view RegionalHeadKindName(RegionalHeadKind kind);  // "ELECTED", "PJ"
absl::StatusOr<RegionalHeadKind> ParseRegionalHeadKind(std::string_view name);

struct RegionalHead {
  std::string id = {};         // empty on create: the store assigns one
  std::string agency_id = {};  // empty on create: taken from the unit
  std::string name = {};       // elected: required; Pj: the employee's name (output)
  std::string title = {};      // "Wali Kota", ...; defaults to the agency's head_title
  RegionalHeadKind kind = RegionalHeadKind::kElected;
  std::string employee_id = {};  // Pj only
  absl::CivilDay term_start = {};
  std::optional<absl::CivilDay> term_end = {};  // INCLUSIVE; nullopt: open
  std::string unit_id = {};                     // the root unit led
  std::string basis = {};
  int64_t version = 0;
  absl::Time create_time = {};
  absl::Time update_time = {};
};

// Another term at the same unit.
struct TermSpan {
  std::string id;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;  // inclusive
};

// What the store found for a new head (the unit row locked).
struct RegionalHeadFacts {
  std::optional<std::string> unit_agency_id = {};  // nullopt: no such unit
  bool unit_is_root = false;
  std::string agency_head_title = {};
  bool employee_exists = false;  // Pj's employee_id
  std::vector<TermSpan> unit_terms = {};
};

// Input checks: id <= kMaxIdLength, unit_id required; elected: name required (normalised by
// the caller), no employee_id; Pj: employee_id required; term_end not before term_start;
// title <= 100 bytes, basis <= 500 (INVALID_ARGUMENT naming the field).
absl::Status ValidateNewRegionalHead(const RegionalHead& head);

// The unit exists (REFERENCE_NOT_FOUND), is a root unit (NOT_A_ROOT_UNIT) of the agency given
// (DIFFERENT_AGENCY); a Pj's employee exists (REFERENCE_NOT_FOUND; a Pj may come from another
// agency, e.g. a provincial official); the term shares no day with another term at the unit
// (TERM_OVERLAPS). Sets agency_id and, when empty, title from the agency's head_title.
absl::Status PlaceRegionalHead(RegionalHead& head, const RegionalHeadFacts& facts);

struct RegionalHeadUpdate {
  std::string id = {};
  std::optional<std::string> name = {};  // elected only
  std::optional<std::string> title = {};
  std::optional<std::optional<absl::CivilDay>> term_end = {};  // nullopt inside: reopen
  std::optional<std::string> basis = {};
  std::optional<int64_t> expected_version = {};
};

// Applies an update to the locked head: a Pj's name is the employee's (INVALID_ARGUMENT
// name); name required for elected heads; term_end not before term_start; a longer term may
// not reach another term of the unit (TERM_OVERLAPS, against `unit_terms`). Returns false
// when nothing changes.
absl::StatusOr<bool> ApplyRegionalHeadUpdate(RegionalHead& head, const RegionalHeadUpdate& update,
                                             const std::vector<TermSpan>& unit_terms);

}  // namespace kinerja::employee
