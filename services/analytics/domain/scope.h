// What a report covers (kinerja.analytics.v1.ReportScope) as the domain sees it: the scope a
// caller asks for, the read model's facts about the unit and period it names, and the effective
// scope the store reads after the access rule (access.h) has narrowed it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace kinerja::analytics {

inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;

// The scope as requested (ReportScope's fields).
struct RequestedScope {
  int year = 0;
  std::string agency_id = {};
  std::string unit_id = {};
  std::string position_type = {};
  std::string period_id = {};
};

// INVALID_ARGUMENT naming "<field>" when `year` is outside 2000..2100.
absl::Status ValidateYear(int year, std::string_view field);

// INVALID_ARGUMENT naming each bad field under `prefix` ("scope."): year outside 2000..2100, or
// missing when `year_required` and no period_id names it; position_type not an UPPER_SNAKE name
// (A-Z first, then A-Z, 0-9, _; at most 64 characters).
absl::Status ValidateScope(const RequestedScope& scope, bool year_required,
                           std::string_view prefix = "scope.");

// A unit of the organisation tree as the read model holds it.
struct UnitFacts {
  std::string unit_id = {};
  std::string agency_id = {};
  std::string name = {};
  std::string leader_position_id = {};
  // From the agency's root unit down to this unit (itself last).
  std::vector<std::string> path = {};
  // Abolished from this day (the unit leads nobody from it on); nullopt while it exists.
  std::optional<absl::CivilDay> end_date = {};
};

// A period (one agency's year).
struct PeriodFacts {
  std::string period_id = {};
  std::string agency_id = {};
  int year = 0;
};

// One part of an effective scope: every agency, some agencies, or one unit's subtree.
struct ScopePart {
  bool all_agencies = false;
  // The agencies read (for a subtree: the root unit's agency). Empty with all_agencies.
  std::vector<std::string> agencies = {};
  // Non-empty: only this unit and the units below it.
  std::string root_unit = {};
  // Elements of the root unit's path (1 for an agency's root unit); 0 without root_unit.
  int root_depth = 0;

  friend bool operator==(const ScopePart&, const ScopePart&) = default;
};

// What the store reads: the union of `parts` (disjoint, never empty) in `year` (the period's
// when period_id is set), restricted to `position_type` when set.
struct EffectiveScope {
  int year = 0;
  std::string period_id = {};
  std::string position_type = {};
  std::vector<ScopePart> parts = {};
};

}  // namespace kinerja::analytics
