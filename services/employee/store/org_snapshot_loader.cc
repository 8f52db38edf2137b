// Loads the minimal organisation records the domain's reporting-line resolver needs around one
// employee on one date (recursive CTEs over org_units, holders valid on the date), and builds an
// OrgSnapshot from them. Three or four queries per call, each one round trip, in one read-only
// snapshot (REPEATABLE READ) so the pieces agree with each other. The queries are in
// queries/reporting_line.sql.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "services/employee/domain/reporting_line.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/queries.h"
#include "services/employee/store/rows.h"
#include "shared/db/query.h"
#include "shared/db/sql_array.h"

namespace kinerja::employee::store {
namespace {

using internal::DayFromField;
using internal::DayText;
using internal::OptionalDayFromField;

// NON-ASN holders are identified by the position they hold (they have no employee row).
std::string NonAsnHolderId(const std::string& position_id) {
  return absl::StrCat("non-asn:", position_id);
}

// Validity of a NON-ASN holder: the position has no dates, so the holding is open-ended.
constexpr absl::CivilDay kNonAsnFrom(1900, 1, 1);

class Loader {
 public:
  Loader(pqxx::transaction_base& tx, absl::CivilDay date) : tx_(tx), date_(DayText(date)) {}

  // The employee's person record and the assignment valid on the date (if any).
  absl::Status LoadSubject(const std::string& employee_id) {
    ASSIGN_OR_RETURN(subject_, LoadPerson(employee_id));
    return absl::OkStatus();
  }

  // LoadSubject, then the subject taken as placed in `position_id` of `unit_id` instead (the
  // real placement stays in the records).
  absl::Status LoadSubjectAs(const std::string& employee_id, const std::string& position_id,
                             const std::string& unit_id) {
    RETURN_IF_ERROR(LoadSubject(employee_id));
    absl::CivilDay day;
    (void)absl::ParseCivilTime(date_, &day);
    subject_ = Assignment{employee_id, position_id, unit_id, {day, std::nullopt}};
    return absl::OkStatus();
  }

  // Delegations and regional head terms of every loaded unit on the date. A delegate's own
  // placement and unit chain are loaded too (their assessor is the superior of the staff
  // they assess), for delegations of the units that brings in as well (bounded: a chain of
  // delegates resolves at most one further level, see reporting_line.h).
  absl::Status LoadDelegationsAndHeads() {
    absl::flat_hash_set<std::string> seen_delegations;
    for (int round = 0; round < 3; ++round) {
      std::vector<std::string> delegates;
      pqxx::result r = db::Exec(tx_, queries::kDelegationsOnDate, UnitIdsLiteral(), date_);
      for (const pqxx::row& row : r) {
        std::string id = row[0].as<std::string>();
        if (!seen_delegations.insert(id).second) continue;
        std::string delegate = row[2].as<std::string>();
        records_.delegations.push_back({std::move(id),
                                        row[1].as<std::string>(),
                                        delegate,
                                        {DayFromField(row[3]), OptionalDayFromField(row[4])}});
        delegates.push_back(std::move(delegate));
      }
      if (delegates.empty()) break;
      for (const std::string& delegate : delegates) {
        if (!delegates_loaded_.insert(delegate).second) continue;
        absl::StatusOr<std::optional<Assignment>> placement = LoadPerson(delegate);
        if (!placement.ok() || !placement->has_value()) continue;  // deleted or unplaced
        LoadChain((*placement)->unit_id);
      }
    }
    pqxx::result heads = db::Exec(tx_, queries::kHeadsOnDate, UnitIdsLiteral(), date_);
    for (const pqxx::row& row : heads) {
      std::string employee_id = internal::TextOrEmpty(row[3]);
      if (!employee_id.empty()) AddPerson(employee_id, row[6], row[7], row[8], row[9]);
      records_.heads.push_back({row[0].as<std::string>(),
                                row[1].as<std::string>(),
                                row[2].as<std::string>(),
                                employee_id,
                                {DayFromField(row[4]), OptionalDayFromField(row[5])}});
    }
    return absl::OkStatus();
  }

