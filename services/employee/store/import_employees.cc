// Data-utama import: staged SIASN employee records are merged set-based into employees,
// positions and assignments, with outbox events only for rows that changed.
//
// Rules:
// - employees are matched by NIP; a new employee's id is its SIASN id (pnsOrangId) when free,
//   else a generated uuid;
// - the unit (unorId) must be a unit of the import's agency; an employee stored under another
//   agency, or a SIASN id held by another NIP, is rejected per record;
// - position: the unit's leader position when the record's SIASN id is the unit's
//   pemimpinPnsId (UNOR import), else the unit's position keyed by (unit, type, jabatanNama)
//   (id "pos-" + 32 hex digits of SHA-256), created on first use (PositionChanged event);
// - optional data missing from a record (tmtCpns, SIASN id, rank of the same kind) keeps the
//   stored value; status is never changed by an import;
// - a changed unit or position is a transfer (reason TRANSFER) effective tmtJabatan, or the
//   import's default date without one: the open assignment is closed there and a new one opened;
//   an effective date on or before the open assignment's start corrects it in place;
// - events: EmployeeCreated, EmployeeUpdated, EmployeeTransferred (payload with the row as
//   stored after the change); unchanged rows emit nothing and keep their version.
// Concurrent API writes to the same employees are not locked out (locking a million rows on a
// no-op re-run would rewrite them); the import is last-writer-wins for the fields it sets.
//
// Speed (the import is benchmarked against raw COPY): records are COPYed into a TEMP staging
// table together with their position id and a pre-built EmployeeCreated payload (see
// EmployeeStager), one CREATE TABLE AS classifies every record, plain INSERT/UPDATE statements
// apply each class, and the events of new employees are written with one INSERT ... SELECT of
// the pre-built payloads. Only changed existing rows (and the rare new row whose id could not
// be its SIASN id) are read back to build their payloads, and written to the outbox by COPY.
#include <string>

#include <cstdio>
#include <cstdlib>
#include "absl/strings/string_view.h"
#include "services/employee/domain/rank.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"
#include "shared/events/outbox_writer.h"

#include "absl/strings/str_cat.h"
#include "google/type/date.pb.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/import_session.h"
#include "services/employee/store/rows.h"
#include "shared/text/text.h"

