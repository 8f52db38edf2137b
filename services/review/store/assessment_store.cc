// Assessments: rating (creating the draft on the first call), finalising under the unit's lock,
// reading and listing.
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/sql_array.h"

namespace kinerja::review::store {
namespace internal {
namespace {

std::optional<std::string> RatingText(std::optional<Rating> rating) {
  if (!rating.has_value()) return std::nullopt;
  return std::string(RatingName(*rating));
}

// [{"value": "ACCOUNTABLE", "rating": "BELOW", "note": "..."}] (migrations/0003).
std::string BehaviourValuesJson(const std::vector<BehaviourValueRating>& values) {
  json out = json::array();
  for (const BehaviourValueRating& v : values) {
    out.push_back({{"value", std::string(CoreValueName(v.value))},
                   {"rating", std::string(RatingName(v.rating))},
                   {"note", v.note}});
  }
  return out.dump();
}

}  // namespace

absl::StatusOr<AssessmentRecord> LockAssessment(pqxx::work& tx, const std::string& id) {
  pqxx::result r = db::Exec(tx, queries::kLockAssessment, id);
  if (r.empty()) return errors::NotFound("assessment", id);
  return AssessmentFromJson(RowJson(r[0][0]));
}

AssessmentRecord SaveAssessment(pqxx::work& tx, const AssessmentRecord& record) {
  const Assessment& a = record.assessment;
  std::optional<std::string> assessor_json;
  std::optional<std::string> assessor_capacity;
  if (a.assessor.has_value()) {
    assessor_json = OfficialJson(
        OfficialRecord{*a.assessor, record.assessor_position_id, record.assessor_rank_label});
    assessor_capacity = std::string(CapacityName(a.assessor->capacity));
  }
  std::optional<std::string> predicate;
  if (a.predicate.has_value()) predicate = std::string(PredicateName(*a.predicate));
  pqxx::result r = db::Exec(
      tx, queries::kSaveAssessment, db::NullIfEmpty(a.id), a.plan_id, record.plan_revision,
      record.period_id, a.agency_id, a.unit_id, a.employee.employee_id, a.employee.nip,
      OfficialJson(
          OfficialRecord{a.employee, record.employee_position_id, record.employee_rank_label}),
      record.employee_siasn_id, record.position_type, record.functional_level, a.unit_head,
      std::string(AssessmentKindName(a.kind)), std::string(CadenceName(a.cadence)), a.window.year,
      a.window.index, DayText(a.window.first), DayText(a.window.last), a.window.month_start,
      a.window.month_end, RatingText(a.results_rating), RatingText(a.behaviour_rating), predicate,
      a.notes, record.behaviour_note, assessor_json, assessor_capacity, a.recorded_by,
      std::string(AssessmentStateName(a.state)), a.distribution_justification,
      db::TextArrayLiteral(record.distribution_findings), MicrosParam(a.finalise_time),
      DayText(a.delivered_date), record.credit_points_thousandths, record.objection_id,
      a.version + 1, BehaviourValuesJson(a.behaviour_values));
  return AssessmentFromJson(RowJson(r[0][0]));
}

void RecordAssessmentChange(pqxx::work& tx, const WriteOptions& write, const std::string& action,
                            const char* event_type, const std::optional<AssessmentRecord>& before,
                            const AssessmentRecord& after) {
  std::optional<std::string> before_json;
  if (before) before_json = MessageJson(ToProto(*before));
  const std::string id = after.assessment.id;
  Audit(tx, write, action.c_str(), "assessment", id, std::move(before_json),
        MessageJson(ToProto(after)));
  v1::AssessmentChanged event;
  *event.mutable_assessment() = ToProto(after);
  Emit(tx, write, event_type, "assessment", id, event);
}

}  // namespace internal

namespace {

// The facts of `record` in the transaction: the unit's organisation predicate of the period
// (locked when `lock_unit`), and with the lock the unit's finalised staff predicates.
absl::StatusOr<AssessmentFacts> LoadFacts(pqxx::work& tx, const AssessmentRecord& record,
                                          bool lock_unit) {
  AssessmentFacts facts;
  const Assessment& a = record.assessment;
  pqxx::result org = db::Exec(tx, lock_unit ? queries::kLockOrgPredicate : queries::kOrgPredicateOf,
                              a.unit_id, record.period_id);
  if (!org.empty()) {
    facts.org_predicate =
        internal::OrgPredicateFromJson(internal::RowJson(org[0][0])).decision.predicate;
  }
  if (lock_unit) {
    pqxx::result counts =
        db::Exec(tx, queries::kFinalisedStaffPredicates, a.unit_id, record.period_id,
                 std::string(AssessmentKindName(a.kind)), a.window.index, a.id);
    for (const pqxx::row& row : counts) {
      absl::StatusOr<Predicate> p = ParsePredicate(row[0].as<std::string>(), "predicate");
      if (p.ok()) facts.unit_finalised[*p] += row[1].as<int>();
    }
  }
  return facts;
}

// Runs the mutation on `record` (locked, or new) and saves it with its audit row and event.
absl::StatusOr<AssessmentRecord> ApplyAndSave(pqxx::work& tx, const WriteOptions& write,
                                              std::optional<AssessmentRecord> before,
                                              AssessmentRecord record,
                                              AssessmentMutation& mutation) {
  ASSIGN_OR_RETURN(AssessmentFacts facts, LoadFacts(tx, record, mutation.lock_unit));
  RETURN_IF_ERROR(mutation.apply(record, facts));
  AssessmentRecord saved = internal::SaveAssessment(tx, record);
  internal::RecordAssessmentChange(tx, write, mutation.action, mutation.event_type, before, saved);
  return saved;
}

}  // namespace

absl::StatusOr<AssessmentRecord> ReviewStore::GetAssessment(const std::string& id) {
  return internal::RunRead(pool_,
                           [&](pqxx::transaction_base& tx) -> absl::StatusOr<AssessmentRecord> {
                             pqxx::result r = db::Exec(tx, queries::kAssessmentById, id);
                             if (r.empty()) return errors::NotFound("assessment", id);
                             return internal::AssessmentFromJson(internal::RowJson(r[0][0]));
                           });
}

absl::StatusOr<Page<AssessmentRecord>> ReviewStore::ListAssessments(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 1));
  static const std::vector<db::FilterColumn>* columns = new std::vector<db::FilterColumn>{
      {.field = "agency_id", .column = "a.agency_id"},
      {.field = "period_id", .column = "a.period_id"},
      {.field = "unit_id", .column = "a.unit_id"},
      {.field = "employee_id", .column = "a.employee_id"},
      {.field = "employee_nip", .column = "a.employee_nip"},
      {.field = "assessor_nip", .column = "(a.assessor ->> 'nip')"},
      {.field = "plan_id", .column = "a.plan_id"},
      {.field = "kind", .column = "a.kind", .proto_prefix = "ASSESSMENT_KIND"},
      {.field = "state", .column = "a.state", .proto_prefix = "ASSESSMENT_STATE"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) where.push_back("a.id > " + params.Add(page.after[0]));
  const std::string sql =
      absl::StrCat("SELECT to_jsonb(a) FROM assessments a", db::WhereClause(where),
                   " ORDER BY a.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<AssessmentRecord>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<AssessmentRecord> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::AssessmentFromJson(internal::RowJson(row[0])));
        }
        if (out.has_more) out.last_key = {out.items.back().assessment.id};
        return out;
      });
}