  // Units from a query returning (id, parent_id, leader_position_id, unit name, leader
  // position name, non_asn_holder_name, whether the unit's staff is wanted); duplicates are
  // skipped.
  void AddUnits(const pqxx::result& r) {
    for (const pqxx::row& row : r) {
      std::string id = row[0].as<std::string>();
      if (row[6].as<bool>()) staff_units_.push_back(id);
      if (!unit_ids_.insert(id).second) continue;
      UnitNode unit{id, internal::TextOrEmpty(row[1]), internal::TextOrEmpty(row[2]),
                    OptionalDayFromField(row[7])};
      unit_names_[id] = row[3].as<std::string>();
      if (!unit.leader_position_id.empty()) {
        leader_positions_.push_back(unit.leader_position_id);
        position_names_[unit.leader_position_id] = internal::TextOrEmpty(row[4]);
        std::string holder = internal::TextOrEmpty(row[5]);
        if (!holder.empty()) {
          records_.non_asn.push_back({NonAsnHolderId(unit.leader_position_id),
                                      holder,
                                      unit.leader_position_id,
                                      {kNonAsnFrom, std::nullopt}});
        }
      }
      records_.units.push_back(std::move(unit));
    }
  }

  // The unit chain from `unit_id` up to the root.
  void LoadChain(const std::string& unit_id) {
    AddUnits(db::Exec(tx_, queries::kUnitChain, unit_id));
  }

  // Units whose leader position `person` holds or acts in on the date, their subtrees and
  // their ancestors. `person` is an employee id, or a NON-ASN holder id.
  void LoadLedSubtrees(const std::string& person) {
    constexpr std::string_view kHead = "regional-head:";
    if (person.rfind("non-asn:", 0) == 0) {
      AddUnits(db::Exec(tx_, queries::kUnitsLedByPosition, person.substr(8), std::string()));
    } else if (person.rfind(kHead, 0) == 0) {
      AddUnits(
          db::Exec(tx_, queries::kUnitsLedByPosition, std::string(), person.substr(kHead.size())));
    } else {
      AddUnits(db::Exec(tx_, queries::kUnitsLedByEmployee, person, date_));
    }
  }

  // Holders on the date: definitive holders of the loaded leader positions, every assignment in
  // the units whose staff is wanted (subtrees), Plt/Plh of the leader positions.
  void LoadHolders() {
    std::vector<std::string> all_units;
    all_units.reserve(records_.units.size());
    for (const UnitNode& unit : records_.units) all_units.push_back(unit.id);
    // A leader position's holders are found through its unit (assignments are indexed by
    // unit; positions never change unit).
    pqxx::result r =
        db::Exec(tx_, queries::kHoldersOnDate, db::TextArrayLiteral(staff_units_),
                 db::TextArrayLiteral(leader_positions_), date_, db::TextArrayLiteral(all_units));
    for (const pqxx::row& row : r) {
      std::string employee_id = row[1].as<std::string>();
      AddPerson(employee_id, row[7], row[8], row[9], row[10]);
      DateRange valid{DayFromField(row[4]), internal::OptionalDayFromField(row[5])};
      if (row[0].c_str()[0] == 'A') {
        AddAssignment({employee_id, row[2].as<std::string>(), row[3].as<std::string>(), valid});
      } else {
        records_.acting.push_back({employee_id, row[2].as<std::string>(),
                                   internal::ActingKindFromName(row[6].c_str()), valid});
      }
    }
  }

  const std::optional<Assignment>& subject() const { return subject_; }

  // Loaded units whose staff was wanted.
  const std::vector<std::string>& staff_units() const { return staff_units_; }

