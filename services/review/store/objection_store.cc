// Objections: filing on the locked assessment, explanations, the final decision that may change
// the assessment's ratings (audited before/after on the assessment too).
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"

namespace kinerja::review::store {
namespace {

std::optional<std::string> RatingText(const std::optional<ObjectionDecision>& d, bool before,
                                      bool results) {
  if (!d.has_value()) return std::nullopt;
  const Rating r = results ? (before ? d->results_before : d->results_after)
                           : (before ? d->behaviour_before : d->behaviour_after);
  return std::string(RatingName(r));
}

std::optional<std::string> PredicateText(const std::optional<ObjectionDecision>& d, bool before) {
  if (!d.has_value()) return std::nullopt;
  return std::string(PredicateName(before ? d->predicate_before : d->predicate_after));
}

ObjectionRecord SaveObjection(pqxx::work& tx, const ObjectionRecord& record) {
  const Objection& o = record.objection;
  const std::optional<ObjectionDecision>& d = o.decision;
  std::optional<std::string> decided_by;
  std::optional<std::string> capacity;
  std::optional<int64_t> decide_time;
  if (d.has_value()) {
    decided_by =
        internal::OfficialJson(OfficialRecord{d->decided_by, record.decided_by_position_id, ""});
    capacity = std::string(CapacityName(d->decided_by.capacity));
    decide_time = absl::ToUnixMicros(d->decide_time);
  }
  pqxx::result r =
      db::Exec(tx, queries::kSaveObjection, o.id, std::string(ObjectionStateName(o.state)),
               o.employee_explanation, o.assessor_explanation, decided_by, capacity,
               d.has_value() ? d->recorded_by : std::string(), RatingText(d, true, true),
               RatingText(d, true, false), PredicateText(d, true), RatingText(d, false, true),
               RatingText(d, false, false), PredicateText(d, false), d.has_value() && d->changed,
               d.has_value() ? d->reason : std::string(), decide_time);
  return internal::ObjectionFromJson(internal::RowJson(r[0][0]));
}

void RecordObjectionChange(pqxx::work& tx, const WriteOptions& write, const char* action,
                           const char* event_type, const std::optional<ObjectionRecord>& before,
                           const ObjectionRecord& after) {
  std::optional<std::string> before_json;
  if (before) before_json = internal::MessageJson(ToProto(*before));
  internal::Audit(tx, write, action, "objection", after.objection.id, std::move(before_json),
                  internal::MessageJson(ToProto(after)));
  v1::ObjectionChanged event;
  *event.mutable_objection() = ToProto(after);
  internal::Emit(tx, write, event_type, "objection", after.objection.id, event);
}

absl::StatusOr<ObjectionRecord> LockObjection(pqxx::work& tx, const std::string& id) {
  pqxx::result r = db::Exec(tx, queries::kLockObjection, id);
  if (r.empty()) return errors::NotFound("objection", id);
  return internal::ObjectionFromJson(internal::RowJson(r[0][0]));
}

}  // namespace

absl::StatusOr<ObjectionRecord> ReviewStore::FileObjection(const std::string& assessment_id,
                                                           ObjectionFiling make,
                                                           const WriteOptions& write) {
  return internal::RunWrite<ObjectionRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ObjectionRecord> {
        ASSIGN_OR_RETURN(AssessmentRecord assessment, internal::LockAssessment(tx, assessment_id));
        const bool has_objection =
            !db::Exec(tx, queries::kObjectionOfAssessment, assessment_id).empty();
        ASSIGN_OR_RETURN(ObjectionRecord objection, make(assessment, has_objection));
        pqxx::result r = db::Exec(
            tx, queries::kInsertObjection, assessment_id, assessment.assessment.agency_id,
            assessment.assessment.employee.employee_id, assessment.assessment.employee.nip,
            internal::DayText(objection.objection.filed_on), internal::DayText(objection.deadline),
            objection.objection.employee_explanation);
        ObjectionRecord saved = internal::ObjectionFromJson(internal::RowJson(r[0][0]));
        // The assessment names its pending objection; its result (and version) is unchanged.
        pqxx::result linked =
            db::Exec(tx, queries::kLinkObjection, assessment_id, saved.objection.id);
        internal::Audit(tx, write, "assessment.objection_filed", "assessment", assessment_id,
                        internal::MessageJson(ToProto(assessment)),
                        internal::MessageJson(ToProto(
                            internal::AssessmentFromJson(internal::RowJson(linked[0][0])))));
        RecordObjectionChange(tx, write, "objection.file", kObjectionFiled, std::nullopt, saved);
        return saved;
      });
}

