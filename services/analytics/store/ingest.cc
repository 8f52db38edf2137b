#include "services/analytics/store/ingest.h"

#include <array>
#include <map>
#include <utility>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/analytics/store/compliance_refresh.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/errors/errors.h"

#include "kinerja/employee/v1/events.pb.h"
#include "kinerja/goals/v1/events.pb.h"
#include "kinerja/review/v1/events.pb.h"

namespace kinerja::analytics::store {
namespace {

namespace common = ::kinerja::common::v1;
namespace ev1 = ::kinerja::employee::v1;
namespace gv1 = ::kinerja::goals::v1;
namespace rv1 = ::kinerja::review::v1;
using internal::DateParam;
using internal::EnumSuffix;
using internal::IntArrayLiteral;
using internal::MicrosParam;
using internal::RefreshCompliance;
using internal::Unpack;

using Handler = absl::Status (*)(pqxx::work&, const common::EventEnvelope&);

std::optional<int> CodeOrNull(int code) {
  if (code < 1) return std::nullopt;
  return code;
}

// ---- employee -------------------------------------------------------------------------------

absl::Status ApplyAgency(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::AgencyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::Agency& a = changed.agency();
  db::Exec(tx, queries::kUpsertAgency, a.id(), a.name(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyOrgUnit(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::OrgUnitChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::OrgUnit& u = changed.unit();
  pqxx::result before = db::Exec(tx, queries::kUnitBefore, u.id());
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertUnit, u.id(), u.agency_id(), u.parent_id(), u.name(),
               u.leader_position_id(), DateParam(u.end_date()), event.sequence());
  if (applied.empty()) return absl::OkStatus();  // an older event than the row's
  const bool moved = before.empty() || before[0][0].as<std::string>() != u.parent_id();
  if (moved) db::Exec(tx, queries::kRefreshUnitPaths, u.id());
  if (!before.empty() && before[0][1].as<std::string>() != u.leader_position_id()) {
    // The unit head's plan and assessment leave or join the unit's distribution.
    for (const pqxx::row& period : db::Exec(tx, queries::kPeriodsWithOrgPredicate, u.id())) {
      RETURN_IF_ERROR(RefreshCompliance(tx, u.id(), period[0].as<std::string>()));
    }
  }
  return absl::OkStatus();
}

absl::Status ApplyPosition(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::PositionChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::Position& p = changed.position();
  db::Exec(tx, queries::kUpsertPosition, p.id(), p.agency_id(), p.unit_id(), p.name(),
           EnumSuffix(ev1::PositionType_Name(p.type()), "POSITION_TYPE_"), event.sequence());
  return absl::OkStatus();
}

absl::Status UpsertEmployee(pqxx::work& tx, const ev1::Employee& e, int64_t sequence) {
  db::Exec(tx, queries::kUpsertEmployee, e.id(), e.agency_id(), e.nip(), e.name(), e.unit_id(),
           e.position_id(), EnumSuffix(ev1::EmployeeStatus_Name(e.status()), "EMPLOYEE_STATUS_"),
           sequence);
  return absl::OkStatus();
}

absl::Status ApplyEmployee(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::EmployeeChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  return UpsertEmployee(tx, changed.employee(), event.sequence());
}

absl::Status ApplyTransfer(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::EmployeeTransferred transferred;
  RETURN_IF_ERROR(Unpack(event, transferred));
  return UpsertEmployee(tx, transferred.employee(), event.sequence());
}

absl::Status UpsertActing(pqxx::work& tx, const ev1::ActingOfficial& a, int64_t sequence) {
  std::optional<std::string> start = DateParam(a.start_date());
  if (!start.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("acting official ", a.id(), ": start_date is not a date"));
  }
  db::Exec(tx, queries::kUpsertActingOfficial, a.id(), a.agency_id(), a.position_id(),
           a.employee_id(), EnumSuffix(ev1::ActingKind_Name(a.kind()), "ACTING_KIND_"), *start,
           DateParam(a.end_date()), sequence);
  return absl::OkStatus();
}

absl::Status ApplyActingAssigned(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::ActingOfficialAssigned assigned;
  RETURN_IF_ERROR(Unpack(event, assigned));
  return UpsertActing(tx, assigned.acting_official(), event.sequence());
}

absl::Status ApplyActingChanged(pqxx::work& tx, const common::EventEnvelope& event) {
  ev1::ActingOfficialChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  return UpsertActing(tx, changed.acting_official(), event.sequence());
}

// ---- goals ----------------------------------------------------------------------------------

absl::Status ApplyPeriod(pqxx::work& tx, const common::EventEnvelope& event) {
  gv1::PeriodChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::Period& p = changed.period();
  std::optional<std::string> start = DateParam(p.start_date());
  std::optional<std::string> end = DateParam(p.end_date());
  std::optional<std::string> deadline = DateParam(p.filling_deadline());
  if (!start || !end || !deadline) {
    return absl::InvalidArgumentError(absl::StrCat("period ", p.id(), ": dates are not dates"));
  }
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertPeriod, p.id(), p.agency_id(), p.year(), *start, *end, *deadline,
               EnumSuffix(gv1::Cadence_Name(p.cadence()), "CADENCE_"),
               EnumSuffix(gv1::PeriodState_Name(p.state()), "PERIOD_STATE_"), event.sequence());
  // Rows written before the period was known here (the review events came first).
  if (!applied.empty()) db::Exec(tx, queries::kSetComplianceYear, p.id(), p.year());
  return absl::OkStatus();
}

absl::Status ApplyUnitPolicy(pqxx::work& tx, const common::EventEnvelope& event) {
  gv1::UnitPolicyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::UnitPolicy& p = changed.policy();
  db::Exec(tx, queries::kUpsertUnitPolicy, p.unit_id(), p.agency_id(), p.public_service(),
           p.include_subunits(), p.survey_id(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyDeadlineExtension(pqxx::work& tx, const common::EventEnvelope& event) {
  gv1::DeadlineExtensionGranted granted;
  RETURN_IF_ERROR(Unpack(event, granted));
  const gv1::DeadlineExtension& x = granted.extension();
  std::optional<std::string> until = DateParam(x.until());
  if (!until) return absl::InvalidArgumentError("deadline extension: until is not a date");
  db::Exec(tx, queries::kUpsertDeadlineExtension, x.period_id(), x.employee_id(), *until);
  return absl::OkStatus();
}

// The indicators of an approved plan become the ones realisations are due for.
void ReplaceIndicators(pqxx::work& tx, const gv1::Plan& plan) {
  db::Exec(tx, queries::kDeletePlanIndicators, plan.id());
  bool quality = false;
  const bool qualitative = plan.style() == gv1::PLAN_STYLE_QUALITATIVE;
  for (const gv1::WorkResult& result : plan.results()) {
    for (const gv1::Indicator& i : result.indicators()) {
      if (i.aspect() == gv1::ASPECT_QUALITY) quality = true;
      db::Exec(tx, queries::kInsertPlanIndicator, plan.id(), i.id(), i.text(),
               EnumSuffix(gv1::Aspect_Name(i.aspect()), "ASPECT_"), qualitative, i.target_min(),
               i.target_max(), i.target_unit(), i.lower_is_better());
    }
  }
  db::Exec(tx, queries::kSetPlanQuality, plan.id(), quality);
}

absl::Status ApplyPlan(pqxx::work& tx, const common::EventEnvelope& event) {
  gv1::PlanChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::Plan& p = changed.plan();
  pqxx::result before = db::Exec(tx, queries::kPlanBefore, p.id());
  const std::string state = EnumSuffix(gv1::PlanState_Name(p.state()), "PLAN_STATE_");
  const int fallback_year = p.start_date().year();
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertPlan, p.id(), p.period_id(), p.agency_id(), fallback_year,
               p.employee().employee_id(), p.employee().nip(), p.employee().name(),
               p.employee().position_id(), p.employee().unit_id(), p.position_type(), state,
               DateParam(p.start_date()), DateParam(p.end_date()), DateParam(p.filling_deadline()),
               MicrosParam(p.submit_time()), MicrosParam(p.approve_time()), p.approved_revision(),
               p.assessor().nip(), p.assessor().name(), event.sequence());
  if (applied.empty()) return absl::OkStatus();
  // The approved content: on an approval, and whenever the plan's current content is the
  // approved revision (a revision being written does not count until it is approved).
  if (p.state() == gv1::PLAN_STATE_APPROVED ||
      (p.approved_revision() > 0 && p.approved_revision() == p.revision() &&
       p.state() == gv1::PLAN_STATE_CLOSED)) {
    ReplaceIndicators(tx, p);
  }
  // The unit's staff (compliance) depends on the plan's unit, position and whether it is closed.
  if (before.empty() || before[0][1].as<std::string>() != p.employee().unit_id() ||
      before[0][2].as<std::string>() != p.employee().position_id() ||
      (before[0][3].as<std::string>() == "CLOSED") != (state == "CLOSED") ||
      before[0][0].as<std::string>() != p.period_id()) {
    if (!before.empty()) {
      RETURN_IF_ERROR(
          RefreshCompliance(tx, before[0][1].as<std::string>(), before[0][0].as<std::string>()));
    }
    RETURN_IF_ERROR(RefreshCompliance(tx, p.employee().unit_id(), p.period_id()));
  }
  return absl::OkStatus();
}

// ---- review ---------------------------------------------------------------------------------

struct CountKey {
  int year = 0;
  std::string kind;
  int window_index = 0;
  std::string agency_id;
  std::string unit_id;
  std::string position_type;
  int predicate = 0;
};

void AddCount(pqxx::work& tx, const CountKey& k, int delta) {
  db::Exec(tx, queries::kAddPredicateCount, k.year, k.kind, k.window_index, k.agency_id, k.unit_id,
           k.position_type, k.predicate, delta);
}

// The assessor's per-value behaviour ratings (development needs).
void ReplaceValues(pqxx::work& tx, const rv1::Assessment& a) {
  db::Exec(tx, queries::kDeleteAssessmentValues, a.id());
  for (const rv1::BehaviourValueRating& v : a.behaviour_values()) {
    if (v.value() == rv1::CORE_VALUE_UNSPECIFIED || v.rating() == rv1::RATING_UNSPECIFIED) {
      continue;
    }
    db::Exec(tx, queries::kInsertAssessmentValue, a.id(),
             EnumSuffix(rv1::CoreValue_Name(v.value()), "CORE_VALUE_"),
             static_cast<int>(v.rating()));
  }
}

absl::Status ApplyAssessment(pqxx::work& tx, const common::EventEnvelope& event) {
  rv1::AssessmentChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::Assessment& a = changed.assessment();
  const std::string kind = EnumSuffix(rv1::AssessmentKind_Name(a.kind()), "ASSESSMENT_KIND_");
  if (kind != "PERIODIC" && kind != "ANNUAL") {
    return absl::InvalidArgumentError(absl::StrCat("assessment ", a.id(), ": no kind"));
  }
  const bool finalised = a.state() == rv1::ASSESSMENT_STATE_FINALISED;
  const std::optional<int> predicate = CodeOrNull(a.predicate());
  pqxx::result before = db::Exec(tx, queries::kAssessmentBefore, a.id());
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertAssessment, a.id(), a.plan_id(), a.period_id(), a.agency_id(),
               a.window().year(), kind, a.window().index(), DateParam(a.window().end_date()),
               a.unit_id(), a.unit_head(), a.position_type(), a.employee().employee_id(),
               a.employee().nip(), a.employee().name(), a.assessor().nip(), a.assessor().name(),
               CodeOrNull(a.results_rating()), CodeOrNull(a.behaviour_rating()), predicate,
               finalised, MicrosParam(a.finalise_time()), event.sequence());
  if (applied.empty()) return absl::OkStatus();

  ReplaceValues(tx, a);

  // Counters: take back what the row counted before, count what it counts now.
  std::optional<CountKey> old_key;
  std::string old_unit;
  std::string old_period;
  bool old_annual = false;
  if (!before.empty()) {
    const pqxx::row b = before[0];
    old_unit = b[5].as<std::string>();
    old_period = b[9].as<std::string>();
    old_annual = b[1].as<std::string>() == "ANNUAL";
    if (b[0].as<bool>() && !b[7].is_null()) {
      old_key = CountKey{.year = b[2].as<int>(),
                         .kind = b[1].as<std::string>(),
                         .window_index = b[3].as<int>(),
                         .agency_id = b[4].as<std::string>(),
                         .unit_id = old_unit,
                         .position_type = b[6].as<std::string>(),
                         .predicate = b[7].as<int>()};
    }
  }
  if (old_key.has_value()) AddCount(tx, *old_key, -1);
  if (finalised && predicate.has_value()) {
    AddCount(tx,
             CountKey{.year = a.window().year(),
                      .kind = kind,
                      .window_index = a.window().index(),
                      .agency_id = a.agency_id(),
                      .unit_id = a.unit_id(),
                      .position_type = a.position_type(),
                      .predicate = *predicate},
             +1);
  }
  if (old_annual && (old_unit != a.unit_id() || old_period != a.period_id())) {
    RETURN_IF_ERROR(RefreshCompliance(tx, old_unit, old_period));
  }
  if (kind == "ANNUAL") RETURN_IF_ERROR(RefreshCompliance(tx, a.unit_id(), a.period_id()));
  return absl::OkStatus();
}

absl::Status ApplyRealisation(pqxx::work& tx, const common::EventEnvelope& event) {
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

absl::Status ApplyFeedbackRound(pqxx::work& tx, const common::EventEnvelope& event) {
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

absl::Status ApplyOrgPredicate(pqxx::work& tx, const common::EventEnvelope& event) {
  rv1::OrgPredicateChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::OrgPredicateDecision& d = changed.decision();
  if (d.predicate() < 1 || d.predicate() > 5) {
    return absl::InvalidArgumentError(absl::StrCat("org predicate ", d.id(), ": no predicate"));
  }
  pqxx::result applied = db::Exec(tx, queries::kUpsertOrgPredicate, d.unit_id(), d.period_id(),
                                  d.agency_id(), static_cast<int>(d.predicate()), event.sequence());
  if (applied.empty()) return absl::OkStatus();
  return RefreshCompliance(tx, d.unit_id(), d.period_id());
}

absl::Status ApplyObjection(pqxx::work& tx, const common::EventEnvelope& event) {
  rv1::ObjectionChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::Objection& o = changed.objection();
  db::Exec(tx, queries::kUpsertObjection, o.id(), o.assessment_id(), o.agency_id(),
           EnumSuffix(rv1::ObjectionState_Name(o.state()), "OBJECTION_STATE_"),
           CodeOrNull(o.predicate_before()), CodeOrNull(o.predicate_after()), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplySurveyResult(pqxx::work& tx, const common::EventEnvelope& event) {
  rv1::SurveyResultChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::SurveyResult& s = changed.result();
  db::Exec(tx, queries::kUpsertSurveyResult, s.id(), s.agency_id(), s.unit_id(), s.survey_id(),
           DateParam(s.period_end()), s.ikm(), s.respondents(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyReviewPolicy(pqxx::work& tx, const common::EventEnvelope& event) {
  rv1::ReviewPolicyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const rv1::ReviewPolicy& p = changed.policy();
  db::Exec(tx, queries::kUpsertReviewPolicy, p.agency_id(), p.realisation_grace_days(),
           event.sequence());
  return absl::OkStatus();
}

using HandlerTable = std::map<std::string, Handler, std::less<>>;

const HandlerTable& EmployeeHandlers() {
  static const auto* table = new HandlerTable{
      {"AgencyChanged", ApplyAgency},
      {"OrgUnitChanged", ApplyOrgUnit},
      {"PositionChanged", ApplyPosition},
      {"EmployeeCreated", ApplyEmployee},
      {"EmployeeUpdated", ApplyEmployee},
      {"EmployeeTransferred", ApplyTransfer},
      {"ActingOfficialAssigned", ApplyActingAssigned},
      {"ActingOfficialChanged", ApplyActingChanged},
  };
  return *table;
}

const HandlerTable& GoalsHandlers() {
  static const auto* table = new HandlerTable{
      {"PeriodCreated", ApplyPeriod},
      {"PeriodUpdated", ApplyPeriod},
      {"PeriodStateChanged", ApplyPeriod},
      {"UnitPolicyChanged", ApplyUnitPolicy},
      {"DeadlineExtensionGranted", ApplyDeadlineExtension},
      {"PlanCreated", ApplyPlan},
      {"PlanUpdated", ApplyPlan},
      {"PlanSubmitted", ApplyPlan},
      {"PlanApproved", ApplyPlan},
      {"PlanReturned", ApplyPlan},
      {"PlanRevised", ApplyPlan},
      {"PlanClosed", ApplyPlan},
  };
  return *table;
}

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

const HandlerTable* HandlersOf(std::string_view producer) {
  if (producer == kEmployeeProducer) return &EmployeeHandlers();
  if (producer == kGoalsProducer) return &GoalsHandlers();
  if (producer == kReviewProducer) return &ReviewHandlers();
  return nullptr;
}

}  // namespace

std::vector<std::string> EventTypesOf(std::string_view producer) {
  std::vector<std::string> types;
  if (const HandlerTable* table = HandlersOf(producer)) {
    for (const auto& [type, handler] : *table) types.push_back(type);
  }
  return types;
}

absl::Status ApplyEvent(pqxx::work& tx, std::string_view producer,
                        const common::EventEnvelope& event) {
  const HandlerTable* table = HandlersOf(producer);
  if (table == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown producer '", std::string(producer), "'"));
  }
  auto it = table->find(event.type());
  if (it == table->end()) return absl::OkStatus();
  return it->second(tx, event);
}

}  // namespace kinerja::analytics::store
