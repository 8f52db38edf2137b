// Plumbing of the feedback area's handlers (realisation_handlers.cc, feedback_handlers.cc,
// feedback360_handlers.cc, survey_handlers.cc): the plan and its windows as the goals service
// knows them, the version in force in a window, the officials of the day, and how the domain's
// refusals reach the caller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "kinerja/review/v1/resources.pb.h"
#include "services/review/api/review_service.h"
#include "services/review/domain/feedback360.h"
#include "services/review/domain/feedback_rules.h"
#include "services/review/domain/records.h"
#include "shared/clients/employee_client.h"
#include "shared/clients/goals_client.h"

namespace kinerja::review::api {

// A plan with what the windows need: the period's cadence and year, the plan's days.
struct PlanFacts {
  goals::v1::Plan plan;
  Cadence cadence = Cadence::kMonthly;
  int year = 0;
  absl::CivilDay start;
  absl::CivilDay end;
  bool closed = false;
};
// FAILED_PRECONDITION REFERENCE_NOT_FOUND naming plan_id for an unknown plan.
absl::StatusOr<PlanFacts> LoadPlan(clients::GoalsClient& goals, const std::string& plan_id);

// The plan's window (month or quarter of the period's cadence, clipped to the plan's days)
// containing `date`: INVALID_ARGUMENT naming `field` when unset or outside the plan's days.
absl::StatusOr<Window> WindowOfPlan(const PlanFacts& plan, const google::type::Date& date,
                                    const char* field);

// The plan version in force on the window's first day: its revision and indicator ids.
// FAILED_PRECONDITION NO_PLAN_VERSION when none is (the plan was not approved by then).
struct VersionInForce {
  int revision = 0;
  std::vector<std::string> indicator_ids;
};
absl::StatusOr<VersionInForce> VersionOf(clients::GoalsClient& goals, const PlanFacts& plan,
                                         const Window& window);

// The assessor of the day of the plan's employee in the plan's position; nullopt when the
// employee service finds none (NO_ASSESSOR).
absl::StatusOr<std::optional<OfficialRecord>> AssessorOfDay(clients::EmployeeClient& employees,
                                                            const PlanFacts& plan,
                                                            absl::CivilDay day);

// Who the plan's entries concern on `day`, for the read rules.
absl::StatusOr<PlanParties> PartiesOf(clients::EmployeeClient& employees, const PlanFacts& plan,
                                      absl::CivilDay day);

// The domain's refusals at the edge: "who acts" reasons (the support.h list and
// NOT_PLAN_EMPLOYEE, NOT_PLAN_PARTY, NOT_ELIGIBLE_RATER, SELF_RATING, NOT_HR_ADMIN) become
// PERMISSION_DENIED keeping the reason; INDICATOR_NOT_IN_VERSION becomes INVALID_ARGUMENT
// naming indicator_id (a bad id for that window). Other statuses pass through.
absl::Status FeedbackRefusal(absl::Status status);
template <typename T>
absl::StatusOr<T> FeedbackRefusal(absl::StatusOr<T> result) {
  if (result.ok()) return result;
  return FeedbackRefusal(result.status());
}

// The contract's answers <-> the domain's (INVALID_ARGUMENT naming answers[i].value / .level).
absl::StatusOr<std::vector<ValueAnswer>> AnswersFromProto(
    const google::protobuf::RepeatedPtrField<v1::ValueAnswer>& answers);

// The summary a caller may see: aggregates per core value only once released (k raters).
v1::FeedbackSummary SummaryToProto(const v1::FeedbackRound& round, const Aggregate360& aggregate,
                                   int threshold);

}  // namespace kinerja::review::api