namespace kinerja::employee::store::internal {

const char kEmployeeStagingDdl[] =
    "CREATE TEMP TABLE stage_employee ("
    "  line bigint NOT NULL, siasn_id text COLLATE \"C\", nip text COLLATE \"C\" NOT NULL,"
    "  name text COLLATE \"C\" NOT NULL, birth_date date NOT NULL, sex text NOT NULL,"
    "  kind text NOT NULL, candidate boolean NOT NULL, rank text, pos_type text NOT NULL,"
    "  pos_level text NOT NULL, eselon smallint, pos_name text NOT NULL,"
    "  unor_id text COLLATE \"C\" NOT NULL, position_id text COLLATE \"C\" NOT NULL,"
    "  appointment_date date, position_date date, created_payload bytea) ON COMMIT DROP";

const std::vector<std::string>& EmployeeStagingColumns() {
  static const auto* columns = new std::vector<std::string>{"line",          "siasn_id",
                                                            "nip",           "name",
                                                            "birth_date",    "sex",
                                                            "kind",          "candidate",
                                                            "rank",          "pos_type",
                                                            "pos_level",     "eselon",
                                                            "pos_name",      "unor_id",
                                                            "position_id",   "appointment_date",
                                                            "position_date", "created_payload"};
  return *columns;
}

EmployeeStager::EmployeeStager(pqxx::work& tx, const std::string& agency_id,
                               absl::CivilDay effective_date)
    : effective_date_(effective_date) {
  pqxx::result units = tx.exec_params(
      "SELECT id, leader_siasn_id, leader_position_id FROM org_units WHERE agency_id = $1",
      agency_id);
  units_.reserve(units.size());
  for (const pqxx::row& row : units) {
    units_[row[0].as<std::string>()] = {TextOrEmpty(row[1]), TextOrEmpty(row[2])};
  }
  now_ = TimeFromField(tx.exec1("SELECT (extract(epoch FROM now()) * 1000000)::bigint")[0]);
}

EmployeeStager::~EmployeeStager() = default;

void EmployeeStager::Stage(const SiasnEmployeeRecord& r, int64_t line, std::string& out) {
  const std::string_view position_name = r.position_name.empty()
                                             ? PositionTypeLabel(r.position.type)
                                             : std::string_view(r.position_name);
  const std::string_view type = PositionTypeName(r.position.type);
  std::string position_id;
  bool unit_known = false;
  if (auto unit = units_.find(r.unor_id); unit != units_.end()) {
    unit_known = true;
    if (!r.siasn_id.empty() && !unit->second.leader_position_id.empty() &&
        unit->second.leader_siasn_id == r.siasn_id) {
      position_id = unit->second.leader_position_id;
    }
  }
  if (position_id.empty()) {
    const std::string digest = crypto::Sha256(
        absl::StrCat(ToAbsl(r.unor_id), "\x1f", ToAbsl(type), "\x1f", ToAbsl(position_name)));
    position_id = absl::StrCat("pos-", crypto::HexEncode(std::string_view(digest).substr(0, 16)));
  }

  CopyLine l(out);
  l.Int(line);
  if (r.siasn_id.empty()) {
    l.Null();
  } else {
    l.Text(r.siasn_id);
  }
  l.Text(r.nip).Text(r.name).Raw(DayText(r.birth_date)).Raw(SexName(r.sex));
  l.Raw(EmployeeKindName(r.kind)).Bool(r.candidate);
  if (std::holds_alternative<std::monostate>(r.rank)) {
    l.Null();
  } else {
    l.Text(RankLabel(r.rank));
  }
  l.Raw(type).Raw(FunctionalLevelName(r.position.level));
  if (r.eselon && r.position.type != PositionType::kFungsional &&
      r.position.type != PositionType::kPelaksana) {
    l.Int(EselonCode(*r.eselon));
  } else {
    l.Null();
  }
  l.Text(position_name).Text(r.unor_id).Text(position_id);
  if (r.cpns_date) {
    l.Raw(DayText(*r.cpns_date));
  } else {
    l.Null();
  }
  if (r.position_date) {
    l.Raw(DayText(*r.position_date));
  } else {
    l.Null();
  }
  if (r.siasn_id.empty() || !unit_known) {
    l.Null();  // the row's id is not known here (or the record will be rejected)
  } else {
    // The row exactly as kInsertEmployees writes it, assuming id = SIASN id.
    EmployeeRecord created;
    Employee& e = created.employee;
    e.id = r.siasn_id;
    e.kind = r.kind;
    e.candidate = r.candidate;
    e.nip = r.nip;
    e.name = r.name;
    e.sex = r.sex;
    e.birth_date = r.birth_date;
    e.rank = r.rank;
    e.status = EmployeeStatus::kActive;
    e.position_id = position_id;
    e.unit_id = r.unor_id;
    e.agency_id = r.agency_id;
    e.siasn_id = r.siasn_id;
    created.appointment_date = r.cpns_date;
    created.position_start_date = r.position_date.value_or(effective_date_);
    created.version = 1;
    created.create_time = now_;
    created.update_time = now_;
    v1::EmployeeChanged event;
    *event.mutable_employee() = convert::ToProto(created);
    scratch_.clear();
    event.SerializeToString(&scratch_);
    l.Bytea(scratch_);
  }
  l.End();
}

namespace {

// imp: one row per staged record with its classification:
//   E error, C create, T transfer (unit/position changed; other fields may change too),
//   U update (fields changed), N unchanged.
//
// Every lookup goes by a unique index, once per staged row, so the cost follows the batch and
// not the size of the tables (the bench imports agency by agency into tables that grow to a
// million employees). Written as joins or NOT EXISTS, the planner chose plans that read whole
// tables on every import: a hashed NOT EXISTS over a sequential scan of employees, a hash join
// of employees on nip while the statistics lagged behind the bulk inserts (the planner prices an
// index probe as random I/O, so ~10k probes looked dearer than hashing ~300k rows), and a scan
// of the agency's units per staged row while the units just imported were not yet counted:
// - the unit: a scalar subquery by id (primary key) and agency;
// - the stored employee with the record's NIP: a LATERAL subquery with LIMIT 1 (nip is unique),
//   which the planner cannot turn into a hash join, so it probes employees_nip_key per row;
// - the owner of the SIASN id and whether it is free as an employee id: scalar subqueries
//   (employees_siasn_id_key, employees_pkey).
constexpr char kClassify[] =
    "CREATE TEMP TABLE imp ON COMMIT DROP AS "
    "SELECT t.*,"
    "  CASE WHEN t.unit_found IS NULL THEN 'unorId' WHEN t.stored_agency <> $1 THEN 'nipBaru'"
    "    WHEN t.siasn_owner IS NOT NULL THEN 'id' END AS err_field,"
    "  CASE WHEN t.unit_found IS NULL OR t.stored_agency <> $1 OR t.siasn_owner IS NOT NULL"
    "    THEN 'E' WHEN t.cur_id IS NULL THEN 'C'"
    "    WHEN (t.cur_unit, t.cur_position) IS DISTINCT FROM (t.unor_id, t.position_id) THEN 'T'"
    "    WHEN t.fields_differ THEN 'U' ELSE 'N' END AS cls "
    "FROM ("
    // Every staged column but the pre-built payload, which stays in stage_employee (read once,
    // by kCreatedEvents) instead of being copied into imp.
    "  SELECT s.line, s.siasn_id, s.nip, s.name, s.birth_date, s.sex, s.kind, s.candidate,"
    "    s.rank, s.pos_type, s.pos_level, s.eselon, s.pos_name, s.unor_id, s.position_id,"
    "    s.appointment_date, s.position_date, s.created_payload IS NOT NULL AS has_payload,"
    "    (SELECT u.id FROM org_units u WHERE u.id = s.unor_id AND u.agency_id = $1)"
    "      AS unit_found,"
    "    e.agency_id AS stored_agency,"
    // Another employee holding the SIASN id: only possible when this row does not hold it.
    "    CASE WHEN s.siasn_id IS NOT NULL AND (e.id IS NULL OR e.siasn_id IS DISTINCT FROM"
    "      s.siasn_id) THEN (SELECT o.nip FROM employees o WHERE o.siasn_id = s.siasn_id"
    "      AND o.nip <> s.nip)"
    "    END AS siasn_owner,"
    "    e.id AS cur_id, e.unit_id AS cur_unit, e.position_id AS cur_position,"
    "    e.position_start_date AS cur_start,"
    "    CASE WHEN e.id IS NULL THEN CASE WHEN s.siasn_id IS NOT NULL AND ("
    "      SELECT x.id FROM employees x WHERE x.id = s.siasn_id) IS NULL"
    "      THEN s.siasn_id ELSE gen_random_uuid()::text END END AS new_id,"
    "    coalesce(s.position_date, $2::date) AS eff,"
    "    CASE WHEN s.kind = e.kind THEN coalesce(s.rank, e.rank) ELSE s.rank END AS new_rank,"
    "    coalesce(s.appointment_date, e.appointment_date) AS new_appointment,"
    "    coalesce(s.siasn_id, e.siasn_id) AS new_siasn,"
    "    (e.name, e.kind, e.candidate, e.sex, e.birth_date, e.rank, e.appointment_date,"
    "      e.siasn_id) IS DISTINCT FROM (s.name, s.kind, s.candidate, s.sex, s.birth_date,"
    "      CASE WHEN s.kind = e.kind THEN coalesce(s.rank, e.rank) ELSE s.rank END,"
    "      coalesce(s.appointment_date, e.appointment_date), coalesce(s.siasn_id, e.siasn_id))"
    "      AS fields_differ"
    "  FROM stage_employee s"
    "  LEFT JOIN LATERAL (SELECT * FROM employees e WHERE e.nip = s.nip LIMIT 1) e ON true"
    ") t";

// The inserted positions are kept whole (RETURNING *) for their events: joining the ids back to
// positions made the planner hash the whole table (~500k rows at 1M employees).
constexpr char kNewPositions[] =
    "WITH ins AS ("
    "  INSERT INTO positions (id, agency_id, unit_id, name, type, functional_level, eselon)"
    "  SELECT position_id, $1, min(unor_id), min(pos_name), min(pos_type), min(pos_level),"
    "    min(eselon)"
    "  FROM imp WHERE cls IN ('C', 'T') GROUP BY position_id"
    "  ON CONFLICT (id) DO NOTHING RETURNING *"
    ") INSERT INTO new_positions SELECT * FROM ins";

constexpr char kInsertEmployees[] =
    "INSERT INTO employees (id, nip, kind, candidate, name, sex, birth_date, rank, status,"
    "  agency_id, unit_id, position_id, appointment_date, position_start_date, siasn_id) "
    "SELECT new_id, nip, kind, candidate, name, sex, birth_date, rank, 'ACTIVE', $1, unor_id,"
    "  position_id, appointment_date, eff, siasn_id "
    "FROM imp WHERE cls = 'C'";

constexpr char kInsertInitialAssignments[] =
    "INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, agency_id, reason) "
    "SELECT new_id, eff, position_id, unor_id, $1, 'INITIAL' FROM imp WHERE cls = 'C'";

constexpr char kUpdateEmployees[] =
    "UPDATE employees e SET name = i.name, kind = i.kind, candidate = i.candidate, sex = i.sex,"
    "  birth_date = i.birth_date, rank = i.new_rank, appointment_date = i.new_appointment,"
    "  siasn_id = i.new_siasn, unit_id = i.unor_id, position_id = i.position_id,"
    "  position_start_date = CASE WHEN i.cls <> 'T' THEN e.position_start_date"
    "    WHEN i.cur_start IS NULL OR i.eff > i.cur_start THEN i.eff ELSE i.cur_start END,"
    "  version = e.version + 1, update_time = now() "
    "FROM imp i WHERE e.id = i.cur_id AND i.cls IN ('U', 'T')";

// Transfers, in this order: corrections in place, closing, opening.
constexpr char kCorrectAssignments[] =
    "UPDATE assignments a SET position_id = i.position_id, unit_id = i.unor_id,"
    "  reason = 'TRANSFER' "
    "FROM imp i WHERE i.cls = 'T' AND a.employee_id = i.cur_id AND a.valid_to IS NULL"
    "  AND i.eff <= a.valid_from";
constexpr char kCloseAssignments[] =
    "UPDATE assignments a SET valid_to = i.eff "
    "FROM imp i WHERE i.cls = 'T' AND a.employee_id = i.cur_id AND a.valid_to IS NULL"
    "  AND i.eff > a.valid_from";
constexpr char kOpenAssignments[] =
    "INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, agency_id, reason) "
    "SELECT i.cur_id, i.eff, i.position_id, i.unor_id, $1, 'TRANSFER' FROM imp i "
    "WHERE i.cls = 'T' AND NOT EXISTS ("
    "  SELECT 1 FROM assignments a WHERE a.employee_id = i.cur_id AND a.valid_to IS NULL)";

// New rows whose pre-built payload is exact (their id is their SIASN id).
constexpr char kCreatedEvents[] =
    "INSERT INTO outbox (type, aggregate_type, aggregate_id, payload_type, payload, actor,"
    "  request_id) "
    "SELECT 'EmployeeCreated', 'employee', i.new_id, $1, s.created_payload, $2, $3 "
    "FROM imp i JOIN stage_employee s ON s.line = i.line "
    "WHERE i.cls = 'C' AND i.has_payload AND i.new_id = i.siasn_id ORDER BY i.line";

// Records per class in imp (see kClassify).
struct ClassCounts {
  int64_t rejected = 0;     // E
  int64_t created = 0;      // C
  int64_t transferred = 0;  // T
  int64_t updated = 0;      // U
  int64_t unchanged = 0;    // N
};

void EmitEvents(ImportSessionImpl& session, const ClassCounts& classes) {
  pqxx::work& tx = session.tx();
  const WriteOptions& write = session.options().write;
  if (classes.created + classes.transferred + classes.updated == 0) return;
  ForEachBatch(tx,
               absl::StrCat("SELECT ", PositionColumns("p"), " FROM new_positions p ORDER BY p.id"),
               20000, [&](const pqxx::result& rows) {
                 OutboxCopy out(tx, write);
                 v1::PositionChanged event;
                 for (const pqxx::row& row : rows) {
                   Position position = PositionFromRow(row);
                   *event.mutable_position() = convert::ToProto(position);
                   out.Add(kPositionChanged, "position", position.id, event);
                 }
                 out.Complete();
               });
  if (classes.created > 0) {
    tx.exec_params0(kCreatedEvents, events::TypeUrl(v1::EmployeeChanged()), write.ctx.actor,
                    write.ctx.request_id);
  }
  // Everything else that changed is read back.
  ForEachBatch(tx,
               absl::StrCat("SELECT i.cls, i.cur_position, i.cur_unit, ", EmployeeColumns("e"),
                            " FROM imp i JOIN employees e ON e.id = coalesce(i.cur_id, i.new_id)"
                            " WHERE i.cls IN ('U', 'T') OR (i.cls = 'C' AND (NOT i.has_payload"
                            " OR i.new_id IS DISTINCT FROM i.siasn_id)) ORDER BY i.line"),
               20000, [&](const pqxx::result& rows) {
                 OutboxCopy out(tx, write);
                 v1::EmployeeChanged changed;
                 v1::EmployeeTransferred transferred;
                 for (const pqxx::row& row : rows) {
                   EmployeeRecord record = EmployeeFromRow(row, 3);
                   const char cls = row[0].c_str()[0];
                   if (cls == 'T') {
                     *transferred.mutable_employee() = convert::ToProto(record);
                     transferred.set_from_position_id(TextOrEmpty(row[1]));
                     transferred.set_from_unit_id(TextOrEmpty(row[2]));
                     if (record.position_start_date) {
                       google::type::Date* d = transferred.mutable_effective_date();
                       d->set_year(static_cast<int32_t>(record.position_start_date->year()));
                       d->set_month(record.position_start_date->month());
                       d->set_day(record.position_start_date->day());
                     }
                     transferred.set_reason(v1::ASSIGNMENT_REASON_TRANSFER);
                     out.Add(kEmployeeTransferred, "employee", record.employee.id, transferred);
                   } else {
                     *changed.mutable_employee() = convert::ToProto(record);
                     out.Add(cls == 'C' ? kEmployeeCreated : kEmployeeUpdated, "employee",
                             record.employee.id, changed);
                   }
                 }
                 out.Complete();
               });
}

}  // namespace

absl::Status MergeEmployees(ImportSessionImpl& session) {
  pqxx::work& tx = session.tx();
  const std::string& agency = session.options().agency_id;
  // Statistics for the classifying joins when the batch is large (a few tens of ms).
  if (session.counts().received >= 20000) tx.exec0("ANALYZE stage_employee");
  tx.exec_params0(kClassify, agency, session.effective_date());

  // The statements below run only for the classes present: a re-run of an unchanged file, or a
  // first import (no transfers), skips the others instead of scanning imp for nothing.
  ClassCounts classes;
  for (const pqxx::row& row : tx.exec("SELECT cls, count(*) FROM imp GROUP BY cls")) {
    const int64_t n = row[1].as<int64_t>();
    switch (row[0].c_str()[0]) {
      case 'E':
        classes.rejected = n;
        break;
      case 'C':
        classes.created = n;
        break;
      case 'T':
        classes.transferred = n;
        break;
      case 'U':
        classes.updated = n;
        break;
      case 'N':
        classes.unchanged = n;
        break;
      default:
        break;
    }
  }

  if (classes.rejected > 0) {
    pqxx::result rejected = tx.exec(
        "SELECT line, err_field, stored_agency, siasn_owner, unor_id FROM imp WHERE cls = 'E' "
        "ORDER BY line");
    for (const pqxx::row& row : rejected) {
      const std::string field = row[1].as<std::string>();
      std::string message;
      if (field == "unorId") {
        message = absl::StrCat("unit ", row[4].c_str(), " is not a unit of agency ", agency,
                               " (import the UNOR records first)");
      } else if (field == "nipBaru") {
        message = absl::StrCat("the employee with this NIP belongs to agency ", row[2].c_str());
      } else {
        message =
            absl::StrCat("SIASN id already belongs to the employee with NIP ", row[3].c_str());
      }
      session.RecordError(row[0].as<int64_t>(), field, std::move(message));
    }
  }

  tx.exec0("CREATE TEMP TABLE new_positions (LIKE positions) ON COMMIT DROP");
  if (classes.created + classes.transferred > 0) tx.exec_params0(kNewPositions, agency);
  if (classes.created > 0) {
    tx.exec_params0(kInsertEmployees, agency);
    tx.exec_params0(kInsertInitialAssignments, agency);
  }
  if (classes.updated + classes.transferred > 0) tx.exec0(kUpdateEmployees);
  if (classes.transferred > 0) {
    tx.exec0(kCorrectAssignments);
    tx.exec0(kCloseAssignments);
    tx.exec_params0(kOpenAssignments, agency);
  }

  ImportCounts& c = session.counts();
  c.created += classes.created;
  c.updated += classes.updated + classes.transferred;
  c.unchanged += classes.unchanged;
  EmitEvents(session, classes);
  return absl::OkStatus();
}

}  // namespace kinerja::employee::store::internal
