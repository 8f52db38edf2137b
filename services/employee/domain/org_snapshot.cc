#include "services/employee/domain/org_snapshot.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

absl::Status RecordError(std::string_view table, size_t index, std::string_view field,
                         std::string_view reason) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToAbsl(table), "[", index, "].", ToAbsl(field), ": ", ToAbsl(reason)));
}

absl::Status CheckRange(std::string_view table, size_t index, const DateRange& range) {
  if (range.to && *range.to <= range.from) {
    return RecordError(table, index, "valid_to",
                       absl::StrCat(absl::FormatCivilTime(*range.to), " is not after valid_from ",
                                    absl::FormatCivilTime(range.from)));
  }
  return absl::OkStatus();
}

template <typename Map>
void Add(Map& index, std::string_view key, uint32_t value) {
  index[key].push_back(value);
}

// Among records whose range contains `date`, the index preferred by `better` (a strict
// "a is preferred to b" on records), or -1.
template <typename Record, typename Better>
int64_t Pick(const std::vector<Record>& records, const std::vector<uint32_t>* candidates,
             absl::CivilDay date, Better better) {
  int64_t best = -1;
  if (candidates == nullptr) return best;
  for (uint32_t i : *candidates) {
    if (!records[i].valid.Contains(date)) continue;
    if (best < 0 || better(records[i], records[best])) best = i;
  }
  return best;
}

template <typename Map>
const std::vector<uint32_t>* Lookup(const Map& index, std::string_view key) {
  auto it = index.find(key);
  return it == index.end() ? nullptr : &it->second;
}

}  // namespace

std::string RegionalHeadHolderId(std::string_view head_id) {
  return absl::StrCat("regional-head:", ToAbsl(head_id));
}

absl::StatusOr<OrgSnapshot> OrgSnapshot::Create(OrgRecords records) {
  OrgSnapshot snapshot;
  snapshot.records_ = std::move(records);
  if (auto s = snapshot.IndexUnits(); !s.ok()) return s;
  if (auto s = snapshot.IndexHolders(); !s.ok()) return s;
  return snapshot;
}

absl::Status OrgSnapshot::IndexUnits() {
  const std::vector<UnitNode>& units = records_.units;
  for (uint32_t i = 0; i < units.size(); ++i) {
    if (units[i].id.empty()) return RecordError("units", i, "id", "must not be empty");
    if (!unit_by_id_.emplace(units[i].id, i).second) {
      return RecordError("units", i, "id", absl::StrCat("duplicate unit '", units[i].id, "'"));
    }
    const std::string& leader = units[i].leader_position_id;
    if (!leader.empty() && !unit_by_leader_position_.emplace(leader, i).second) {
      return RecordError("units", i, "leader_position_id",
                         absl::StrCat("position '", leader, "' already leads another unit"));
    }
  }
  parent_.assign(units.size(), -1);
  children_.assign(units.size(), {});
  for (uint32_t i = 0; i < units.size(); ++i) {
    if (units[i].parent_id.empty()) continue;
    auto it = unit_by_id_.find(units[i].parent_id);
    if (it == unit_by_id_.end()) {
      return RecordError("units", i, "parent_id",
                         absl::StrCat("unknown unit '", units[i].parent_id, "'"));
    }
    parent_[i] = static_cast<int32_t>(it->second);
    children_[it->second].push_back(i);
  }
  // Cycle check: 0 = unseen, 1 = on the current walk, 2 = known to reach a root.
  std::vector<uint8_t> state(units.size(), 0);
  for (uint32_t i = 0; i < units.size(); ++i) {
    std::vector<uint32_t> walk;
    int32_t u = static_cast<int32_t>(i);
    while (u >= 0 && state[u] == 0) {
      state[u] = 1;
      walk.push_back(u);
      u = parent_[u];
    }
    if (u >= 0 && state[u] == 1) {
      return RecordError("units", u, "parent_id", "parent links form a cycle");
    }
    for (uint32_t w : walk) state[w] = 2;
  }
  return absl::OkStatus();
}

