// Store layer of the employee service (ARCHITECTURE.md "The house"): SQL over libpqxx against
// the service's own schema `employee` (migrations in services/employee/migrations/). The store
// takes and returns the domain's records (services/employee/domain/: Agency, OrgUnit, Position,
// EmployeeRecord, AssignmentRecord, ActingOfficial). It decides no rule itself: a write locks
// its row, loads the facts the rule needs (a parent's agency, a cycle, the open assignment),
// runs the domain function on the locked row (e.g. ApplyTransfer) and writes what it decided.
//
// Every mutating call runs in ONE transaction together with its audit row (audit_log) and its
// outbox event (protobuf payload from kinerja/employee/v1/events.proto). The store is the only
// layer that writes events; the payloads come from services/employee/convert/.
//
// Errors (absl::Status, mapped to gRPC once at the edge):
// - INVALID_ARGUMENT "<field>: ..." for bad input (field = API snake_case name);
// - NOT_FOUND "<what> <id> not found" for a missing target (or a missing referenced row, when the
//   reference is the request's subject, e.g. Transfer's employee);
// - FAILED_PRECONDITION with a reason (errors::ReasonOf) for rule violations such as a parent in
//   another agency (reason "DIFFERENT_AGENCY"), a cycle ("UNIT_CYCLE"), a referenced row that
//   does not exist ("REFERENCE_NOT_FOUND"), an effective date before the current assignment
//   ("EFFECTIVE_DATE_TOO_EARLY");
// - ALREADY_EXISTS for a repeated id / NIP / SIASN id;
// - ABORTED "etag: ..." when an expected version does not match (AIP-154);
// - UNAVAILABLE when the database is unreachable.
//
// Thread-safe: one EmployeeStore is shared by all request threads; each call leases its own
// connection from the pool. All calls block (run them on the worker pool).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/domain/acting_official.h"
#include "services/employee/domain/agency.h"
#include "services/employee/domain/assignment.h"
#include "services/employee/domain/delegation.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/employee_record.h"
#include "services/employee/domain/official.h"
#include "services/employee/domain/org_snapshot.h"
#include "services/employee/domain/org_unit.h"
#include "services/employee/domain/position.h"
#include "services/employee/domain/position_record.h"
#include "services/employee/domain/rank.h"
#include "services/employee/domain/regional_head.h"
#include "services/employee/domain/siasn_record.h"
#include "services/employee/domain/transfer.h"
#include "shared/db/change_context.h"
#include "shared/db/idempotency.h"
#include "shared/db/paging.h"
#include "shared/db/pool.h"
#include "shared/db/write_options.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/filter_schema.h"

