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
// export_store.cc; realisation_store.cc, feedback_store.cc, feedback360_store.cc,
// survey_store.cc (the feedback area, whose records are the contract's messages).
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
#include "kinerja/review/v1/review_service.pb.h"
#include "services/review/domain/assessment.h"
#include "services/review/domain/feedback360.h"
#include "services/review/domain/feedback_rules.h"
#include "services/review/domain/records.h"
#include "services/review/domain/survey.h"
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
// The feedback area's events (realisation_store.cc, feedback_store.cc, feedback360_store.cc,
// survey_store.cc).
inline constexpr char kRealisationRecorded[] = "RealisationRecorded";
inline constexpr char kIndicatorFeedbackGiven[] = "IndicatorFeedbackGiven";
inline constexpr char kFeedbackNoteAdded[] = "FeedbackNoteAdded";
inline constexpr char kWindowReopened[] = "WindowReopened";
inline constexpr char kFeedbackRoundOpened[] = "FeedbackRoundOpened";
inline constexpr char kFeedbackRoundAnswered[] = "FeedbackRoundAnswered";
inline constexpr char kFeedbackRoundClosed[] = "FeedbackRoundClosed";
inline constexpr char kSurveyResultImported[] = "SurveyResultImported";

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

// --- The feedback area's inputs. Its records are the contract's messages (v1::Realisation,
// ...): they hold nothing beyond what the API returns, and the idempotent answer is that message.

// A realisation to record. `check` runs in the write's transaction with the HR reopening of the
// window for the plan (its last day, if any) and the current realisation (if any), and returns
// whether the entry is late (after the window's close date, accepted because reopened).
struct RealisationEntry {
  std::string agency_id;
  std::string employee_id;
  int plan_revision = 0;
  Realisation realisation;  // plan_id, indicator_id, window, value, text, evidence, recorded_by
  std::optional<int64_t> expected_version;
  absl::AnyInvocable<absl::StatusOr<bool>(std::optional<absl::CivilDay> reopened_until)> check;
};

// The assessor's feedback on an indicator in a window. `check` as RealisationEntry::check (its
// bool unused).
struct IndicatorFeedbackEntry {
  std::string agency_id;
  IndicatorFeedback feedback;  // plan_id, indicator_id, window, text, recorded_by
  OfficialRecord given_by;     // the assessor of the day, capacity as acting
  absl::AnyInvocable<absl::Status(std::optional<absl::CivilDay> reopened_until)> check;
};

struct FeedbackNoteEntry {
  std::string agency_id;
  std::string plan_id;
  OfficialRecord author;
  NoteAuthorRole role = NoteAuthorRole::kEmployee;
  std::string text;
};

struct WindowReopeningEntry {
  std::string agency_id;
  std::string plan_id;
  Window window;
  absl::CivilDay until;
  std::string reason;
  std::string granted_by;
};

struct RoundOpening {
  std::string agency_id;
  std::string employee_id;
  std::string employee_nip;
  std::string plan_id;
  absl::CivilDay open_date;
  absl::CivilDay close_date;
  std::string opened_by;
  std::vector<Invitation> invitations;
};

// A round as stored: the message plus the rated employee's NIP (for the rules).
struct RoundRow {
  v1::FeedbackRound round;
  std::string employee_nip;
};

// An answer set: `check` runs on the locked round with its invitations (who may answer, who did)
// and refuses or accepts; then the invitation is marked answered and the answer written without
// any rater reference, in the same transaction.
struct RoundAnswer {
  std::string round_id;
  std::string rater_nip;
  std::vector<ValueAnswer> answers;
  std::string comment;
  absl::AnyInvocable<absl::Status(const RoundRow& round, const RoundRaters& raters)> check;
};

// One survey import: rows already validated; all are written, or none.
struct SurveyImport {
  std::string agency_id;
  std::vector<SurveyRow> rows;
  bool dry_run = false;
  // Builds the answer from the counts (stored as the idempotent answer).
  absl::AnyInvocable<v1::ImportSurveyResultsSummary(int64_t created, int64_t updated)> summarise;
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

