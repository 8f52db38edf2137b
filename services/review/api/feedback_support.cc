#include "services/review/api/feedback_support.h"

#include "absl/strings/str_cat.h"
#include "services/review/api/support.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {

namespace gv1 = ::kinerja::goals::v1;

absl::StatusOr<PlanFacts> LoadPlan(clients::GoalsClient& goals, const std::string& plan_id) {
  RETURN_IF_ERROR(RequireId(plan_id, "plan_id"));
  PlanFacts out;
  ASSIGN_OR_RETURN(out.plan, Referenced(goals.GetPlan(plan_id), "plan_id"));
  ASSIGN_OR_RETURN(gv1::Period period, goals.GetPeriod(out.plan.period_id()));
  switch (period.cadence()) {
    case gv1::CADENCE_MONTHLY:
      out.cadence = Cadence::kMonthly;
      break;
    case gv1::CADENCE_QUARTERLY:
      out.cadence = Cadence::kQuarterly;
      break;
    default:
      return absl::InternalError(absl::StrCat("period ", period.id(), " has no cadence"));
  }
  out.year = period.year();
  absl::StatusOr<absl::CivilDay> start = rpc::DayFromProto(out.plan.start_date(), "start_date");
  absl::StatusOr<absl::CivilDay> end = rpc::DayFromProto(out.plan.end_date(), "end_date");
  if (!start.ok() || !end.ok()) {
    return absl::InternalError(absl::StrCat("plan ", plan_id, " without valid days"));
  }
  out.start = *start;
  out.end = *end;
  out.closed = out.plan.state() == gv1::PLAN_STATE_CLOSED;
  return out;
}

absl::StatusOr<Window> WindowOfPlan(const PlanFacts& plan, const google::type::Date& date,
                                    const char* field) {
  ASSIGN_OR_RETURN(std::optional<absl::CivilDay> day, rpc::OptionalDayFromProto(date, field));
  if (!day.has_value()) return errors::InvalidField(field, "is required");
  ASSIGN_OR_RETURN(std::vector<Window> windows,
                   PeriodicWindows(plan.cadence, plan.start, plan.end, plan.year));
  std::optional<Window> window = WindowOf(windows, *day);
  if (!window.has_value()) {
    return errors::InvalidField(
        field, absl::StrCat(absl::FormatCivilTime(*day), " is outside the plan's days (",
                            absl::FormatCivilTime(plan.start), " to ",
                            absl::FormatCivilTime(plan.end), ")"));
  }
  return *window;
}

absl::StatusOr<VersionInForce> VersionOf(clients::GoalsClient& goals, const PlanFacts& plan,
                                         const Window& window) {
  // The window is clipped to the plan's days: its first day is the window's start or the plan's
  // start, whichever is later.
  absl::StatusOr<gv1::PlanVersion> version = goals.GetPlanVersionOn(plan.plan.id(), window.first);
  if (absl::IsNotFound(version.status())) {
    return errors::RuleViolation(
        "NO_PLAN_VERSION",
        absl::StrCat("plan ", plan.plan.id(), " has no approved version in force on ",
                     absl::FormatCivilTime(window.first)));
  }
  if (!version.ok()) return version.status();
  VersionInForce out;
  out.revision = version->revision();
  for (const gv1::WorkResult& result : version->plan().results()) {
    for (const gv1::Indicator& indicator : result.indicators()) {
      out.indicator_ids.push_back(indicator.id());
    }
  }
  return out;
}

absl::StatusOr<std::optional<OfficialRecord>> AssessorOfDay(clients::EmployeeClient& employees,
                                                            const PlanFacts& plan,
                                                            absl::CivilDay day) {
  absl::StatusOr<LineOfTheDay> line = LineOf(employees, plan.plan.employee().employee_id(),
                                             plan.plan.employee().position_id(), day);
  if (!line.ok()) {
    if (errors::ReasonOf(line.status()) == "NO_ASSESSOR") return std::nullopt;
    return line.status();
  }
  return line->assessor;
}

absl::StatusOr<PlanParties> PartiesOf(clients::EmployeeClient& employees, const PlanFacts& plan,
                                      absl::CivilDay day) {
  PlanParties out;
  out.agency_id = plan.plan.agency_id();
  out.employee_nip = plan.plan.employee().nip();
  ASSIGN_OR_RETURN(std::optional<OfficialRecord> assessor, AssessorOfDay(employees, plan, day));
  if (assessor.has_value() && !assessor->official.non_asn) {
    out.assessor_nip = assessor->official.nip;
  }
  return out;
}

absl::Status FeedbackRefusal(absl::Status status) {
  if (status.ok()) return status;
  const std::optional<std::string> reason = errors::ReasonOf(status);
  if (!reason.has_value()) return status;
  if (*reason == "INDICATOR_NOT_IN_VERSION") {
    return errors::InvalidField("indicator_id", status.message());
  }
  static const char* const kAccess[] = {"NOT_PLAN_EMPLOYEE", "NOT_PLAN_PARTY", "NOT_ELIGIBLE_RATER",
                                        "SELF_RATING", "NOT_HR_ADMIN"};
  for (const char* access : kAccess) {
    if (*reason == access) {
      return errors::WithReason(absl::PermissionDeniedError(status.message()), *reason);
    }
  }
  return AccessRefusal(status);
}

absl::StatusOr<std::vector<ValueAnswer>> AnswersFromProto(
    const google::protobuf::RepeatedPtrField<v1::ValueAnswer>& answers) {
  std::vector<errors::FieldViolation> invalid;
  std::vector<ValueAnswer> out;
  for (int i = 0; i < answers.size(); ++i) {
    const v1::ValueAnswer& a = answers[i];
    ValueAnswer answer;
    if (a.value() < v1::CORE_VALUE_SERVICE_ORIENTED || a.value() > v1::CORE_VALUE_COLLABORATIVE) {
      invalid.push_back({absl::StrCat("answers[", i, "].value"), "must be a core value"});
    } else {
      answer.value = static_cast<CoreValue>(a.value() - 1);
    }
    switch (a.level()) {
      case v1::LEVEL_BELOW:
        answer.level = Rating::kBelow;
        break;
      case v1::LEVEL_AS_EXPECTED:
        answer.level = Rating::kAsExpected;
        break;
      case v1::LEVEL_ABOVE:
        answer.level = Rating::kAbove;
        break;
      default:
        invalid.push_back({absl::StrCat("answers[", i, "].level"), "must be a level"});
    }
    out.push_back(answer);
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return out;
}

v1::FeedbackSummary SummaryToProto(const v1::FeedbackRound& round, const Aggregate360& aggregate,
                                   int threshold) {
  v1::FeedbackSummary out;
  out.set_round_id(round.id());
  out.set_threshold(threshold);
  out.set_raters_answered(round.raters_answered());
  out.set_released(aggregate.released);
  if (!aggregate.released) return out;
  for (const ValueAggregate& v : aggregate.values) {
    if (!v.released) continue;
    v1::FeedbackSummary::ValueSummary* s = out.add_values();
    s->set_value(static_cast<v1::CoreValue>(static_cast<int>(v.value) + 1));
    s->set_above(v.counts[RatingCode(Rating::kAbove) - 1]);
    s->set_as_expected(v.counts[RatingCode(Rating::kAsExpected) - 1]);
    s->set_below(v.counts[RatingCode(Rating::kBelow) - 1]);
  }
  for (const std::string& c : aggregate.comments) out.add_comments(c);
  return out;
}

}  // namespace kinerja::review::api