namespace kinerja::employee::store {

// ---------------------------------------------------------------------------------------------
// Write options, paging
// ---------------------------------------------------------------------------------------------

// Every mutating call takes one. With `idempotency` set, the first successful answer is stored
// in the same transaction (as the serialized kinerja.employee.v1 resource proto, see
// convert/resources.h) and a retry with the same key returns that first answer without writing
// again (INVALID_ARGUMENT "request_id: ..." when the key's fingerprint differs). The API builds
// the key: principal = caller subject, method = full RPC name, fingerprint = digest of the
// request without request_id.
using WriteOptions = db::WriteOptions;  // shared/db/write_options.h
using PageRequest = db::PageRequest;    // shared/db/paging.h (keyset pagination; never OFFSET)
template <typename T>
using Page = db::Page<T>;

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

// Filter schemas the API passes to rpc::ParseFilter; the List calls accept exactly these.
// Org units: agency_id (=), parent_id (=; "" selects roots).
const rpc::FilterSchema& OrgUnitFilterSchema();
// Positions: agency_id (=), unit_id (=), type (=, != ; PositionTypeName values).
const rpc::FilterSchema& PositionFilterSchema();
// Employees: agency_id, unit_id, position_id (=); kind (= ; "PNS", "PPPK"); status (=, != ;
// EmployeeStatusName values); sex (= ; "MALE", "FEMALE"); rank (= ; golongan code or label,
// "31" / "III/a", or PPPK grade "IX"; a number 11..17 reads as a golongan code); name (= exact,
// or ":" with "PREFIX*" for a case-sensitive prefix match).
const rpc::FilterSchema& EmployeeFilterSchema();
// Acting officials: position_id, employee_id, agency_id (=).
const rpc::FilterSchema& ActingFilterSchema();
// Assessment delegations: agency_id, unit_id, delegate_employee_id (=).
const rpc::FilterSchema& DelegationFilterSchema();
// Regional heads: agency_id, unit_id, employee_id (=).
const rpc::FilterSchema& RegionalHeadFilterSchema();

// Employees: key (nip) for kNip, (name, nip) for kName, (create_time micros, id) for
// kCreateTimeDesc. API order_by: "" or "nip" -> kNip, "name" -> kName, "create_time desc" ->
// kCreateTimeDesc.
enum class EmployeeOrder { kNip, kName, kCreateTimeDesc };

// ---------------------------------------------------------------------------------------------
// Org snapshots for reporting lines
// ---------------------------------------------------------------------------------------------

// A minimal organisation snapshot around one employee at one date, ready for the domain
// resolvers (reporting_line.h), plus display data for the Official messages.
struct LoadedOrg {
  OrgSnapshot snapshot;
  // The employee's assignment valid on the date (employee_id, position_id, unit_id); nullopt if
  // the employee had none on that date (then the reporting line is empty).
  std::optional<Assignment> subject = {};
  // Display data for every unit / position / ASN person present in the snapshot.
  absl::flat_hash_map<std::string, std::string> unit_names = {};      // unit id -> name
  absl::flat_hash_map<std::string, std::string> position_names = {};  // position id -> name
  absl::flat_hash_map<std::string, std::string> rank_labels = {};     // employee id -> "III/a"
};

// GetReportingLine's position_id: the subject taken as placed in this position of this unit.
struct PositionOverride {
  std::string position_id;
  std::string unit_id;
};

// The organisation around a unit (ListReportingLines): everyone placed in the unit (and its
// subtree, if asked) on the date, sorted by (employee_id, position_id, unit_id), and what
// their reporting lines need.
struct LoadedUnitOrg {
  LoadedOrg org;
  std::vector<Assignment> placements = {};
};

// ---------------------------------------------------------------------------------------------
// Import (SIASN), the bulk path
// ---------------------------------------------------------------------------------------------

struct ImportOptions {
  std::string agency_id = {};  // records for another agency are rejected per record
  bool dry_run = false;        // run everything, report the counts, roll back
  // Start of assignments opened or changed by the import when a record has no tmtJabatan.
  // Defaults to today (UTC+7) when unset.
  std::optional<absl::CivilDay> default_effective_date = {};
  WriteOptions write = {};  // ctx for audit/outbox; idempotency: see ImportSession::Commit
};

struct ImportRecordError {
  int64_t line = 0;        // as given to Add (the caller's 1-based line number)
  std::string field = {};  // SIASN field name ("instansiIndukId", "unorId", ...) or "record"
  std::string message = {};
};

struct ImportCounts {
  int64_t received = 0;  // records given to Add
  int64_t created = 0;
  int64_t updated = 0;  // changed rows, including transfers
  int64_t unchanged = 0;
  int64_t failed = 0;                          // rejected per record by the store (see errors)
  std::vector<ImportRecordError> errors = {};  // the first 1000
};

// One import run inside ONE transaction on one leased connection:
//   auto s = store.BeginEmployeeImport(options);   // or BeginUnorImport
//   if ((*s)->replayed_response()) { return the stored response; }
//   for each batch: (*s)->AddEmployees(batch)        // streamed into COPY, no SQL per row
//   ImportCounts counts = (*s)->Apply();               // set-based merge, events, audit
//   (*s)->Commit(serialized_summary)                   // or rolled back: dry_run / destroyed
// Records must be ok() (parse errors are the caller's to report). A session is used from one
// thread at a time. Destroying a session without Commit rolls back.
class ImportSession {
 public:
  virtual ~ImportSession() = default;
  // Set when options.write.idempotency names an already-answered import: the response that was
  // given to Commit the first time. Add/Apply/Commit then do nothing.
  virtual const std::optional<std::string>& replayed_response() const = 0;
  // `first_line` numbers records[0] (then +1 per record) for error reports.
  // Only the matching Add is valid: AddUnor on a UNOR session, AddEmployees on a data-utama one.
  virtual absl::Status AddUnor(const std::vector<SiasnUnorRecord>& records, int64_t first_line) = 0;
  virtual absl::Status AddEmployees(const std::vector<SiasnEmployeeRecord>& records,
                                    int64_t first_line) = 0;
  // Ends the COPY and merges. Call once. UNOR: creates/updates units and their leader positions
  // (unknown parents -> per-record error). Data-utama: upserts employees by NIP, their positions,
  // assignments (a changed position/unit is a transfer from tmtJabatan or the default date), and
  // events EmployeeCreated / EmployeeUpdated / EmployeeTransferred for changed rows only; a
  // re-run of the same data changes nothing and emits nothing.
  virtual absl::StatusOr<ImportCounts> Apply() = 0;
  // Commits (stores `response` under the idempotency key first, if one was given), or rolls
  // back when dry_run. Call after Apply.
  virtual absl::Status Commit(const std::string& response = "") = 0;
};

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

class EmployeeStore {
 public:
  // `pool` must point at a schema migrated with PlatformMigrations() + EmployeeMigrations()
  // (store/migrations.h). Statements are named queries (store/queries/*.sql, shared/db/query.h),
  // prepared on each connection when first run.
  explicit EmployeeStore(db::Pool& pool) : pool_(pool) {}