absl::StatusOr<AssessmentRecord> ReviewStore::RateAssessment(
    const AssessmentRecord& draft, std::optional<int64_t> expected_version,
    AssessmentMutation mutation, const WriteOptions& write) {
  const Assessment& d = draft.assessment;
  return internal::RunWrite<AssessmentRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<AssessmentRecord> {
        pqxx::result r = db::Exec(tx, queries::kLockAssessmentOfWindow, d.plan_id,
                                  std::string(AssessmentKindName(d.kind)), d.window.index);
        std::optional<AssessmentRecord> before;
        AssessmentRecord record = draft;
        record.assessment.version = 0;
        if (!r.empty()) {
          before = internal::AssessmentFromJson(internal::RowJson(r[0][0]));
          RETURN_IF_ERROR(
              internal::CheckVersion(expected_version, before->assessment.version, "assessment"));
          record = *before;
          if (record.assessment.state == AssessmentState::kDraft) {
            // A draft follows the plan and the employee's records as they are today.
            record.plan_revision = draft.plan_revision;
            record.assessment.unit_id = d.unit_id;
            record.assessment.unit_head = d.unit_head;
            record.assessment.employee = d.employee;
            record.assessment.window = d.window;
            record.employee_position_id = draft.employee_position_id;
            record.employee_rank_label = draft.employee_rank_label;
            record.employee_siasn_id = draft.employee_siasn_id;
            record.position_type = draft.position_type;
            record.functional_level = draft.functional_level;
          }
        } else if (expected_version.has_value()) {
          return absl::AbortedError("etag: the assessment does not exist yet");
        }
        return ApplyAndSave(tx, write, std::move(before), std::move(record), mutation);
      });
}

absl::StatusOr<AssessmentRecord> ReviewStore::MutateAssessment(
    const std::string& id, std::optional<int64_t> expected_version, AssessmentMutation mutation,
    const WriteOptions& write) {
  return internal::RunWrite<AssessmentRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<AssessmentRecord> {
        if (mutation.lock_unit) {
          // Lock order: the unit's predicate row first (as SetOrgPredicate), then the
          // assessment. The unit and period of an assessment never change.
          pqxx::result peek = db::Exec(tx, queries::kAssessmentById, id);
          if (peek.empty()) return errors::NotFound("assessment", id);
          const AssessmentRecord seen = internal::AssessmentFromJson(internal::RowJson(peek[0][0]));
          db::Exec(tx, queries::kLockOrgPredicate, seen.assessment.unit_id, seen.period_id);
        }
        ASSIGN_OR_RETURN(AssessmentRecord before, internal::LockAssessment(tx, id));
        RETURN_IF_ERROR(
            internal::CheckVersion(expected_version, before.assessment.version, "assessment"));
        AssessmentRecord record = before;
        return ApplyAndSave(tx, write, std::move(before), std::move(record), mutation);
      });
}

}  // namespace kinerja::review::store