  absl::StatusOr<LoadedOrg> Build() {
    ASSIGN_OR_RETURN(OrgSnapshot snapshot, OrgSnapshot::Create(std::move(records_)));
    return LoadedOrg{std::move(snapshot), subject_, std::move(unit_names_),
                     std::move(position_names_), std::move(rank_labels_)};
  }

  // The records so far as a snapshot (for an intermediate resolution); the loader stays usable.
  absl::StatusOr<OrgSnapshot> Peek() const { return OrgSnapshot::Create(records_); }

 private:
  void AddPerson(const std::string& id, const pqxx::field& nip, const pqxx::field& name,
                 const pqxx::field& kind, const pqxx::field& rank) {
    if (!person_ids_.insert(id).second) return;
    records_.people.push_back({id, nip.as<std::string>(), name.as<std::string>()});
    const EmployeeKind k =
        std::string_view(kind.c_str()) == "PPPK" ? EmployeeKind::kPppk : EmployeeKind::kPns;
    rank_labels_[id] = std::string(RankLabel(internal::RankFromLabel(k, rank)));
  }

  // The person's record and their placement on the date (latest started), both added.
  absl::StatusOr<std::optional<Assignment>> LoadPerson(const std::string& employee_id) {
    pqxx::result r = db::Exec(tx_, queries::kSubjectOnDate, employee_id, date_);
    if (r.empty()) return errors::NotFound("employee", employee_id);
    AddPerson(employee_id, r[0][0], r[0][1], r[0][2], r[0][3]);
    if (r[0][4].is_null()) return std::optional<Assignment>();
    Assignment a{employee_id,
                 r[0][4].as<std::string>(),
                 r[0][5].as<std::string>(),
                 {DayFromField(r[0][6]), OptionalDayFromField(r[0][7])}};
    AddAssignment(a);
    return std::optional<Assignment>(std::move(a));
  }

  // Each assignment once, whichever query found it.
  void AddAssignment(Assignment a) {
    std::string key =
        absl::StrCat(a.employee_id, "\n", a.position_id, "\n", absl::FormatCivilTime(a.valid.from));
    if (!assignment_keys_.insert(std::move(key)).second) return;
    records_.assignments.push_back(std::move(a));
  }

  std::string UnitIdsLiteral() const {
    std::vector<std::string> ids;
    ids.reserve(records_.units.size());
    for (const UnitNode& unit : records_.units) ids.push_back(unit.id);
    return db::TextArrayLiteral(ids);
  }

  pqxx::transaction_base& tx_;
  const std::string date_;
  absl::flat_hash_set<std::string> assignment_keys_;
  absl::flat_hash_set<std::string> delegates_loaded_;
  OrgRecords records_;
  std::optional<Assignment> subject_;
  std::vector<std::string> staff_units_;
  absl::flat_hash_set<std::string> unit_ids_;
  absl::flat_hash_set<std::string> person_ids_;
  std::vector<std::string> leader_positions_;
  absl::flat_hash_map<std::string, std::string> unit_names_;
  absl::flat_hash_map<std::string, std::string> position_names_;
  absl::flat_hash_map<std::string, std::string> rank_labels_;
};

// One consistent read snapshot for all queries of a load.
template <typename Fn>
absl::StatusOr<LoadedOrg> InSnapshot(db::Pool& pool, Fn&& fn) {
  absl::StatusOr<db::Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(lease->conn());
    absl::StatusOr<LoadedOrg> result = fn(tx);
    tx.commit();
    return result;
  } catch (const std::exception& e) {
    absl::Status status = db::StatusFromException(e);
    if (absl::IsUnavailable(status)) lease->MarkBroken();
    return status;
  }
}

}  // namespace

