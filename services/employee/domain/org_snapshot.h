// In-memory snapshot of an agency's organisation for reporting-line resolution: units (UNOR)
// with their leader positions, and effective-dated holders of positions. The store fills an
// OrgRecords from plain SQL rows (one vector per table) and calls OrgSnapshot::Create once;
// the snapshot is then immutable and safe to share between threads for reading.
//
// Cost: Create is O(N) expected (N = all records) and builds hash indexes keyed by
// std::string_view into the records it owns (so the snapshot is move-only). Per lookup:
// FindUnit, UnitLedBy O(1); LeaderOf O(k) with k = records of that position (all dates);
// the *At() lists are O(k) in the records of that key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/official.h"

namespace kinerja::employee {

// Half-open validity [from, to): `to` is exclusive, nullopt = open-ended.
struct DateRange {
  absl::CivilDay from;
  std::optional<absl::CivilDay> to;

  bool Contains(absl::CivilDay day) const { return from <= day && (!to || day < *to); }

  // Without it Assignment's defaulted == is deleted (GCC says nothing; clang warns).
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

struct UnitNode {
  std::string id;
  std::string parent_id;           // empty at the root
  std::string leader_position_id;  // empty when the unit has no leader position
  // Abolished from this day: from then on nobody occupies the unit (LeaderOf is empty).
  std::optional<absl::CivilDay> end_date = {};
};

// Who an ASN employee id is, for the Official's nip and name.
struct Person {
  std::string employee_id;
  std::string nip;
  std::string name;
};

// An employee's definitive placement (pejabat definitif when position_id is a unit's leader
// position, staff otherwise). `valid` is ignored where an Assignment is the subject of a query.
struct Assignment {
  std::string employee_id;
  std::string position_id;
  std::string unit_id;
  DateRange valid;

  friend bool operator==(const Assignment&, const Assignment&) = default;
};

// An ASN employee acting in a (leader) position: Plt for a vacancy, Plh for an absence.
struct ActingAssignment {
  std::string employee_id;
  std::string position_id;
  Official::Acting kind = Official::kPlt;  // kPlt or kPlh
  DateRange valid;
};

// A NON-ASN political head holding a position (e.g. wali kota at the city's root unit).
struct NonAsnHolding {
  std::string holder_id;
  std::string name;
  std::string position_id;
  DateRange valid;
};

// The assessment of a unit's staff delegated to an ASN employee (AssessmentDelegation).
struct DelegationRecord {
  std::string id;
  std::string unit_id;
  std::string delegate_employee_id;
  DateRange valid;
};

// A regional head's term at the root unit it leads: elected (NON-ASN, employee_id empty) or a
// Pj (an ASN, employee_id set).
struct HeadTerm {
  std::string id;
  std::string unit_id;
  std::string name;         // elected head's name (a Pj's name comes from `people`)
  std::string employee_id;  // Pj only
  DateRange valid;
};

struct OrgRecords {
  std::vector<UnitNode> units;
  std::vector<Person> people;
  std::vector<Assignment> assignments;
  std::vector<ActingAssignment> acting;
  std::vector<NonAsnHolding> non_asn;
  std::vector<DelegationRecord> delegations = {};
  std::vector<HeadTerm> heads = {};
};

// The Official.employee_id of an elected regional head (no employee record): internal to the
// service, never returned.
std::string RegionalHeadHolderId(std::string_view head_id);

class OrgSnapshot {
 public:
  // InvalidArgument naming the record, e.g. "units[3].parent_id: unknown unit 'x'", when a
  // unit id is empty or repeated, a parent is unknown, parents form a cycle, two units share a
  // leader position, a person id repeats, an acting kind is kNone, or a range has to <= from.
  // References from holders to unknown units or people are allowed (other agencies' staff).
  static absl::StatusOr<OrgSnapshot> Create(OrgRecords records);

  OrgSnapshot(OrgSnapshot&&) = default;
  OrgSnapshot& operator=(OrgSnapshot&&) = default;
  OrgSnapshot(const OrgSnapshot&) = delete;
  OrgSnapshot& operator=(const OrgSnapshot&) = delete;

  const UnitNode* FindUnit(std::string_view unit_id) const;
  const UnitNode* Parent(const UnitNode& unit) const;  // nullptr at the root
  std::vector<const UnitNode*> Children(const UnitNode& unit) const;
  const UnitNode* UnitLedBy(std::string_view position_id) const;  // nullptr if none

  // The occupant of `unit` on `date`, in priority order: an acting official of its leader
  // position (Plh before Plt, then the latest start), a regional head's term at the unit
  // (elected: kNonAsn / kPoliticalHead; Pj: kAsn / kInterimHead), a NON-ASN holder of the
  // leader position (compatibility input, kPoliticalHead), the definitive holder (latest start
  // wins among overlapping records). nullopt when vacant, leaderless, or abolished on `date`.
  std::optional<Official> LeaderOf(const UnitNode& unit, absl::CivilDay date) const;

  // The delegation of `unit_id`'s staff assessment running on `date` (latest start wins), or
  // nullptr.
  const DelegationRecord* DelegationOf(std::string_view unit_id, absl::CivilDay date) const;
  // Delegations running on `date` whose delegate is `employee_id`.
  std::vector<const DelegationRecord*> DelegationsTo(std::string_view employee_id,
                                                     absl::CivilDay date) const;
  // An ASN Official for `employee_id` (nip and name from `people` when known).
  Official AsnPerson(std::string_view employee_id, std::string_view position_id,
                     std::string_view unit_id, Official::Capacity capacity) const;

  std::vector<const Assignment*> AssignmentsInUnitAt(std::string_view unit_id,
                                                     absl::CivilDay date) const;
  std::vector<const Assignment*> AssignmentsOfAt(std::string_view employee_id,
                                                 absl::CivilDay date) const;
  std::vector<const Assignment*> HoldersOfAt(std::string_view position_id,
                                             absl::CivilDay date) const;
  // Positions the person holds, acts in or (NON-ASN) holds on `date`.
  std::vector<std::string_view> PositionsOfAt(const Official& person, absl::CivilDay date) const;
  bool ActsInAt(std::string_view employee_id, std::string_view position_id,
                absl::CivilDay date) const;
  // Units whose regional head on `date` is the person (an elected head's id is
  // RegionalHeadHolderId, a Pj's their employee id).
  std::vector<const UnitNode*> HeadedUnitsAt(const Official& person, absl::CivilDay date) const;

 private:
  using Index =
      absl::flat_hash_map<std::string_view, std::vector<uint32_t>, std::hash<std::string_view>>;
  using UniqueIndex = absl::flat_hash_map<std::string_view, uint32_t, std::hash<std::string_view>>;

  OrgSnapshot() = default;
  absl::Status IndexUnits();
  absl::Status IndexHolders();
  Official AsnOfficial(std::string_view employee_id, const UnitNode& unit,
                       Official::Acting acting) const;

  OrgRecords records_;
  UniqueIndex unit_by_id_;
  UniqueIndex unit_by_leader_position_;
  UniqueIndex person_by_id_;
  std::vector<int32_t> parent_;  // unit index of the parent, -1 at a root
  std::vector<std::vector<uint32_t>> children_;
  Index assignments_by_position_, assignments_by_unit_, assignments_by_employee_;
  Index acting_by_position_, acting_by_employee_;
  Index non_asn_by_position_, non_asn_by_holder_;
  Index delegations_by_unit_, delegations_by_delegate_;
  Index heads_by_unit_, heads_by_holder_;
  std::vector<std::string> head_holder_ids_;  // per heads record; heads_by_holder_ keys
};

}  // namespace kinerja::employee
