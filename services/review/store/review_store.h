// Store layer of the review service: SQL over libpqxx against the service's own schema `review`
// (migrations in services/review/migrations/). It takes and returns the review records
// (services/review/domain/records.h). It checks only what the database can check (existence,
// uniqueness, versions); rules are the domain's, run through the callbacks below inside the same
// transaction as the write, on the rows locked FOR UPDATE, with the facts loaded in that
// transaction (the goals store's pattern).
//
// Every mutating call runs in ONE transaction together with its audit row (audit_log, before
// and after as JSON) and its outbox event (payload from kinerja/review/v1/events.proto), and
// honours WriteOptions::idempotency (a replay returns the first answer).
//
// Areas: policy_store.cc, org_predicate_store.cc, assessment_store.cc, objection_store.cc,
// export_store.cc (and, later, realisation / feedback / 360 / survey stores).
//
// Errors: INVALID_ARGUMENT "<field>: ..."; NOT_FOUND "<what> <id> not found"; FAILED_PRECONDITION
// with a reason for rule violations; ABORTED "etag: ..." when an expected version does not match;
// UNAVAILABLE when the database is down. Thread-safe; every call leases its own pooled
// connection and blocks (run on the worker pool).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "kinerja/review/v1/resources.pb.h"
#include "services/review/domain/distribution.h"
#include "services/review/domain/records.h"
#include "shared/db/paging.h"
#include "shared/db/pool.h"
#include "shared/db/write_options.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/filter_schema.h"

namespace kinerja::review::store {

using db::Page;
using db::PageRequest;
using db::WriteOptions;

// Event type names (outbox.type), as events.proto lists them.
inline constexpr char kReviewPolicyUpdated[] = "ReviewPolicyUpdated";
inline constexpr char kOrgPredicateSet[] = "OrgPredicateSet";
inline constexpr char kAssessmentRated[] = "AssessmentRated";
inline constexpr char kAssessmentFinalised[] = "AssessmentFinalised";
inline constexpr char kAssessmentChangedByObjection[] = "AssessmentChangedByObjection";
inline constexpr char kObjectionFiled[] = "ObjectionFiled";
inline constexpr char kObjectionExplained[] = "ObjectionExplained";
inline constexpr char kObjectionDecided[] = "ObjectionDecided";
inline constexpr char kAssessmentExported[] = "AssessmentExported";

// What the store loads for an assessment rule in the write's transaction.
struct AssessmentFacts {
  // The organisation predicate of the assessment's unit for its period (locked FOR UPDATE when
  // the mutation asks for the unit lock).
  std::optional<OrgPredicate> org_predicate;
  // With the unit lock: the unit's finalised staff predicates (not unit heads) of the same
  // period, kind and window, without this assessment.
  PredicateCounts unit_finalised;
};

// One change to one assessment: `apply` runs on the record as locked (or, for the first rating
// of a plan's window, on the new draft) and changes it or refuses; the store then saves it with
// version + 1, the audit row (`action`) and the event (`event_type`, AssessmentChanged).
struct AssessmentMutation {
  std::string action;  // e.g. "assessment.rate"
  const char* event_type = kAssessmentRated;
  // Lock the unit's organisation predicate row for the period first and count the unit's
  // finalised staff predicates (FinaliseAssessment): finalisations of one unit and period are
  // serialised on that row, so two cannot both pass the distribution check.
  bool lock_unit = false;
  absl::AnyInvocable<absl::Status(AssessmentRecord& record, const AssessmentFacts& facts)> apply;
};

// Setting a unit's organisation predicate: `decide` gets the number of the unit's finalised
// assessments of the period (ORG_PREDICATE_LOCKED when any) and returns the decision.
struct OrgPredicateChange {
  std::string agency_id;
  std::string unit_id;
  std::string period_id;
  std::string decided_by_position_id;
  absl::AnyInvocable<absl::StatusOr<OrgPredicateDecision>(int finalised_in_unit)> decide;
};

// Filing: `make` gets the assessment (locked) and whether it already has an objection, and
// returns the new objection (or refuses).
using ObjectionFiling = absl::AnyInvocable<absl::StatusOr<ObjectionRecord>(
    const AssessmentRecord& assessment, bool has_objection)>;
// Explaining and deciding: on the locked objection and its locked assessment.
using ObjectionStep =
    absl::AnyInvocable<absl::Status(ObjectionRecord& objection, AssessmentRecord& assessment)>;

// Which finalised assessments an export covers.
struct ExportQuery {
  std::string agency_id = {};
  std::string period_id = {};
  std::vector<std::string> unit_ids = {};  // empty: every unit
  std::optional<AssessmentKind> kind = {};
  bool all = false;  // also those exported already and unchanged since
};

// A finalised assessment to export, and whether it was exported before (an objection changed it
// since: CHANGED), or never (NEW).
struct ExportCandidate {
  AssessmentRecord record;
  bool exported_before = false;
};

// One body streamed: the assessment's version that was exported and what was sent.
struct ExportMark {
  std::string assessment_id;
  int64_t version = 0;
  v1::ExportRecord record;
};

class ReviewStore {
 public:
  // `pool` must point at the migrated `review` schema.
  explicit ReviewStore(db::Pool& pool) : pool_(pool) {}

