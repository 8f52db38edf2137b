#include "services/review/domain/realisation.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

// http(s)://host...: a link somebody can open.
bool IsHttpLink(const std::string& link) {
  for (absl::string_view scheme : {"https://", "http://"}) {
    if (absl::StartsWith(link, scheme)) {
      const std::string rest = link.substr(scheme.size());
      return !rest.empty() && rest.front() != '/' &&
             std::none_of(link.begin(), link.end(),
                          [](char c) { return IsAsciiSpace(c) || c == '\0'; });
    }
  }
  return false;
}

void CheckText(const std::string& text, size_t max, const std::string& field, bool required,
               std::vector<errors::FieldViolation>& invalid) {
  if (required && IsBlank(text)) {
    invalid.push_back({field, "is required"});
  } else if (text.size() > max) {
    invalid.push_back({field, absl::StrCat("must be at most ", max, " bytes, got ", text.size())});
  }
}

absl::Status CheckIndicatorAndWindow(const std::string& indicator_id, const Window& window,
                                     const EntryFacts& facts) {
  if (std::find(facts.indicator_ids.begin(), facts.indicator_ids.end(), indicator_id) ==
      facts.indicator_ids.end()) {
    return errors::RuleViolation(
        "INDICATOR_NOT_IN_VERSION",
        absl::StrCat("indicator ", indicator_id,
                     " is not in the plan version in force in this window"));
  }
  return CheckWindowOpen(window, facts.today, facts.window_policy, facts.window_reopened);
}

}  // namespace

absl::Status CheckRealisation(const Realisation& realisation, const Actor& actor,
                              std::string_view plan_employee_nip, const EntryFacts& facts) {
  if ((actor.nip.empty() || actor.nip != plan_employee_nip) && !actor.hr_admin_of_agency) {
    return errors::RuleViolation(
        "NOT_PLAN_EMPLOYEE",
        "realisations are written by the plan's employee or an HR admin of the agency");
  }
  std::vector<errors::FieldViolation> invalid;
  if (IsBlank(realisation.indicator_id)) invalid.push_back({"indicator_id", "is required"});
  if (realisation.value.has_value() && !std::isfinite(*realisation.value)) {
    invalid.push_back({"value", "must be a finite number"});
  } else if (!realisation.value.has_value() && IsBlank(realisation.text)) {
    invalid.push_back({"value", "a value or a text is required"});
  }
  CheckText(realisation.text, kMaxRealisationTextBytes, "text", false, invalid);
  if (realisation.evidence.size() > kMaxEvidenceItems) {
    invalid.push_back({"evidence", absl::StrCat("at most ", kMaxEvidenceItems, " items, got ",
                                                realisation.evidence.size())});
  }
  for (size_t i = 0; i < realisation.evidence.size(); ++i) {
    const Evidence& e = realisation.evidence[i];
    CheckText(e.name, kMaxEvidenceNameBytes, absl::StrCat("evidence[", i, "].name"), true, invalid);
    const std::string link_field = absl::StrCat("evidence[", i, "].link");
    if (!IsHttpLink(e.link)) {
      invalid.push_back({link_field, "must be an http(s) link"});
    } else if (e.link.size() > kMaxEvidenceLinkBytes) {
      invalid.push_back({link_field, absl::StrCat("must be at most ", kMaxEvidenceLinkBytes,
                                                  " bytes, got ", e.link.size())});
    }
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return CheckIndicatorAndWindow(realisation.indicator_id, realisation.window, facts);
}

absl::StatusOr<ActingOfficial> CheckIndicatorFeedback(const IndicatorFeedback& feedback,
                                                      const Actor& actor,
                                                      const Official& assessor_of_day,
                                                      std::string_view plan_employee_nip,
                                                      const EntryFacts& facts) {
  ASSIGN_OR_RETURN(ActingOfficial acting, ActAsAssessor(actor, assessor_of_day, plan_employee_nip));
  std::vector<errors::FieldViolation> invalid;
  if (IsBlank(feedback.indicator_id)) invalid.push_back({"indicator_id", "is required"});
  CheckText(feedback.text, kMaxFeedbackBytes, "text", true, invalid);
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  RETURN_IF_ERROR(CheckIndicatorAndWindow(feedback.indicator_id, feedback.window, facts));
  return acting;
}

absl::StatusOr<NoteAuthorRole> CheckFeedbackNote(const Actor& actor,
                                                 std::string_view plan_employee_nip,
                                                 const Official& assessor_of_day, bool plan_closed,
                                                 const std::string& text) {
  if (plan_closed) {
    return errors::RuleViolation("PLAN_CLOSED", "the plan is closed: no more feedback notes");
  }
  NoteAuthorRole role = NoteAuthorRole::kEmployee;
  if (!actor.nip.empty() && actor.nip == plan_employee_nip) {
    role = NoteAuthorRole::kEmployee;
  } else if (!actor.nip.empty() && !assessor_of_day.non_asn && actor.nip == assessor_of_day.nip) {
    role = NoteAuthorRole::kAssessor;
  } else {
    return errors::RuleViolation("NOT_PLAN_PARTY",
                                 "feedback notes are written by the plan's employee or assessor");
  }
  std::vector<errors::FieldViolation> invalid;
  CheckText(text, kMaxFeedbackBytes, "text", true, invalid);
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return role;
}

}  // namespace kinerja::review
