// Reporting line resolution (DOMAIN.md "Organisation"): an employee's assessor (pejabat
// penilai kinerja) and the assessor's superior (atasan pejabat penilai, who decides
// objections) follow from the unit tree and who occupies each unit's leader position on a date.
//
// Rules:
// - Search start: the parent of the employee's unit if the employee holds or acts in (Plt/Plh)
//   their own unit's leader position, otherwise their own unit.
// - At each unit the occupant is (OrgSnapshot::LeaderOf): an acting official (Plh, then Plt),
//   else a NON-ASN holder, else the definitive holder. No occupant (vacancy, no leader
//   position), or an occupant who is the employee, moves the search to the parent unit.
//   Reaching past the root: no assessor.
// - The superior is found the same way from the parent of the unit the assessor leads,
//   also skipping the assessor and the employee. A NON-ASN head at the root has no superior.
// - Delegation (AssessmentDelegation): on a day a delegation of the employee's unit runs, an
//   employee who neither leads the unit nor is the delegate has the delegate as assessor
//   (capacity kDelegated, with the delegate's own position and unit), and the superior is the
//   delegate's own assessor that day (their latest-started placement; a delegate's assessor
//   is resolved without following further delegations' superiors, so chains cannot loop).
// - A unit abolished on the day (end_date) has no occupant; a regional head's term at a unit
//   occupies it (see OrgSnapshot::LeaderOf).
// The resolver trusts that leader positions are assessor-eligible (MayBeAssessor); the API
// checks that when a unit's leader position is set.
//
// Cost: ResolveReportingLine is O(depth * k), k = records per leader position. DirectReports
// is O(C * depth * k), C = staff of the units the official leads plus of descendant units
// reached through vacancies, plus holders of the next occupied child units.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/employee/domain/official.h"
#include "services/employee/domain/org_snapshot.h"

namespace kinerja::employee {

struct ReportingLine {
  std::optional<Official> assessor;           // pejabat penilai kinerja
  std::optional<Official> assessor_superior;  // atasan pejabat penilai

  friend bool operator==(const ReportingLine&, const ReportingLine&) = default;
};

// `employee` names the employee, their position and unit (its `valid` range is not checked).
// An unknown unit gives an empty line.
ReportingLine ResolveReportingLine(const OrgSnapshot& snapshot, const Assignment& employee,
                                   absl::CivilDay date);

// Assignments valid on `date` whose assessor is the same person as `official` (kind and
// employee_id; other fields are ignored), across every leader position that person occupies:
// staff of the units they lead, leaders of child units, and staff of child units whose leader
// position is vacant (recursively), plus staff of units delegated to them. Sorted by
// employee_id, then position_id.
std::vector<Assignment> DirectReports(const OrgSnapshot& snapshot, const Official& official,
                                      absl::CivilDay date);

// The unit and its ancestors, from the root down to `unit_id` (as far as the snapshot knows
// them); empty for an unknown unit.
std::vector<std::string> UnitPath(const OrgSnapshot& snapshot, std::string_view unit_id);

// Other employees with the same assessor (same person) on `date`; empty without an assessor.
std::vector<Assignment> Peers(const OrgSnapshot& snapshot, const Assignment& employee,
                              absl::CivilDay date);

}  // namespace kinerja::employee