absl::StatusOr<ObjectionRecord> ReviewStore::ExplainObjection(const std::string& id,
                                                              ObjectionStep step,
                                                              const WriteOptions& write) {
  return internal::RunWrite<ObjectionRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ObjectionRecord> {
        ASSIGN_OR_RETURN(ObjectionRecord before, LockObjection(tx, id));
        ASSIGN_OR_RETURN(AssessmentRecord assessment,
                         internal::LockAssessment(tx, before.objection.assessment_id));
        ObjectionRecord objection = before;
        RETURN_IF_ERROR(step(objection, assessment));
        ObjectionRecord saved = SaveObjection(tx, objection);
        RecordObjectionChange(tx, write, "objection.explain", kObjectionExplained, before, saved);
        return saved;
      });
}

absl::StatusOr<ObjectionRecord> ReviewStore::DecideObjection(const std::string& id,
                                                             ObjectionStep step,
                                                             const WriteOptions& write) {
  return internal::RunWrite<ObjectionRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ObjectionRecord> {
        ASSIGN_OR_RETURN(ObjectionRecord before, LockObjection(tx, id));
        ASSIGN_OR_RETURN(AssessmentRecord assessment_before,
                         internal::LockAssessment(tx, before.objection.assessment_id));
        ObjectionRecord objection = before;
        AssessmentRecord assessment = assessment_before;
        RETURN_IF_ERROR(step(objection, assessment));
        ObjectionRecord saved = SaveObjection(tx, objection);
        RecordObjectionChange(tx, write, "objection.decide", kObjectionDecided, before, saved);
        // The assessment keeps its history: a decision that changes the ratings is a new
        // version, audited with the ratings before and after (AssessmentChangedByObjection).
        if (objection.objection.decision.has_value() && objection.objection.decision->changed) {
          AssessmentRecord assessment_saved = internal::SaveAssessment(tx, assessment);
          internal::RecordAssessmentChange(tx, write, "assessment.change_by_objection",
                                           kAssessmentChangedByObjection, assessment_before,
                                           assessment_saved);
        }
        return saved;
      });
}

absl::StatusOr<ObjectionRecord> ReviewStore::GetObjection(const std::string& id) {
  return internal::RunRead(pool_,
                           [&](pqxx::transaction_base& tx) -> absl::StatusOr<ObjectionRecord> {
                             pqxx::result r = db::Exec(tx, queries::kObjectionById, id);
                             if (r.empty()) return errors::NotFound("objection", id);
                             return internal::ObjectionFromJson(internal::RowJson(r[0][0]));
                           });
}

absl::StatusOr<Page<ObjectionRecord>> ReviewStore::ListObjections(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 1));
  static const std::vector<db::FilterColumn>* columns = new std::vector<db::FilterColumn>{
      {.field = "agency_id", .column = "o.agency_id"},
      {.field = "assessment_id", .column = "o.assessment_id"},
      {.field = "employee_id", .column = "o.employee_id"},
      {.field = "employee_nip", .column = "o.employee_nip"},
      {.field = "state", .column = "o.state", .proto_prefix = "OBJECTION_STATE"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) where.push_back("o.id > " + params.Add(page.after[0]));
  const std::string sql =
      absl::StrCat("SELECT to_jsonb(o) FROM objections o", db::WhereClause(where),
                   " ORDER BY o.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<ObjectionRecord>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<ObjectionRecord> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::ObjectionFromJson(internal::RowJson(row[0])));
        }
        if (out.has_more) out.last_key = {out.items.back().objection.id};
        return out;
      });
}

}  // namespace kinerja::review::store
