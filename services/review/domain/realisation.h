// Realisations, the assessor's indicator feedback and continuous feedback notes (DOMAIN.md
// "Execution and periodic assessment": realisation per IKI per period with evidence; the
// assessor's feedback per IKI per period; "continuous feedback outside the annual review").
// - Realisations and indicator feedback name an indicator of the plan version in force in that
//   window (input: its indicator ids) and obey the window's close date (windows.h: late entries
//   refused "WINDOW_CLOSED" unless HR reopened the window).
// - Realisations are written by the plan's employee (or an HR admin of the agency for them);
//   indicator feedback by the assessor of the
//   day (HR for a NON-ASN assessor, access.h).
// - Continuous feedback notes: any time while the plan is not closed, by the plan's employee or
//   its assessor of the day (by NIP: a NON-ASN head has no account and HR does not write notes
//   on their behalf), <= 4000 bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/review/domain/access.h"
#include "services/review/domain/types.h"
#include "services/review/domain/windows.h"

namespace kinerja::review {

inline constexpr size_t kMaxRealisationTextBytes = 4000;
inline constexpr size_t kMaxFeedbackBytes = 4000;
inline constexpr size_t kMaxEvidenceItems = 20;
inline constexpr size_t kMaxEvidenceNameBytes = 200;
inline constexpr size_t kMaxEvidenceLinkBytes = 2000;

// What an entry for a window needs besides itself.
struct EntryFacts {
  absl::CivilDay today;
  std::vector<std::string> indicator_ids;  // indicators of the plan version in force in the window
  WindowPolicy window_policy;
  bool window_reopened = false;  // HR reopened this window for this plan
};

// A realisation by `actor`: the plan's employee or an HR admin of the plan's agency entering it
// for them ("NOT_PLAN_EMPLOYEE"); input (INVALID_ARGUMENT):
// indicator_id required, a value or a text ("value"; a value must be finite), text <= 4000
// bytes ("text"), at most 20 evidence items ("evidence"), each with a name <= 200 bytes
// ("evidence[i].name") and an http(s) link <= 2000 bytes ("evidence[i].link"); the indicator in
// the version in force ("INDICATOR_NOT_IN_VERSION"); the window open (CheckWindowOpen).
absl::Status CheckRealisation(const Realisation& realisation, const Actor& actor,
                              std::string_view plan_employee_nip, const EntryFacts& facts);

// The assessor's feedback on an indicator in a window, by the assessor of the day (ActAsAssessor:
// "NOT_ASSESSOR_OF_THE_DAY"); text required, <= 4000 bytes ("text"); indicator in the version in
// force ("INDICATOR_NOT_IN_VERSION"); window open. Returns who acts, to record.
absl::StatusOr<ActingOfficial> CheckIndicatorFeedback(const IndicatorFeedback& feedback,
                                                      const Actor& actor,
                                                      const Official& assessor_of_day,
                                                      std::string_view plan_employee_nip,
                                                      const EntryFacts& facts);

// A continuous feedback note: the plan not closed ("PLAN_CLOSED"); by the plan's employee or its
// assessor of the day, by NIP ("NOT_PLAN_PARTY"); text required, <= 4000 bytes ("text"). Returns
// the author's role.
absl::StatusOr<NoteAuthorRole> CheckFeedbackNote(const Actor& actor,
                                                 std::string_view plan_employee_nip,
                                                 const Official& assessor_of_day, bool plan_closed,
                                                 const std::string& text);

}  // namespace kinerja::review