  // Filter schemas of the List calls (API field names; see review_service.proto).
  static const rpc::FilterSchema& OrgPredicateFilterSchema();  // agency_id, period_id, unit_id
  // agency_id, period_id, unit_id, employee_id, employee_nip, assessor_nip, plan_id, kind, state
  static const rpc::FilterSchema& AssessmentFilterSchema();
  // agency_id, assessment_id, employee_id, employee_nip, state
  static const rpc::FilterSchema& ObjectionFilterSchema();

  // --- Policy (policy_store.cc) ----------------------------------------------------------------
  // The stored policy, or the defaults (version 0) when none is stored.
  absl::StatusOr<ReviewPolicy> GetPolicy(const std::string& agency_id);
  // Loads the policy FOR UPDATE (or the defaults), checks the expected version (ABORTED), runs
  // `apply`, validates (ValidateReviewPolicy) and saves. Event ReviewPolicyUpdated.
  absl::StatusOr<ReviewPolicy> UpdatePolicy(const std::string& agency_id,
                                            std::optional<int64_t> expected_version,
                                            absl::AnyInvocable<absl::Status(ReviewPolicy&)> apply,
                                            const WriteOptions& write);

  // --- Organisation predicates (org_predicate_store.cc) ---------------------------------------
  // Upsert by (unit, period) under the row lock; event OrgPredicateSet.
  absl::StatusOr<OrgPredicateRecord> SetOrgPredicate(OrgPredicateChange change,
                                                     const WriteOptions& write);
  // Ordered by period_id, unit_id.
  absl::StatusOr<Page<OrgPredicateRecord>> ListOrgPredicates(
      const std::vector<rpc::Condition>& filter, const PageRequest& page);

  // --- Assessments (assessment_store.cc) -------------------------------------------------------
  absl::StatusOr<AssessmentRecord> GetAssessment(const std::string& id);
  // Ordered by id.
  absl::StatusOr<Page<AssessmentRecord>> ListAssessments(const std::vector<rpc::Condition>& filter,
                                                         const PageRequest& page);
  // The assessment of `draft`'s plan, kind and window (locked), or `draft` itself when there is
  // none yet; the snapshot fields of a DRAFT are refreshed from `draft` (plan revision, employee,
  // unit); then MutateAssessment's steps.
  absl::StatusOr<AssessmentRecord> RateAssessment(const AssessmentRecord& draft,
                                                  std::optional<int64_t> expected_version,
                                                  AssessmentMutation mutation,
                                                  const WriteOptions& write);
  // Locks (the unit's predicate row first with mutation.lock_unit, then) the assessment, checks
  // the expected version (ABORTED), loads the facts, runs mutation.apply, saves.
  absl::StatusOr<AssessmentRecord> MutateAssessment(const std::string& id,
                                                    std::optional<int64_t> expected_version,
                                                    AssessmentMutation mutation,
                                                    const WriteOptions& write);

  // --- Objections (objection_store.cc) ---------------------------------------------------------
  // Locks the assessment, runs `make`, inserts the objection and links it to the assessment
  // (assessment version + 1). Event ObjectionFiled.
  absl::StatusOr<ObjectionRecord> FileObjection(const std::string& assessment_id,
                                                ObjectionFiling make, const WriteOptions& write);
  // Locks the objection and its assessment, runs `step`, saves both. Event ObjectionExplained.
  absl::StatusOr<ObjectionRecord> ExplainObjection(const std::string& id, ObjectionStep step,
                                                   const WriteOptions& write);
  // The same; events ObjectionDecided and, when the ratings changed,
  // AssessmentChangedByObjection (audit of the assessment with before and after).
  absl::StatusOr<ObjectionRecord> DecideObjection(const std::string& id, ObjectionStep step,
                                                  const WriteOptions& write);
  absl::StatusOr<ObjectionRecord> GetObjection(const std::string& id);
  // Ordered by id.
  absl::StatusOr<Page<ObjectionRecord>> ListObjections(const std::vector<rpc::Condition>& filter,
                                                       const PageRequest& page);

  // --- SIASN export (export_store.cc) ----------------------------------------------------------
  // Finalised assessments matching `query` with id > `after_id`, at most `limit`, by id: those
  // never exported or whose version moved on since their last export (all of them with
  // query.all).
  absl::StatusOr<std::vector<ExportCandidate>> PendingExports(const ExportQuery& query,
                                                              const std::string& after_id,
                                                              int limit);
  // Records the bodies streamed (one transaction): the export marks, an audit row and an
  // AssessmentExported event each.
  absl::Status MarkExported(const std::vector<ExportMark>& marks, const WriteOptions& write);

 private:
  db::Pool& pool_;
};

}  // namespace kinerja::review::store