absl::Status OrgSnapshot::IndexHolders() {
  for (uint32_t i = 0; i < records_.people.size(); ++i) {
    if (!person_by_id_.emplace(records_.people[i].employee_id, i).second) {
      return RecordError("people", i, "employee_id", "duplicate person");
    }
  }
  for (uint32_t i = 0; i < records_.assignments.size(); ++i) {
    const Assignment& a = records_.assignments[i];
    if (auto s = CheckRange("assignments", i, a.valid); !s.ok()) return s;
    Add(assignments_by_position_, a.position_id, i);
    Add(assignments_by_unit_, a.unit_id, i);
    Add(assignments_by_employee_, a.employee_id, i);
  }
  for (uint32_t i = 0; i < records_.acting.size(); ++i) {
    const ActingAssignment& a = records_.acting[i];
    if (auto s = CheckRange("acting", i, a.valid); !s.ok()) return s;
    if (a.kind == Official::kNone) return RecordError("acting", i, "kind", "must be Plt or Plh");
    Add(acting_by_position_, a.position_id, i);
    Add(acting_by_employee_, a.employee_id, i);
  }
  for (uint32_t i = 0; i < records_.non_asn.size(); ++i) {
    const NonAsnHolding& h = records_.non_asn[i];
    if (auto s = CheckRange("non_asn", i, h.valid); !s.ok()) return s;
    Add(non_asn_by_position_, h.position_id, i);
    Add(non_asn_by_holder_, h.holder_id, i);
  }
  for (uint32_t i = 0; i < records_.delegations.size(); ++i) {
    const DelegationRecord& d = records_.delegations[i];
    if (auto s = CheckRange("delegations", i, d.valid); !s.ok()) return s;
    Add(delegations_by_unit_, d.unit_id, i);
    Add(delegations_by_delegate_, d.delegate_employee_id, i);
  }
  for (uint32_t i = 0; i < records_.heads.size(); ++i) {
    const HeadTerm& h = records_.heads[i];
    if (auto s = CheckRange("heads", i, h.valid); !s.ok()) return s;
    Add(heads_by_unit_, h.unit_id, i);
  }
  // Holder ids point into records_ (stable from here on): elected heads by their derived id.
  head_holder_ids_.reserve(records_.heads.size());
  for (uint32_t i = 0; i < records_.heads.size(); ++i) {
    const HeadTerm& h = records_.heads[i];
    head_holder_ids_.push_back(h.employee_id.empty() ? RegionalHeadHolderId(h.id) : h.employee_id);
  }
  for (uint32_t i = 0; i < records_.heads.size(); ++i)
    Add(heads_by_holder_, head_holder_ids_[i], i);
  return absl::OkStatus();
}

const UnitNode* OrgSnapshot::FindUnit(std::string_view unit_id) const {
  auto it = unit_by_id_.find(unit_id);
  return it == unit_by_id_.end() ? nullptr : &records_.units[it->second];
}

const UnitNode* OrgSnapshot::Parent(const UnitNode& unit) const {
  int32_t parent = parent_[&unit - records_.units.data()];
  return parent < 0 ? nullptr : &records_.units[parent];
}

std::vector<const UnitNode*> OrgSnapshot::Children(const UnitNode& unit) const {
  std::vector<const UnitNode*> result;
  for (uint32_t child : children_[&unit - records_.units.data()]) {
    result.push_back(&records_.units[child]);
  }
  return result;
}

const UnitNode* OrgSnapshot::UnitLedBy(std::string_view position_id) const {
  if (position_id.empty()) return nullptr;
  auto it = unit_by_leader_position_.find(position_id);
  return it == unit_by_leader_position_.end() ? nullptr : &records_.units[it->second];
}

Official OrgSnapshot::AsnPerson(std::string_view employee_id, std::string_view position_id,
                                std::string_view unit_id, Official::Capacity capacity) const {
  Official official;
  official.kind = Official::kAsn;
  official.employee_id = std::string(employee_id);
  official.position_id = std::string(position_id);
  official.unit_id = std::string(unit_id);
  official.capacity = capacity;
  if (capacity == Official::kActingPlt) official.acting = Official::kPlt;
  if (capacity == Official::kActingPlh) official.acting = Official::kPlh;
  if (auto it = person_by_id_.find(employee_id); it != person_by_id_.end()) {
    official.nip = records_.people[it->second].nip;
    official.name = records_.people[it->second].name;
  }
  return official;
}

Official OrgSnapshot::AsnOfficial(std::string_view employee_id, const UnitNode& unit,
                                  Official::Acting acting) const {
  Official::Capacity capacity = acting == Official::kPlt   ? Official::kActingPlt
                                : acting == Official::kPlh ? Official::kActingPlh
                                                           : Official::kDefinitive;
  return AsnPerson(employee_id, unit.leader_position_id, unit.id, capacity);
}

const DelegationRecord* OrgSnapshot::DelegationOf(std::string_view unit_id,
                                                  absl::CivilDay date) const {
  int64_t found = Pick(records_.delegations, Lookup(delegations_by_unit_, unit_id), date,
                       [](const auto& a, const auto& b) { return a.valid.from > b.valid.from; });
  return found < 0 ? nullptr : &records_.delegations[found];
}

std::vector<const DelegationRecord*> OrgSnapshot::DelegationsTo(std::string_view employee_id,
                                                                absl::CivilDay date) const {
  std::vector<const DelegationRecord*> result;
  if (const std::vector<uint32_t>* found = Lookup(delegations_by_delegate_, employee_id)) {
    for (uint32_t i : *found) {
      const DelegationRecord& d = records_.delegations[i];
      // Only the delegation that actually runs for its unit that day counts.
      if (d.valid.Contains(date) && DelegationOf(d.unit_id, date) == &d) result.push_back(&d);
    }
  }
  return result;
}