  // --- Agencies ------------------------------------------------------------------------------
  absl::StatusOr<Agency> CreateAgency(const Agency& agency, const WriteOptions& write);
  absl::StatusOr<Agency> GetAgency(const std::string& id);
  // Ordered by id.
  absl::StatusOr<Page<Agency>> ListAgencies(const PageRequest& page);
  absl::StatusOr<Agency> UpdateAgency(const AgencyUpdate& update, const WriteOptions& write);

  // --- Org units -----------------------------------------------------------------------------
  // The agency and parent must exist, the parent in the same agency. leader_position_id is
  // ignored (create the leader with CreatePosition(..., unit_leader = true)).
  absl::StatusOr<OrgUnit> CreateOrgUnit(const OrgUnit& unit, const WriteOptions& write);
  absl::StatusOr<OrgUnit> GetOrgUnit(const std::string& id);
  // Ordered by id. Conditions from OrgUnitFilterSchema().
  absl::StatusOr<Page<OrgUnit>> ListOrgUnits(const std::vector<rpc::Condition>& filter,
                                             const PageRequest& page);
  // Moves a unit under another parent (same agency; "" makes it a root). FAILED_PRECONDITION
  // "UNIT_CYCLE" if the new parent is the unit itself or one of its descendants.
  absl::StatusOr<OrgUnit> SetUnitParent(const std::string& unit_id, const std::string& parent_id,
                                        std::optional<int64_t> expected_version,
                                        const WriteOptions& write);
  // The position must belong to the unit ("" clears the leader position) and may assess
  // (LEADER_NOT_ASSESSOR). Emits OrgUnitChanged.
  absl::StatusOr<OrgUnit> SetUnitLeaderPosition(const std::string& unit_id,
                                                const std::string& position_id,
                                                std::optional<int64_t> expected_version,
                                                const WriteOptions& write);

  // Applies the update's fields in one transaction under the agency's tree lock
  // (ApplyOrgUnitUpdate decides: UNIT_CYCLE, DIFFERENT_AGENCY, LEADER_NOT_ASSESSOR,
  // POSITION_IN_ANOTHER_UNIT, UNIT_HAS_STAFF, UNIT_HAS_OPEN_CHILDREN). Nothing is written when
  // nothing changes. Emits OrgUnitChanged with the previous state.
  absl::StatusOr<OrgUnit> UpdateOrgUnit(const OrgUnitUpdate& update, const WriteOptions& write);

  // --- Positions -----------------------------------------------------------------------------
  // With unit_leader, the position also becomes its unit's leader position in the same
  // transaction (unit version bumped, OrgUnitChanged emitted after PositionChanged).
  absl::StatusOr<Position> CreatePosition(const Position& position, bool unit_leader,
                                          const WriteOptions& write);
  absl::StatusOr<Position> GetPosition(const std::string& id);
  // Ordered by id. Conditions from PositionFilterSchema().
  absl::StatusOr<Page<Position>> ListPositions(const std::vector<rpc::Condition>& filter,
                                               const PageRequest& page);
  // ApplyPositionUpdate on the locked position (a leader position stays assessor-eligible).
  // Emits PositionChanged with the previous state; when a leader position's eselon changes,
  // its unit takes it too (OrgUnitChanged).
  absl::StatusOr<Position> UpdatePosition(const PositionUpdate& update, const WriteOptions& write);

