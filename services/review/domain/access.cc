#include "services/review/domain/access.h"

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {

absl::StatusOr<ActingOfficial> ActAs(const Actor& actor, const Official& official_of_the_day,
                                     std::string_view subject_nip, std::string_view reason) {
  if (!actor.nip.empty() && actor.nip == subject_nip) {
    return errors::RuleViolation("OWN_ASSESSMENT",
                                 "nobody rates or decides on their own assessment");
  }
  ActingOfficial acting;
  acting.official = official_of_the_day;
  acting.recorded_by = actor.subject;
  if (!official_of_the_day.non_asn && !actor.nip.empty() && actor.nip == official_of_the_day.nip) {
    acting.capacity = official_of_the_day.capacity;
    return acting;
  }
  if (official_of_the_day.non_asn && actor.hr_admin_of_agency) {
    acting.capacity = Capacity::kHrForNonAsn;
    return acting;
  }
  return errors::RuleViolation(
      ToAbsl(reason),
      official_of_the_day.non_asn
          ? absl::StrCat("the official of the day is the NON-ASN ", official_of_the_day.name,
                         "; only an HR admin of the agency records their decision")
          : absl::StrCat("only the official of the day (", official_of_the_day.name, ", NIP ",
                         official_of_the_day.nip, ") may act"));
}

absl::StatusOr<ActingOfficial> ActAsAssessor(const Actor& actor, const Official& assessor_of_day,
                                             std::string_view employee_nip) {
  return ActAs(actor, assessor_of_day, employee_nip, "NOT_ASSESSOR_OF_THE_DAY");
}

absl::StatusOr<ActingOfficial> ActAsAssessorSuperior(const Actor& actor,
                                                     const Official& superior_of_day,
                                                     std::string_view employee_nip) {
  return ActAs(actor, superior_of_day, employee_nip, "NOT_ASSESSOR_SUPERIOR");
}

absl::StatusOr<ActingOfficial> ActAsParentUnitLeader(const Actor& actor,
                                                     const Official& parent_leader_of_day,
                                                     std::string_view unit_head_nip) {
  return ActAs(actor, parent_leader_of_day, unit_head_nip, "NOT_PARENT_UNIT_LEADER");
}

bool IsOwnAssessment(const Actor& actor, const Assessment& assessment) {
  return !actor.nip.empty() && actor.nip == assessment.employee.nip;
}

}  // namespace kinerja::review
