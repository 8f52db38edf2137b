#include "services/review/domain/feedback_rules.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "shared/auth/access_predicates.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {

using auth::Denied;
using auth::IsHrAdminOf;
using auth::IsPerson;
using auth::Principal;
using auth::ReadsEverything;

absl::Status CanReadPlanEntries(const Principal& principal, const PlanParties& plan) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, plan.agency_id) ||
      IsPerson(principal, plan.employee_nip) ||
      (!plan.assessor_nip.empty() && IsPerson(principal, plan.assessor_nip))) {
    return absl::OkStatus();
  }
  return Denied(principal, "read the plan's realisations and feedback",
                "its employee, the assessor of the day, an HR admin of its agency, an auditor or "
                "a service");
}

absl::Status CanReadFeedbackSummary(const Principal& principal, const PlanParties& plan) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, plan.agency_id) ||
      IsPerson(principal, plan.employee_nip) ||
      (!plan.assessor_nip.empty() && IsPerson(principal, plan.assessor_nip))) {
    return absl::OkStatus();
  }
  return Denied(principal, "read the 360 summary",
                "the rated employee, the assessor of the day, an HR admin of the agency, an "
                "auditor or a service");
}

absl::Status CanReadSurveyResults(const Principal& principal, std::string_view agency_id) {
  if (ReadsEverything(principal) || IsHrAdminOf(principal, agency_id) ||
      (auth::IsCivilServant(principal) && !principal.agency_id.empty() &&
       principal.agency_id == agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal, absl::StrCat("read survey results of agency '", ToAbsl(agency_id), "'"),
                "a civil servant or HR admin of that agency, an auditor or a service");
}

absl::Status CanImportSurveyResults(const Principal& principal, std::string_view agency_id) {
  if (principal.Has(auth::Role::kService) || IsHrAdminOf(principal, agency_id)) {
    return absl::OkStatus();
  }
  return Denied(principal,
                absl::StrCat("import survey results of agency '", ToAbsl(agency_id), "'"),
                "an HR admin of that agency or a service");
}

absl::Status CheckReopenWindow(const Actor& actor, const Window& window, absl::CivilDay until,
                               absl::CivilDay today, const std::string& reason) {
  if (!actor.hr_admin_of_agency) {
    return errors::RuleViolation("NOT_HR_ADMIN", "only an HR admin of the agency reopens windows");
  }
  std::vector<errors::FieldViolation> invalid;
  if (until < today) {
    invalid.push_back(
        {"until", absl::StrCat("must not be before today (", absl::FormatCivilTime(today), ")")});
  } else if (until > today + kMaxReopenDays) {
    invalid.push_back({"until", absl::StrCat("must be at most ", kMaxReopenDays, " days ahead")});
  }
  if (IsBlank(reason)) {
    invalid.push_back({"reason", "is required"});
  } else if (reason.size() > kMaxReopenReasonBytes) {
    invalid.push_back({"reason", absl::StrCat("must be at most ", kMaxReopenReasonBytes,
                                              " bytes, got ", reason.size())});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  if (today < window.first) {
    return errors::RuleViolation(
        "WINDOW_NOT_STARTED",
        absl::StrCat("the window starting ", absl::FormatCivilTime(window.first),
                     " has not started: nothing to reopen"));
  }
  return absl::OkStatus();
}

bool ReopenedOn(const std::optional<absl::CivilDay>& reopened_until, absl::CivilDay today) {
  return reopened_until.has_value() && today <= *reopened_until;
}

absl::StatusOr<std::string> CheckOpenRound(const Actor& actor, const Official& assessor_of_day,
                                           std::string_view rated_nip, absl::CivilDay open_day,
                                           absl::CivilDay close_date) {
  if (!actor.nip.empty() && actor.nip == rated_nip) {
    return errors::RuleViolation("OWN_ASSESSMENT", "nobody opens a 360 round about themselves");
  }
  if (!actor.hr_admin_of_agency) {
    RETURN_IF_ERROR(ActAsAssessor(actor, assessor_of_day, rated_nip).status());
  }
  if (close_date < open_day) {
    return errors::InvalidField("close_date", absl::StrCat("must not be before the open day (",
                                                           absl::FormatCivilTime(open_day), ")"));
  }
  if (close_date > open_day + kMaxRoundDays) {
    return errors::InvalidField(
        "close_date", absl::StrCat("must be at most ", kMaxRoundDays, " days after the open day"));
  }
  return actor.subject;
}

absl::StatusOr<std::vector<Invitation>> InviteRaters(std::string_view rated_nip,
                                                     const std::vector<Candidate>& peers,
                                                     const std::vector<Candidate>& subordinates) {
  std::map<std::string, Invitation> by_nip;
  const auto add = [&](const Candidate& c, RaterRelation relation) {
    if (c.nip.empty() || c.nip == rated_nip) return;
    auto [it, inserted] = by_nip.try_emplace(c.nip, Invitation{c.nip, c.employee_id, relation});
    if (!inserted && relation == RaterRelation::kSubordinate) it->second.relation = relation;
  };
  for (const Candidate& c : subordinates) add(c, RaterRelation::kSubordinate);
  for (const Candidate& c : peers) add(c, RaterRelation::kPeer);
  if (by_nip.empty()) {
    return errors::RuleViolation("NO_RATERS",
                                 "the employee has no peers or direct subordinates on the day");
  }
  std::vector<Invitation> out;
  out.reserve(by_nip.size());
  for (auto& [nip, invitation] : by_nip) out.push_back(std::move(invitation));
  return out;
}

absl::Status CheckRoundDate(absl::CivilDay close_date, absl::CivilDay today) {
  if (today > close_date) {
    return errors::RuleViolation(
        "ROUND_CLOSED", absl::StrCat("the round closed on ", absl::FormatCivilTime(close_date)));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::review