  // --- Employees -----------------------------------------------------------------------------
  // record.employee.id empty -> assigned. unit_id / agency_id may be empty: they are taken from
  // the position (and must agree with it when given). Validated with ValidateEmployee after
  // that. Opens the first assignment (INITIAL) at position_start_date, else appointment_date
  // (INVALID_ARGUMENT "appointment_date: required" when neither is set). Emits EmployeeCreated.
  absl::StatusOr<EmployeeRecord> CreateEmployee(const EmployeeRecord& record,
                                                const WriteOptions& write);
  // One prepared statement, one round trip (no BEGIN/COMMIT).
  absl::StatusOr<EmployeeRecord> GetEmployee(const std::string& id);
  absl::StatusOr<EmployeeRecord> GetEmployeeByNip(const std::string& nip);
  // One query (= ANY). The result keeps the request order (duplicates repeat); NOT_FOUND
  // naming the first unknown id / NIP.
  absl::StatusOr<std::vector<EmployeeRecord>> BatchGetEmployees(
      const std::vector<std::string>& ids);
  absl::StatusOr<std::vector<EmployeeRecord>> BatchGetEmployeesByNip(
      const std::vector<std::string>& nips);
  // The stored employees among the given ids / NIPs (at most kMaxKeysPerQuery), by id / NIP;
  // unknown keys are absent. One query: what coalesced point reads go through.
  static constexpr size_t kMaxKeysPerQuery = 1000;
  absl::StatusOr<absl::flat_hash_map<std::string, EmployeeRecord>> FindEmployees(
      const std::vector<std::string>& ids);
  absl::StatusOr<absl::flat_hash_map<std::string, EmployeeRecord>> FindEmployeesByNip(
      const std::vector<std::string>& nips);
  // Conditions from EmployeeFilterSchema(); keyset pagination per EmployeeOrder.
  absl::StatusOr<Page<EmployeeRecord>> ListEmployees(const std::vector<rpc::Condition>& filter,
                                                     EmployeeOrder order, const PageRequest& page);
  // Emits EmployeeUpdated (nothing is written, and no version bump, when nothing changes).
  // `read`: the employee as the caller just read it (GetEmployee), if it did. Without an
  // idempotency key the update is then one statement that applies only if the row is still at
  // that version (otherwise it reads again and retries); with a key it runs in a transaction
  // that stores the answer.
  absl::StatusOr<EmployeeRecord> UpdateEmployee(const EmployeeUpdate& update,
                                                const WriteOptions& write,
                                                const EmployeeRecord* read = nullptr);
  // Closes the open assignment at effective_date and opens a new one for the position (same
  // agency as the employee). effective_date before the open assignment's start ->
  // FAILED_PRECONDITION "EFFECTIVE_DATE_TOO_EARLY"; equal to it -> the open assignment is
  // corrected in place (same-day correction, no history row). Emits EmployeeTransferred.
  absl::StatusOr<EmployeeRecord> TransferEmployee(const TransferRequest& request,
                                                  const WriteOptions& write);
  // Oldest first; key (start_date). NOT_FOUND if the employee does not exist.
  absl::StatusOr<Page<AssignmentRecord>> ListAssignments(const std::string& employee_id,
                                                         const PageRequest& page);

  // --- Acting officials (Plt/Plh) -------------------------------------------------------------
  // start_date <= end_date; the position and the employee exist and belong to the same agency.
  // Emits ActingOfficialAssigned.
  absl::StatusOr<ActingOfficial> CreateActingOfficial(const ActingOfficial& acting,
                                                      const WriteOptions& write);
  // Ordered by (start_date, id). Conditions from ActingFilterSchema().
  absl::StatusOr<Page<ActingOfficial>> ListActingOfficials(
      const std::vector<rpc::Condition>& filter, const PageRequest& page);
  absl::StatusOr<ActingOfficial> GetActingOfficial(const std::string& id);
  // ApplyActingUpdate on the locked appointment. Emits ActingOfficialChanged.
  absl::StatusOr<ActingOfficial> UpdateActingOfficial(const ActingUpdate& update,
                                                      const WriteOptions& write);

  // --- Assessment delegations -----------------------------------------------------------------
  // ValidateNewDelegation, then PlaceDelegation on facts read with the unit row locked (the
  // unit's other delegations, the delegate's placements on start_date). Emits
  // AssessmentDelegationChanged.
  absl::StatusOr<AssessmentDelegation> CreateAssessmentDelegation(
      const AssessmentDelegation& delegation, const WriteOptions& write);
  absl::StatusOr<AssessmentDelegation> GetAssessmentDelegation(const std::string& id);
  // Ordered by (start_date, id). Conditions from DelegationFilterSchema().
  absl::StatusOr<Page<AssessmentDelegation>> ListAssessmentDelegations(
      const std::vector<rpc::Condition>& filter, const PageRequest& page);
  // ApplyDelegationEnd on the locked delegation. Emits AssessmentDelegationChanged.
  absl::StatusOr<AssessmentDelegation> EndAssessmentDelegation(const std::string& id,
                                                               absl::CivilDay end_date,
                                                               const WriteOptions& write);

