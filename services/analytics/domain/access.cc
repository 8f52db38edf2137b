#include "services/analytics/domain/access.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/auth/access_predicates.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics {
namespace {

constexpr char kReadReports[] = "read analytics reports";
constexpr char kReportRoles[] =
    "the hr_admin role (own agency), the unit_leader role while holding a unit's leader position, "
    "or the auditor role";

bool HoldsDefinitively(const LeaderFacts& facts, const std::string& position_id) {
  return std::any_of(facts.held.begin(), facts.held.end(), [&](const LeaderFacts::Held& h) {
    return h.position_id == position_id && (h.status == "ACTIVE" || h.status == "ON_LEAVE");
  });
}

bool ActsOn(const LeaderFacts& facts, const std::string& position_id, absl::CivilDay day) {
  return std::any_of(facts.acting.begin(), facts.acting.end(), [&](const LeaderFacts::Acting& a) {
    return a.position_id == position_id && a.start_date <= day &&
           (!a.end_date.has_value() || day <= *a.end_date);
  });
}

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

ScopePart WholeAgency(const std::string& agency_id) { return ScopePart{.agencies = {agency_id}}; }

ScopePart Subtree(const UnitFacts& unit) {
  return ScopePart{.agencies = {unit.agency_id},
                   .root_unit = unit.unit_id,
                   .root_depth = static_cast<int>(unit.path.size())};
}

// Subtrees of `units` that are not inside another of them nor inside an agency in
// `whole_agencies`, in order.
std::vector<ScopePart> DisjointSubtrees(const std::vector<UnitFacts>& units,
                                        const std::vector<std::string>& whole_agencies) {
  std::vector<ScopePart> parts;
  for (size_t i = 0; i < units.size(); ++i) {
    const UnitFacts& unit = units[i];
    if (Contains(whole_agencies, unit.agency_id)) continue;
    bool inside_other = false;
    for (size_t j = 0; j < units.size() && !inside_other; ++j) {
      if (j == i) continue;
      const UnitFacts& other = units[j];
      if (other.unit_id == unit.unit_id) {
        inside_other = j < i;  // a repeat: keep the first
      } else {
        inside_other = Contains(unit.path, other.unit_id);
      }
    }
    if (!inside_other) parts.push_back(Subtree(unit));
  }
  return parts;
}

}  // namespace

std::vector<UnitFacts> UnitsLedOnDay(const LeaderFacts& facts, absl::CivilDay day) {
  std::vector<UnitFacts> led;
  for (const UnitFacts& unit : facts.units) {
    if (unit.leader_position_id.empty()) continue;
    if (unit.end_date.has_value() && *unit.end_date <= day) continue;
    if (!HoldsDefinitively(facts, unit.leader_position_id) &&
        !ActsOn(facts, unit.leader_position_id, day)) {
      continue;
    }
    const bool seen = std::any_of(led.begin(), led.end(),
                                  [&](const UnitFacts& u) { return u.unit_id == unit.unit_id; });
    if (!seen) led.push_back(unit);
  }
  return led;
}

absl::StatusOr<EffectiveScope> ResolveScope(const auth::Principal& caller,
                                            const RequestedScope& requested,
                                            const ScopeFacts& facts, absl::CivilDay day) {
  if (auth::IsPublicOnly(caller)) return auth::Denied(caller, kReadReports, kReportRoles);

  // Who reads nothing learns nothing either (not even whether a unit exists).
  const bool everything = auth::ReadsEverything(caller);
  const std::string hr_agency = caller.Has(auth::Role::kHrAdmin) ? caller.agency_id : std::string();
  const std::vector<UnitFacts> led = caller.Has(auth::Role::kUnitLeader)
                                         ? UnitsLedOnDay(facts.leader, day)
                                         : std::vector<UnitFacts>{};
  if (!everything && hr_agency.empty() && led.empty()) {
    return auth::Denied(caller, kReadReports, kReportRoles);
  }

  EffectiveScope scope;
  scope.year = requested.year;
  scope.period_id = requested.period_id;
  scope.position_type = requested.position_type;
  std::string agency_id = requested.agency_id;
  if (!requested.period_id.empty()) {
    if (!facts.period.has_value()) return errors::NotFound("period", requested.period_id);
    const PeriodFacts& period = *facts.period;
    if (requested.year != 0 && requested.year != period.year) {
      return errors::InvalidField(
          "scope.year", absl::StrCat("period ", period.period_id, " is of year ", period.year,
                                     ", not ", requested.year));
    }
    if (!agency_id.empty() && agency_id != period.agency_id) {
      return errors::InvalidField("scope.period_id",
                                  absl::StrCat("period ", period.period_id, " is of agency ",
                                               period.agency_id, ", not ", agency_id));
    }
    scope.year = period.year;
    agency_id = period.agency_id;
  }
  if (!requested.unit_id.empty()) {
    if (!facts.unit.has_value()) return errors::NotFound("unit", requested.unit_id);
    if (!agency_id.empty() && facts.unit->agency_id != agency_id) {
      return errors::InvalidField("scope.unit_id",
                                  absl::StrCat("unit ", requested.unit_id, " is of agency ",
                                               facts.unit->agency_id, ", not ", agency_id));
    }
  }

  if (facts.unit.has_value() && !requested.unit_id.empty()) {
    const UnitFacts& unit = *facts.unit;
    const bool allowed = everything || (!hr_agency.empty() && unit.agency_id == hr_agency) ||
                         std::any_of(led.begin(), led.end(), [&](const UnitFacts& l) {
                           return Contains(unit.path, l.unit_id);
                         });
    if (!allowed) {
      return auth::Denied(caller, absl::StrCat("read the reports of unit ", unit.unit_id),
                          "its agency's hr_admin role, leading it or a unit above it, or the "
                          "auditor role");
    }
    scope.parts = {Subtree(unit)};
    return scope;
  }

  if (!agency_id.empty()) {
    if (everything || agency_id == hr_agency) {
      scope.parts = {WholeAgency(agency_id)};
      return scope;
    }
    std::vector<UnitFacts> in_agency;
    for (const UnitFacts& unit : led) {
      if (unit.agency_id == agency_id) in_agency.push_back(unit);
    }
    if (in_agency.empty()) {
      return auth::Denied(caller, absl::StrCat("read the reports of agency ", agency_id),
                          "its hr_admin role, leading one of its units, or the auditor role");
    }
    scope.parts = DisjointSubtrees(in_agency, {});
    return scope;
  }

  if (everything) {
    scope.parts = {ScopePart{.all_agencies = true}};
    return scope;
  }
  std::vector<std::string> whole;
  if (!hr_agency.empty()) {
    whole.push_back(hr_agency);
    scope.parts.push_back(WholeAgency(hr_agency));
  }
  for (ScopePart& part : DisjointSubtrees(led, whole)) scope.parts.push_back(std::move(part));
  return scope;
}

absl::Status CanReadStreamStatus(const auth::Principal& caller) {
  if (auth::IsPublicOnly(caller)) {
    return auth::Denied(caller, "read the event streams' status", "an authenticated role");
  }
  return absl::OkStatus();
}

}  // namespace kinerja::analytics