std::vector<const UnitNode*> OrgSnapshot::HeadedUnitsAt(const Official& person,
                                                        absl::CivilDay date) const {
  std::vector<const UnitNode*> units;
  if (const std::vector<uint32_t>* found = Lookup(heads_by_holder_, person.employee_id)) {
    for (uint32_t i : *found) {
      const HeadTerm& h = records_.heads[i];
      if (!h.valid.Contains(date)) continue;
      if (const UnitNode* unit = FindUnit(h.unit_id)) units.push_back(unit);
    }
  }
  return units;
}

std::optional<Official> OrgSnapshot::LeaderOf(const UnitNode& unit, absl::CivilDay date) const {
  if (unit.end_date && date >= *unit.end_date) return std::nullopt;  // abolished
  std::string_view position = unit.leader_position_id;
  auto later = [](const auto& a, const auto& b) { return a.valid.from > b.valid.from; };
  int64_t head = Pick(records_.heads, Lookup(heads_by_unit_, unit.id), date, later);
  if (position.empty()) {
    if (head < 0) return std::nullopt;
  }
  int64_t acting = Pick(records_.acting, Lookup(acting_by_position_, position), date,
                        [](const ActingAssignment& a, const ActingAssignment& b) {
                          if (a.kind != b.kind) return a.kind == Official::kPlh;
                          return a.valid.from > b.valid.from;
                        });
  if (acting >= 0) {
    const ActingAssignment& a = records_.acting[acting];
    return AsnOfficial(a.employee_id, unit, a.kind);
  }
  if (head >= 0) {
    const HeadTerm& h = records_.heads[head];
    if (!h.employee_id.empty()) {
      return AsnPerson(h.employee_id, unit.leader_position_id, unit.id, Official::kInterimHead);
    }
    Official official;
    official.kind = Official::kNonAsn;
    official.employee_id = head_holder_ids_[head];
    official.name = h.name;
    official.position_id = unit.leader_position_id;
    official.unit_id = unit.id;
    official.capacity = Official::kPoliticalHead;
    return official;
  }
  int64_t non_asn = Pick(records_.non_asn, Lookup(non_asn_by_position_, position), date, later);
  if (non_asn >= 0) {
    const NonAsnHolding& h = records_.non_asn[non_asn];
    Official official;
    official.kind = Official::kNonAsn;
    official.employee_id = h.holder_id;
    official.name = h.name;
    official.position_id = unit.leader_position_id;
    official.unit_id = unit.id;
    official.capacity = Official::kPoliticalHead;
    return official;
  }
  int64_t holder =
      Pick(records_.assignments, Lookup(assignments_by_position_, position), date, later);
  if (holder >= 0) {
    return AsnOfficial(records_.assignments[holder].employee_id, unit, Official::kNone);
  }
  return std::nullopt;
}

namespace {

template <typename Map>
std::vector<const Assignment*> ValidAt(const std::vector<Assignment>& records, const Map& index,
                                       std::string_view key, absl::CivilDay date) {
  std::vector<const Assignment*> result;
  if (const std::vector<uint32_t>* found = Lookup(index, key)) {
    for (uint32_t i : *found) {
      if (records[i].valid.Contains(date)) result.push_back(&records[i]);
    }
  }
  return result;
}

}  // namespace

std::vector<const Assignment*> OrgSnapshot::AssignmentsInUnitAt(std::string_view unit_id,
                                                                absl::CivilDay date) const {
  return ValidAt(records_.assignments, assignments_by_unit_, unit_id, date);
}

std::vector<const Assignment*> OrgSnapshot::AssignmentsOfAt(std::string_view employee_id,
                                                            absl::CivilDay date) const {
  return ValidAt(records_.assignments, assignments_by_employee_, employee_id, date);
}

std::vector<const Assignment*> OrgSnapshot::HoldersOfAt(std::string_view position_id,
                                                        absl::CivilDay date) const {
  return ValidAt(records_.assignments, assignments_by_position_, position_id, date);
}

std::vector<std::string_view> OrgSnapshot::PositionsOfAt(const Official& person,
                                                         absl::CivilDay date) const {
  std::vector<std::string_view> positions;
  auto collect = [&](const auto& records, const Index& index) {
    if (const std::vector<uint32_t>* found = Lookup(index, person.employee_id)) {
      for (uint32_t i : *found) {
        if (records[i].valid.Contains(date)) positions.push_back(records[i].position_id);
      }
    }
  };
  if (person.kind == Official::kNonAsn) {
    collect(records_.non_asn, non_asn_by_holder_);
  } else {
    collect(records_.assignments, assignments_by_employee_);
    collect(records_.acting, acting_by_employee_);
  }
  return positions;
}

bool OrgSnapshot::ActsInAt(std::string_view employee_id, std::string_view position_id,
                           absl::CivilDay date) const {
  if (const std::vector<uint32_t>* found = Lookup(acting_by_employee_, employee_id)) {
    for (uint32_t i : *found) {
      const ActingAssignment& a = records_.acting[i];
      if (a.position_id == position_id && a.valid.Contains(date)) return true;
    }
  }
  return false;
}

}  // namespace kinerja::employee