absl::StatusOr<LoadedOrg> EmployeeStore::LoadOrgForReportingLine(
    const std::string& employee_id, absl::CivilDay date,
    const std::optional<PositionOverride>& as_position) {
  return InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
    Loader loader(tx, date);
    if (as_position) {
      RETURN_IF_ERROR(
          loader.LoadSubjectAs(employee_id, as_position->position_id, as_position->unit_id));
    } else {
      RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    }
    if (loader.subject()) {
      loader.LoadChain(loader.subject()->unit_id);
      RETURN_IF_ERROR(loader.LoadDelegationsAndHeads());
      loader.LoadHolders();
    }
    return loader.Build();
  });
}

absl::StatusOr<LoadedUnitOrg> EmployeeStore::LoadOrgForUnit(const std::string& unit_id,
                                                            bool include_subunits,
                                                            absl::CivilDay date) {
  std::vector<std::string> staff_units;
  absl::StatusOr<LoadedOrg> org =
      InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
        Loader loader(tx, date);
        pqxx::result units = db::Exec(tx, queries::kUnitSubtree, unit_id, include_subunits);
        if (units.empty()) return errors::NotFound("org unit", unit_id);
        loader.AddUnits(units);
        staff_units = loader.staff_units();
        RETURN_IF_ERROR(loader.LoadDelegationsAndHeads());
        loader.LoadHolders();
        return loader.Build();
      });
  if (!org.ok()) return org.status();
  LoadedUnitOrg out{std::move(*org), {}};
  for (const std::string& id : staff_units) {
    for (const Assignment* a : out.org.snapshot.AssignmentsInUnitAt(id, date)) {
      out.placements.push_back(*a);
    }
  }
  std::sort(out.placements.begin(), out.placements.end(),
            [](const Assignment& a, const Assignment& b) {
              return std::tie(a.employee_id, a.position_id, a.unit_id) <
                     std::tie(b.employee_id, b.position_id, b.unit_id);
            });
  return out;
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> EmployeeStore::PositionNames(
    const std::vector<std::string>& position_ids) {
  using Names = absl::flat_hash_map<std::string, std::string>;
  if (position_ids.empty()) return Names();
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Names> {
    pqxx::result r = db::Exec(tx, queries::kPositionNames, db::TextArrayLiteral(position_ids));
    Names names;
    for (const pqxx::row& row : r) names[row[0].as<std::string>()] = row[1].as<std::string>();
    return names;
  });
}

absl::StatusOr<LoadedOrg> EmployeeStore::LoadOrgForDirectReports(const std::string& employee_id,
                                                                 absl::CivilDay date) {
  return InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
    Loader loader(tx, date);
    RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    loader.LoadLedSubtrees(employee_id);
    RETURN_IF_ERROR(loader.LoadDelegationsAndHeads());
    loader.LoadHolders();
    return loader.Build();
  });
}

absl::StatusOr<LoadedOrg> EmployeeStore::LoadOrgForPeers(const std::string& employee_id,
                                                         absl::CivilDay date) {
  return InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
    // First the reporting line, to learn who the assessor is; then everything that assessor
    // leads (the subject's unit is inside it, its chain among the ancestors).
    Loader chain(tx, date);
    RETURN_IF_ERROR(chain.LoadSubject(employee_id));
    if (!chain.subject()) return chain.Build();
    chain.LoadChain(chain.subject()->unit_id);
    RETURN_IF_ERROR(chain.LoadDelegationsAndHeads());
    chain.LoadHolders();
    ASSIGN_OR_RETURN(OrgSnapshot snapshot, chain.Peek());
    ReportingLine line = ResolveReportingLine(snapshot, *chain.subject(), date);
    if (!line.assessor) return chain.Build();
    Loader loader(tx, date);
    RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    loader.LoadChain(loader.subject()->unit_id);
    loader.LoadLedSubtrees(line.assessor->employee_id);
    RETURN_IF_ERROR(loader.LoadDelegationsAndHeads());
    loader.LoadHolders();
    return loader.Build();
  });
}

}  // namespace kinerja::employee::store
