// The review service's events: assessments (staged for the end of the batch,
// assessment_batch.cc), realisations, 360 summaries, organisation predicates, objections, survey
// results and review policies.
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/analytics/store/ingest_batch.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/errors/errors.h"

#include "kinerja/review/v1/events.pb.h"

namespace kinerja::analytics::store::internal {
namespace {

namespace common = ::kinerja::common::v1;
namespace rv1 = ::kinerja::review::v1;

absl::Status ApplyAssessment(pqxx::work&, Staged& staged, const common::EventEnvelope& event) {
  rv1::AssessmentChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const std::string kind =
      EnumSuffix(rv1::AssessmentKind_Name(changed.assessment().kind()), "ASSESSMENT_KIND_");
  if (kind != "PERIODIC" && kind != "ANNUAL") {
    return absl::InvalidArgumentError(
        absl::StrCat("assessment ", changed.assessment().id(), ": no kind"));
  }
  staged.AddAssessment({.assessment = std::move(*changed.mutable_assessment()),
                        .kind = kind,
                        .seq = event.sequence()});
  return absl::OkStatus();
}

absl::Status ApplyRealisation(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  rv1::RealisationChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::Realisation& r = changed.realisation();
  std::optional<std::string> window_end = DateParam(r.window().end_date());
  if (!window_end) {
    return absl::InvalidArgumentError(absl::StrCat("realisation ", r.id(), ": no window end"));
  }
  int evidence = 0;
  for (const rv1::Evidence& e : r.evidence()) {
    if (!e.name().empty() || !e.link().empty()) ++evidence;
  }
  std::optional<double> value;
  if (r.has_value()) value = r.value();
  db::Exec(tx, queries::kUpsertRealisation, r.id(), r.plan_id(), r.indicator_id(),
           r.window().year(), r.window().index(), *window_end, value, evidence, r.late(),
           event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyFeedbackRound(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  rv1::FeedbackRoundChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::FeedbackSummary& s = changed.summary();
  if (!changed.has_summary() || !s.released()) return absl::OkStatus();  // never below k
  std::vector<int> below(7, 0), as_expected(7, 0), above(7, 0);
  for (const rv1::FeedbackSummary::ValueSummary& v : s.values()) {
    const int i = static_cast<int>(v.value()) - 1;
    if (i < 0 || i >= 7) continue;
    below[i] = v.below();
    as_expected[i] = v.as_expected();
    above[i] = v.above();
  }
  const rv1::FeedbackRound& r = changed.round();
  db::Exec(tx, queries::kUpsertFeedbackSummary, r.id(), r.agency_id(), r.employee_id(), r.plan_id(),
           s.raters_answered(), IntArrayLiteral(below), IntArrayLiteral(as_expected),
           IntArrayLiteral(above), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyOrgPredicate(pqxx::work& tx, Staged& staged, const common::EventEnvelope& event) {
  rv1::OrgPredicateChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::OrgPredicateDecision& d = changed.decision();
  if (d.predicate() < 1 || d.predicate() > 5) {
    return absl::InvalidArgumentError(absl::StrCat("org predicate ", d.id(), ": no predicate"));
  }
  pqxx::result applied = db::Exec(tx, queries::kUpsertOrgPredicate, d.unit_id(), d.period_id(),
                                  d.agency_id(), static_cast<int>(d.predicate()), event.sequence());
  if (!applied.empty()) staged.RefreshCompliance(d.unit_id(), d.period_id());
  return absl::OkStatus();
}

absl::Status ApplyObjection(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  rv1::ObjectionChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::Objection& o = changed.objection();
  db::Exec(tx, queries::kUpsertObjection, o.id(), o.assessment_id(), o.agency_id(),
           EnumSuffix(rv1::ObjectionState_Name(o.state()), "OBJECTION_STATE_"),
           CodeOrNull(o.predicate_before()), CodeOrNull(o.predicate_after()), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplySurveyResult(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  rv1::SurveyResultChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::SurveyResult& s = changed.result();
  db::Exec(tx, queries::kUpsertSurveyResult, s.id(), s.agency_id(), s.unit_id(), s.survey_id(),
           DateParam(s.period_end()), s.ikm(), s.respondents(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyReviewPolicy(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  rv1::ReviewPolicyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::ReviewPolicy& p = changed.policy();
  db::Exec(tx, queries::kUpsertReviewPolicy, p.agency_id(), p.realisation_grace_days(),
           event.sequence());
  return absl::OkStatus();
}

}  // namespace

const HandlerTable& ReviewHandlers() {
  static const auto* table = new HandlerTable{
      {"AssessmentRated", ApplyAssessment},
      {"AssessmentFinalised", ApplyAssessment},
      {"AssessmentChangedByObjection", ApplyAssessment},
      {"RealisationRecorded", ApplyRealisation},
      {"FeedbackRoundOpened", ApplyFeedbackRound},
      {"FeedbackRoundAnswered", ApplyFeedbackRound},
      {"FeedbackRoundClosed", ApplyFeedbackRound},
      {"OrgPredicateSet", ApplyOrgPredicate},
      {"ObjectionFiled", ApplyObjection},
      {"ObjectionExplained", ApplyObjection},
      {"ObjectionDecided", ApplyObjection},
      {"SurveyResultImported", ApplySurveyResult},
      {"ReviewPolicyUpdated", ApplyReviewPolicy},
  };
  return *table;
}

}  // namespace kinerja::analytics::store::internal
