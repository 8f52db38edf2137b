// Loads the minimal organisation records the domain's reporting-line resolver needs around one
// employee on one date (recursive CTEs over org_units, holders valid on the date), and builds an
// OrgSnapshot from them. Three or four queries per call, each one round trip, in one read-only
// snapshot (REPEATABLE READ) so the pieces agree with each other. The queries are in
// queries/reporting_line.sql.
#include <string>
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
    pqxx::result r = db::Exec(tx_, queries::kSubjectOnDate, employee_id, date_);
    if (r.empty()) return errors::NotFound("employee", employee_id);
    AddPerson(employee_id, r[0][0], r[0][1], r[0][2], r[0][3]);
    if (!r[0][4].is_null()) {
      Assignment a{employee_id,
                   r[0][4].as<std::string>(),
                   r[0][5].as<std::string>(),
                   {DayFromField(r[0][6]), internal::OptionalDayFromField(r[0][7])}};
      subject_ = a;
      records_.assignments.push_back(std::move(a));
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
      UnitNode unit{id, internal::TextOrEmpty(row[1]), internal::TextOrEmpty(row[2])};
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
    if (person.rfind("non-asn:", 0) == 0) {
      AddUnits(db::Exec(tx_, queries::kUnitsLedByPosition, person.substr(8)));
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
        if (subject_ && subject_->employee_id == employee_id &&
            subject_->position_id == row[2].as<std::string>() &&
            subject_->valid.from == valid.from) {
          continue;  // already added by LoadSubject
        }
        records_.assignments.push_back(
            {employee_id, row[2].as<std::string>(), row[3].as<std::string>(), valid});
      } else {
        records_.acting.push_back({employee_id, row[2].as<std::string>(),
                                   internal::ActingKindFromName(row[6].c_str()), valid});
      }
    }
  }

  const std::optional<Assignment>& subject() const { return subject_; }

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

  pqxx::transaction_base& tx_;
  const std::string date_;
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

absl::StatusOr<LoadedOrg> EmployeeStore::LoadOrgForReportingLine(const std::string& employee_id,
                                                                 absl::CivilDay date) {
  return InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
    Loader loader(tx, date);
    RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    if (loader.subject()) {
      loader.LoadChain(loader.subject()->unit_id);
      loader.LoadHolders();
    }
    return loader.Build();
  });
}

absl::StatusOr<LoadedOrg> EmployeeStore::LoadOrgForDirectReports(const std::string& employee_id,
                                                                 absl::CivilDay date) {
  return InSnapshot(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<LoadedOrg> {
    Loader loader(tx, date);
    RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    loader.LoadLedSubtrees(employee_id);
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
    chain.LoadHolders();
    ASSIGN_OR_RETURN(OrgSnapshot snapshot, chain.Peek());
    ReportingLine line = ResolveReportingLine(snapshot, *chain.subject(), date);
    if (!line.assessor) return chain.Build();
    Loader loader(tx, date);
    RETURN_IF_ERROR(loader.LoadSubject(employee_id));
    loader.LoadChain(loader.subject()->unit_id);
    loader.LoadLedSubtrees(line.assessor->employee_id);
    loader.LoadHolders();
    return loader.Build();
  });
}

}  // namespace kinerja::employee::store
