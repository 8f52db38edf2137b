// Objections (keberatan, DOMAIN.md "Objection"): the employee may object within N days of
// receiving the result, to the assessor's superior, who hears both sides and may change the
// ratings (the predicate is re-derived); the decision is final.
// - N defaults to 14. Whether days are calendar or working days is unverified: configurable per
//   agency (default calendar days). Working days skip Saturdays, Sundays and the agency's
//   holidays.
// - The day of delivery is day 0 (whatever day of the week it is); the deadline is inclusive.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/review/domain/access.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

inline constexpr size_t kMaxExplanationBytes = 4000;
inline constexpr size_t kMaxDecisionReasonBytes = 2000;

enum class DayCounting {
  kCalendarDays,  // "CALENDAR_DAYS"
  kWorkingDays,   // "WORKING_DAYS": Monday..Friday that are not agency holidays
};
std::string_view DayCountingName(DayCounting counting);
absl::StatusOr<DayCounting> ParseDayCounting(std::string_view name, std::string_view field);

struct ObjectionPolicy {
  int days = 14;                                      // DOMAIN.md; 1..365
  DayCounting counting = DayCounting::kCalendarDays;  // (unverified) default
};

// INVALID_ARGUMENT "objection_policy.days" outside 1..365.
absl::Status ValidateObjectionPolicy(const ObjectionPolicy& policy);

// The agency's holidays (any order; days outside the range that matters are ignored).
using Holidays = std::vector<absl::CivilDay>;

// Monday..Friday and not a holiday.
bool IsWorkingDay(absl::CivilDay day, const Holidays& holidays);

// The last day an objection may be filed: `delivered` + N calendar days, or the Nth working day
// after `delivered`.
absl::StatusOr<absl::CivilDay> ObjectionDeadline(absl::CivilDay delivered,
                                                 const ObjectionPolicy& policy = {},
                                                 const Holidays& holidays = {});

struct ObjectionFilingFacts {
  absl::CivilDay today;
  bool assessment_final = false;
  std::optional<absl::CivilDay> delivered;  // Assessment::delivered_date
  bool already_has_objection = false;       // one objection per assessment
  bool filer_is_employee = false;           // IsOwnAssessment(actor, assessment)
};

// Filing: by the assessed employee ("NOT_OWN_ASSESSMENT"); on a finalised assessment
// ("ASSESSMENT_NOT_FINAL") already delivered ("ASSESSMENT_NOT_DELIVERED"); only one
// ("OBJECTION_EXISTS"); on or before the deadline ("OBJECTION_WINDOW_CLOSED").
absl::Status CheckObjectionFiling(const ObjectionFilingFacts& facts,
                                  const ObjectionPolicy& policy = {},
                                  const Holidays& holidays = {});

// A new objection after CheckObjectionFiling passed; the employee's explanation may come now or
// later (ApplyExplanation). INVALID_ARGUMENT "explanation" when longer than 4000 bytes.
absl::StatusOr<Objection> NewObjection(const Assessment& assessment, absl::CivilDay today,
                                       std::string employee_explanation);

enum class ObjectionSide { kEmployee, kAssessor };

// Writing one side's explanation: the employee side by the assessed employee, the assessor side
// by the assessor of record of the assessment (an HR admin for a NON-ASN assessor):
// "NOT_OBJECTION_PARTY" otherwise; the objection not decided ("OBJECTION_DECIDED"); text
// required, <= 4000 bytes (INVALID_ARGUMENT "explanation"). Replaces that side's text.
absl::Status ApplyExplanation(Objection& objection, const Assessment& assessment,
                              const Actor& actor, ObjectionSide side, std::string text);

// What the superior decides. Unset ratings are kept.
struct ObjectionDecisionInput {
  std::optional<Rating> results;
  std::optional<Rating> behaviour;
  std::string reason;  // required, <= 2000 bytes
};

// Deciding, by the assessor's superior of the day (`by`, from ActAsAssessorSuperior): the
// objection belongs to the assessment (INVALID_ARGUMENT "assessment_id"); not decided yet
// ("OBJECTION_DECIDED": the decision is final); both explanations written
// ("EXPLANATIONS_MISSING"); the assessment finalised and rated ("ASSESSMENT_NOT_FINAL"); reason
// required, <= 2000 bytes (INVALID_ARGUMENT "reason"); a unit head's results rating is the
// unit's result and cannot change ("UNIT_HEAD_RESULTS_FIXED"). Applies the ratings to the
// (finalised) assessment with the predicate re-derived — the only change a finalised assessment
// accepts; the distribution is not re-checked (the superior's decision is final) — and records
// the decision with before/after values. `changed` is false when the ratings stay as they were.
absl::Status ApplyObjectionDecision(Objection& objection, Assessment& assessment,
                                    const ObjectionDecisionInput& input, const ActingOfficial& by,
                                    absl::Time now);

}  // namespace kinerja::review
