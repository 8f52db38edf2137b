// Loads the minimal organisation records the domain's reporting-line resolver needs around one
// employee on one date (recursive CTEs over org_units, holders valid on the date), and builds an
// OrgSnapshot from them. Three or four queries per call, each one round trip, in one read-only
// snapshot (REPEATABLE READ) so the pieces agree with each other.
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "services/employee/domain/reporting_line.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/rows.h"
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
    pqxx::result r = tx_.exec_params(
        "SELECT e.nip, e.name, e.kind, e.rank, a.position_id, a.unit_id, "
        "(a.valid_from - DATE '1970-01-01'), (a.valid_to - DATE '1970-01-01') "
        "FROM employees e LEFT JOIN assignments a ON a.employee_id = e.id "
        "AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date) "
        "WHERE e.id = $1 ORDER BY a.valid_from DESC LIMIT 1",
        employee_id, date_);
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
    AddUnits(tx_.exec_params(
        "WITH RECURSIVE chain(id, parent_id) AS ("
        "  SELECT id, parent_id FROM org_units WHERE id = $1"
        "  UNION"
        "  SELECT u.id, u.parent_id FROM org_units u JOIN chain c ON u.id = c.parent_id"
        ") " +
            UnitSelect("chain", "false"),
        unit_id));
  }

  // Units whose leader position `person` holds or acts in on the date, their subtrees and
  // their ancestors. `person` is an employee id, or a NON-ASN holder id.
  void LoadLedSubtrees(const std::string& person) {
    std::string led;
    std::string position;
    if (person.rfind("non-asn:", 0) == 0) {
      position = person.substr(8);
      // ($2 is unused here but keeps one parameter list for both forms.)
      led = "SELECT id FROM org_units WHERE leader_position_id = $1 AND $2::date IS NOT NULL";
    } else {
      position = person;
      led =
          "SELECT u.id FROM org_units u WHERE u.leader_position_id IN ("
          "  SELECT position_id FROM assignments WHERE employee_id = $1"
          "    AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)"
          "  UNION"
          "  SELECT position_id FROM acting_officials WHERE employee_id = $1"
          "    AND start_date <= $2::date AND end_date >= $2::date)";
    }
    AddUnits(tx_.exec_params(
        "WITH RECURSIVE led(id) AS (" + led +
            "), down(id) AS ("
            "  SELECT id FROM led"
            "  UNION"
            "  SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id"
            "), up(id, parent_id) AS ("
            "  SELECT u.id, u.parent_id FROM org_units u JOIN led ON u.id = led.id"
            "  UNION"
            "  SELECT u.id, u.parent_id FROM org_units u JOIN up ON u.id = up.parent_id"
            "), wanted(id) AS (SELECT id FROM down UNION SELECT id FROM up) " +
            UnitSelect("wanted", "u.id IN (SELECT id FROM down)"),
        position, date_));
  }

  // Holders on the date: definitive holders of the loaded leader positions, every assignment in
  // the units whose staff is wanted (subtrees), Plt/Plh of the leader positions.
  void LoadHolders() {
    std::vector<std::string> all_units;
    all_units.reserve(records_.units.size());
    for (const UnitNode& unit : records_.units) all_units.push_back(unit.id);
    // A leader position's holders are found through its unit (assignments are indexed by
    // unit; positions never change unit).
    pqxx::result r = tx_.exec_params(
        "SELECT 'A', a.employee_id, a.position_id, a.unit_id, "
        "  (a.valid_from - DATE '1970-01-01'), (a.valid_to - DATE '1970-01-01'), NULL, "
        "  e.nip, e.name, e.kind, e.rank "
        "FROM assignments a JOIN employees e ON e.id = a.employee_id "
        "WHERE a.unit_id = ANY($4::text[]) "
        "  AND (a.unit_id = ANY($1::text[]) OR a.position_id = ANY($2::text[])) "
        "  AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > $3::date) "
        "UNION ALL "
        "SELECT 'P', ac.employee_id, ac.position_id, NULL, "
        "  (ac.start_date - DATE '1970-01-01'), (ac.end_date + 1 - DATE '1970-01-01'), ac.kind, "
        "  e.nip, e.name, e.kind, e.rank "
        "FROM acting_officials ac JOIN employees e ON e.id = ac.employee_id "
        "WHERE ac.position_id = ANY($2::text[]) "
        "  AND ac.start_date <= $3::date AND ac.end_date >= $3::date",
        db::TextArrayLiteral(staff_units_), db::TextArrayLiteral(leader_positions_), date_,
        db::TextArrayLiteral(all_units));
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
  static std::string UnitSelect(const char* ids, const char* staff_wanted) {
    return absl::StrCat(
        "SELECT u.id, u.parent_id, u.leader_position_id, u.name, p.name, p.non_asn_holder_name, ",
        staff_wanted, " FROM org_units u JOIN ", ids,
        " w ON w.id = u.id LEFT JOIN positions p ON p.id = u.leader_position_id");
  }

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
