// Who may read which analytics reports (analytics_service.proto, the service comment), once for
// the gRPC handlers and the HTTP routes:
//  - HR admins (hr_admin): their own agency;
//  - unit leaders (unit_leader): the subtree of each unit whose leader position they hold on the
//    day, definitively (an employee record with their NIP in that position, active or on leave)
//    or as Plt/Plh (an acting appointment for that position covering the day). The role alone
//    grants nothing, nor does the position without the role;
//  - auditors and the national role (auditor), and services: every agency;
//  - the public, and employees without another role: no report but the transparency report.
// A caller with several grants (an HR admin who is also Plt of a unit in another agency) reads
// their union.
//
// The store supplies the facts (the requested unit and period, the positions and units the
// caller's NIP leads); the rule is here. Denials are PERMISSION_DENIED (shared/auth
// access_predicates' Denied).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/analytics/domain/scope.h"
#include "shared/auth/principal.h"

namespace kinerja::analytics {

// What the read model knows of the positions a NIP holds and the units those positions lead.
struct LeaderFacts {
  // Employee records with the caller's NIP (a NIP may have had several records over time).
  struct Held {
    std::string position_id = {};
    std::string status = {};  // the employee service's stable name: "ACTIVE", "RETIRED", ...
  };
  std::vector<Held> held = {};
  // Plt / Plh appointments of those employee records.
  struct Acting {
    std::string position_id = {};
    absl::CivilDay start_date = {};
    std::optional<absl::CivilDay> end_date = {};  // inclusive; nullopt: open-ended
  };
  std::vector<Acting> acting = {};
  // The units whose leader position is one of the positions above.
  std::vector<UnitFacts> units = {};
};

// The units the facts' NIP leads on `day`: a unit not abolished by then (end_date after `day`)
// whose leader position the NIP holds definitively (status ACTIVE or ON_LEAVE) or through an
// acting appointment covering `day`. In the order of facts.units, without repeats.
std::vector<UnitFacts> UnitsLedOnDay(const LeaderFacts& facts, absl::CivilDay day);

// The read model's facts about a request.
struct ScopeFacts {
  std::optional<UnitFacts> unit = {};      // the requested unit (set when unit_id is)
  std::optional<PeriodFacts> period = {};  // the requested period (set when period_id is)
  LeaderFacts leader = {};                 // the caller's NIP's positions (unit leaders only)
};

// The scope `caller` reads for `requested` (already validated, ValidateScope) on `day`:
//  - a period sets the year and agency (INVALID_ARGUMENT "scope.year" / "scope.period_id" when
//    they disagree with the requested year or agency);
//  - a unit is read as its subtree (INVALID_ARGUMENT "scope.unit_id" for a unit of another
//    agency than the requested one); allowed to a caller who reads its agency or leads the unit
//    or a unit above it;
//  - an agency is read whole by who reads that agency; a unit leader asking for their agency
//    reads the subtrees they lead in it (narrowed, not refused);
//  - no agency: every agency the caller may read (auditors: all; HR admins: theirs; unit
//    leaders: their subtrees).
// PERMISSION_DENIED otherwise. Subtrees are returned disjoint: a led unit inside another led
// unit, or inside an agency read whole, is not repeated.
absl::StatusOr<EffectiveScope> ResolveScope(const auth::Principal& caller,
                                            const RequestedScope& requested,
                                            const ScopeFacts& facts, absl::CivilDay day);

// The event streams' state (GetStreamStatus): any authenticated caller but public-only ones.
absl::Status CanReadStreamStatus(const auth::Principal& caller);

}  // namespace kinerja::analytics
