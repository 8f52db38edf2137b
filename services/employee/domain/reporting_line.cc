#include "services/employee/domain/reporting_line.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "absl/container/flat_hash_set.h"

namespace kinerja::employee {
namespace {

// First occupant from `unit` upwards who is none of `excluded`.
std::optional<Official> FindOccupant(const OrgSnapshot& snapshot, const UnitNode* unit,
                                     absl::CivilDay date,
                                     std::initializer_list<const Official*> excluded) {
  for (; unit != nullptr; unit = snapshot.Parent(*unit)) {
    std::optional<Official> occupant = snapshot.LeaderOf(*unit, date);
    if (!occupant) continue;
    bool skip = std::any_of(excluded.begin(), excluded.end(),
                            [&](const Official* e) { return SamePerson(*occupant, *e); });
    if (!skip) return occupant;
  }
  return std::nullopt;
}

bool LeadsOwnUnit(const OrgSnapshot& snapshot, const Assignment& employee, const UnitNode& unit,
                  absl::CivilDay date) {
  const std::string& leader = unit.leader_position_id;
  if (leader.empty()) return false;
  return employee.position_id == leader || snapshot.ActsInAt(employee.employee_id, leader, date);
}

// Units `official` occupies on `date` (leader position held or acted in, regional head).
std::vector<const UnitNode*> LedUnits(const OrgSnapshot& snapshot, const Official& official,
                                      absl::CivilDay date) {
  std::vector<const UnitNode*> units;
  auto consider = [&](const UnitNode* unit) {
    if (unit == nullptr || std::find(units.begin(), units.end(), unit) != units.end()) return;
    std::optional<Official> occupant = snapshot.LeaderOf(*unit, date);
    if (occupant && SamePerson(*occupant, official)) units.push_back(unit);
  };
  for (std::string_view position : snapshot.PositionsOfAt(official, date)) {
    consider(snapshot.UnitLedBy(position));
  }
  for (const UnitNode* unit : snapshot.HeadedUnitsAt(official, date)) consider(unit);
  return units;
}

// The employee's own placement on `date` that a delegate's superior is resolved from: the
// latest started one.
const Assignment* PlacementOf(const OrgSnapshot& snapshot, std::string_view employee_id,
                              absl::CivilDay date) {
  const Assignment* best = nullptr;
  for (const Assignment* a : snapshot.AssignmentsOfAt(employee_id, date)) {
    if (best == nullptr || a->valid.from > best->valid.from) best = a;
  }
  return best;
}

// The delegate assessing `employee` on `date`, if the employee's unit is delegated and the
// employee is neither its leader nor the delegate.
std::optional<Official> DelegatedAssessor(const OrgSnapshot& snapshot, const Assignment& employee,
                                          const UnitNode& unit, bool leads_own_unit,
                                          absl::CivilDay date) {
  if (leads_own_unit) return std::nullopt;
  const DelegationRecord* delegation = snapshot.DelegationOf(unit.id, date);
  if (delegation == nullptr || delegation->delegate_employee_id == employee.employee_id) {
    return std::nullopt;
  }
  const Assignment* own = PlacementOf(snapshot, delegation->delegate_employee_id, date);
  return snapshot.AsnPerson(delegation->delegate_employee_id, own ? own->position_id : "",
                            own ? own->unit_id : "", Official::kDelegated);
}

// The assessor only (no superior): a delegate, else the first occupant up the tree.
std::optional<Official> FindAssessor(const OrgSnapshot& snapshot, const Assignment& employee,
                                     absl::CivilDay date) {
  const UnitNode* unit = snapshot.FindUnit(employee.unit_id);
  if (unit == nullptr) return std::nullopt;
  const bool leads = LeadsOwnUnit(snapshot, employee, *unit, date);
  if (auto delegate = DelegatedAssessor(snapshot, employee, *unit, leads, date)) return delegate;
  const Official self = PersonOnly(Official::kAsn, employee.employee_id);
  return FindOccupant(snapshot, leads ? snapshot.Parent(*unit) : unit, date, {&self});
}

// A superset of the official's direct reports; ResolveReportingLine filters it.
std::vector<const Assignment*> Candidates(const OrgSnapshot& snapshot, const Official& official,
                                          absl::CivilDay date) {
  std::vector<const Assignment*> candidates;
  auto add = [&](const std::vector<const Assignment*>& more) {
    candidates.insert(candidates.end(), more.begin(), more.end());
  };
  std::vector<const UnitNode*> queue = LedUnits(snapshot, official, date);
  absl::flat_hash_set<const UnitNode*> seen(queue.begin(), queue.end());
  for (size_t i = 0; i < queue.size(); ++i) {
    add(snapshot.AssignmentsInUnitAt(queue[i]->id, date));
    for (const UnitNode* child : snapshot.Children(*queue[i])) {
      std::optional<Official> occupant = snapshot.LeaderOf(*child, date);
      if (!occupant || SamePerson(*occupant, official)) {
        if (seen.insert(child).second) queue.push_back(child);
        continue;
      }
      // The child's definitive holder (present or absent) and whoever acts for them.
      add(snapshot.HoldersOfAt(child->leader_position_id, date));
      if (occupant->kind == Official::kAsn)
        add(snapshot.AssignmentsOfAt(occupant->employee_id, date));
    }
  }
  if (official.kind == Official::kAsn) {
    for (const DelegationRecord* d : snapshot.DelegationsTo(official.employee_id, date)) {
      add(snapshot.AssignmentsInUnitAt(d->unit_id, date));
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

}  // namespace

ReportingLine ResolveReportingLine(const OrgSnapshot& snapshot, const Assignment& employee,
                                   absl::CivilDay date) {
  ReportingLine line;
  const UnitNode* unit = snapshot.FindUnit(employee.unit_id);
  if (unit == nullptr) return line;
  const Official self = PersonOnly(Official::kAsn, employee.employee_id);
  const bool leads = LeadsOwnUnit(snapshot, employee, *unit, date);
  if (auto delegate = DelegatedAssessor(snapshot, employee, *unit, leads, date)) {
    line.assessor = std::move(delegate);
    // The delegate's own assessor that day (never a delegation chain back to the employee).
    if (const Assignment* own = PlacementOf(snapshot, line.assessor->employee_id, date)) {
      std::optional<Official> superior = FindAssessor(snapshot, *own, date);
      if (superior && !SamePerson(*superior, self)) line.assessor_superior = std::move(superior);
    }
    return line;
  }
  const UnitNode* start = leads ? snapshot.Parent(*unit) : unit;
  line.assessor = FindOccupant(snapshot, start, date, {&self});
  if (!line.assessor) return line;
  const UnitNode* assessor_unit = snapshot.FindUnit(line.assessor->unit_id);
  line.assessor_superior =
      FindOccupant(snapshot, snapshot.Parent(*assessor_unit), date, {&self, &*line.assessor});
  return line;
}

std::vector<Assignment> DirectReports(const OrgSnapshot& snapshot, const Official& official,
                                      absl::CivilDay date) {
  std::vector<Assignment> reports;
  for (const Assignment* candidate : Candidates(snapshot, official, date)) {
    std::optional<Official> assessor = FindAssessor(snapshot, *candidate, date);
    if (assessor && SamePerson(*assessor, official)) reports.push_back(*candidate);
  }
  std::sort(reports.begin(), reports.end(), [](const Assignment& a, const Assignment& b) {
    return std::tie(a.employee_id, a.position_id, a.unit_id) <
           std::tie(b.employee_id, b.position_id, b.unit_id);
  });
  return reports;
}

std::vector<Assignment> Peers(const OrgSnapshot& snapshot, const Assignment& employee,
                              absl::CivilDay date) {
  std::optional<Official> assessor = FindAssessor(snapshot, employee, date);
  if (!assessor) return {};
  std::vector<Assignment> peers = DirectReports(snapshot, *assessor, date);
  std::erase_if(peers, [&](const Assignment& a) { return a.employee_id == employee.employee_id; });
  return peers;
}

std::vector<std::string> UnitPath(const OrgSnapshot& snapshot, std::string_view unit_id) {
  std::vector<std::string> path;
  const UnitNode* unit = snapshot.FindUnit(unit_id);
  // The snapshot refuses cycles; the bound only guards against a corrupt tree.
  for (size_t steps = 0; unit != nullptr && steps < 1000; ++steps) {
    path.push_back(unit->id);
    unit = snapshot.Parent(*unit);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace kinerja::employee