  // --- Regional heads -------------------------------------------------------------------------
  // ValidateNewRegionalHead, then PlaceRegionalHead with the unit row locked. A Pj's name is
  // the employee's. Emits RegionalHeadChanged.
  absl::StatusOr<RegionalHead> CreateRegionalHead(const RegionalHead& head,
                                                  const WriteOptions& write);
  absl::StatusOr<RegionalHead> GetRegionalHead(const std::string& id);
  // Ordered by (term_start, id). Conditions from RegionalHeadFilterSchema().
  absl::StatusOr<Page<RegionalHead>> ListRegionalHeads(const std::vector<rpc::Condition>& filter,
                                                       const PageRequest& page);
  // ApplyRegionalHeadUpdate on the locked head (overlaps checked against the unit's other
  // terms under the unit row lock). Emits RegionalHeadChanged with the previous state.
  absl::StatusOr<RegionalHead> UpdateRegionalHead(const RegionalHeadUpdate& update,
                                                  const WriteOptions& write);

  // --- Reporting lines ------------------------------------------------------------------------
  // For ResolveReportingLine(snapshot, *subject, date): the unit chain from the employee's unit
  // (at `date`) to the root, the occupants of those units' leader positions on `date`
  // (definitive, Plt/Plh, NON-ASN) and the employee's own records. NOT_FOUND if the employee
  // does not exist. Three queries.
  // With `as_position`, the subject is taken as placed in that position (and its unit) on the
  // date, whatever their real placement (review of a plan of an earlier position).
  // Delegations of the loaded units and the delegates' own chains, and regional head terms,
  // are loaded too.
  absl::StatusOr<LoadedOrg> LoadOrgForReportingLine(
      const std::string& employee_id, absl::CivilDay date,
      const std::optional<PositionOverride>& as_position = std::nullopt);
  // For ListReportingLines: the unit (and with include_subunits its subtree) with its staff
  // on `date`, the ancestor chain with the leaders' holders, Plt/Plh, delegations (and the
  // delegates' chains) and regional heads: one snapshot that resolves every placement's
  // line. NOT_FOUND if the unit does not exist. Four to six queries in one read snapshot.
  absl::StatusOr<LoadedUnitOrg> LoadOrgForUnit(const std::string& unit_id, bool include_subunits,
                                               absl::CivilDay date);
  // Names of the given positions (unknown ids are absent). One query.
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> PositionNames(
      const std::vector<std::string>& position_ids);
  // For DirectReports(snapshot, PersonOnly(kAsn, employee_id), date): the units whose leader
  // position the employee holds or acts in on `date`, their whole subtrees with staff and
  // leaders on `date`, and the ancestor chains (so parents resolve). `subject` as above.
  absl::StatusOr<LoadedOrg> LoadOrgForDirectReports(const std::string& employee_id,
                                                    absl::CivilDay date);
  // For Peers(snapshot, *subject, date): the reporting-line records plus the subtrees of the
  // units the employee's assessor leads on `date`.
  absl::StatusOr<LoadedOrg> LoadOrgForPeers(const std::string& employee_id, absl::CivilDay date);

  // --- Import ---------------------------------------------------------------------------------
  // Opens the transaction (holding a pooled connection until Commit or destruction) and the COPY
  // into a TEMP staging table. NOT_FOUND if the agency does not exist.
  absl::StatusOr<std::unique_ptr<ImportSession>> BeginUnorImport(const ImportOptions& options);
  absl::StatusOr<std::unique_ptr<ImportSession>> BeginEmployeeImport(const ImportOptions& options);
  // Convenience: Begin + Add + Apply + Commit("") in one call (tests, tools).
  absl::StatusOr<ImportCounts> ImportUnor(const ImportOptions& options,
                                          const std::vector<SiasnUnorRecord>& records);
  absl::StatusOr<ImportCounts> ImportEmployees(const ImportOptions& options,
                                               const std::vector<SiasnEmployeeRecord>& records);

 private:
  db::Pool& pool_;
};

}  // namespace kinerja::employee::store