  // plan_id, indicator_id, window_start_month (int)
  static const rpc::FilterSchema& RealisationFilterSchema();
  // agency_id, unit_id, survey_id
  static const rpc::FilterSchema& SurveyResultFilterSchema();

  // --- Realisations and the assessor's feedback (realisation_store.cc) ------------------------
  // Upsert by (plan, indicator, window) after `check`; the expected version (ABORTED) applies
  // to the existing row. Event RealisationRecorded.
  absl::StatusOr<v1::Realisation> RecordRealisation(RealisationEntry entry,
                                                    const WriteOptions& write);
  // Ordered by window, indicator; the filter must hold plan_id.
  absl::StatusOr<Page<v1::Realisation>> ListRealisations(const std::vector<rpc::Condition>& filter,
                                                         const PageRequest& page);
  // Upsert by (plan, window); event WindowReopened.
  absl::StatusOr<v1::WindowReopening> ReopenWindow(const WindowReopeningEntry& entry,
                                                   const WriteOptions& write);
  // Upsert by (plan, indicator, window) after `check`; event IndicatorFeedbackGiven.
  absl::StatusOr<v1::IndicatorFeedback> GiveIndicatorFeedback(IndicatorFeedbackEntry entry,
                                                              const WriteOptions& write);
  // Ordered by window, indicator.
  absl::StatusOr<Page<v1::IndicatorFeedback>> ListIndicatorFeedback(const std::string& plan_id,
                                                                    const PageRequest& page);

  // --- Continuous feedback notes (feedback_store.cc) ------------------------------------------
  // Event FeedbackNoteAdded.
  absl::StatusOr<v1::FeedbackNote> AddFeedbackNote(const FeedbackNoteEntry& entry,
                                                   const WriteOptions& write);
  // Oldest first.
  absl::StatusOr<Page<v1::FeedbackNote>> ListFeedbackNotes(const std::string& plan_id,
                                                           const PageRequest& page);

  // --- 360 rounds (feedback360_store.cc) ------------------------------------------------------
  // The round and its invitations; event FeedbackRoundOpened (counts only).
  absl::StatusOr<v1::FeedbackRound> OpenFeedbackRound(const RoundOpening& opening,
                                                      const WriteOptions& write);
  absl::StatusOr<RoundRow> GetFeedbackRound(const std::string& id);
  // See RoundAnswer. The audit row and event FeedbackRoundAnswered carry the round's counts
  // only (the released summary, when `released_summary` gives one), never the answer.
  absl::StatusOr<v1::FeedbackRound> AnswerFeedbackRound(
      RoundAnswer answer, const WriteOptions& write,
      absl::AnyInvocable<std::optional<v1::FeedbackSummary>(const v1::FeedbackRound&,
                                                            const std::vector<Answer360>&)>
          released_summary);
  // `check` on the locked round; event FeedbackRoundClosed.
  absl::StatusOr<v1::FeedbackRound> CloseFeedbackRound(
      const std::string& id, absl::AnyInvocable<absl::Status(const RoundRow&)> check,
      const WriteOptions& write,
      absl::AnyInvocable<std::optional<v1::FeedbackSummary>(const v1::FeedbackRound&,
                                                            const std::vector<Answer360>&)>
          released_summary);
  // The round's answers without identity: each Answer360's rater_nip is an opaque per-answer
  // key (distinct per answer set, not a rater), relation unset.
  absl::StatusOr<std::vector<Answer360>> RoundAnswers(const std::string& round_id);

  // --- Public satisfaction surveys (survey_store.cc) ------------------------------------------
  // One transaction: every row upserted by (unit, survey, period) with its audit row and event
  // SurveyResultImported, or nothing; a dry run counts what would be created and updated and
  // rolls back.
  absl::StatusOr<v1::ImportSurveyResultsSummary> ImportSurveyResults(SurveyImport import,
                                                                     const WriteOptions& write);
  // Ordered by id.
  absl::StatusOr<Page<v1::SurveyResult>> ListSurveyResults(
      const std::vector<rpc::Condition>& filter, const PageRequest& page);

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
