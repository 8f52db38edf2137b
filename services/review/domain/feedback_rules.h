// Rules of the review service's feedback area that realisation.h and feedback360.h leave to the
// layers above (DOMAIN.md "Execution and periodic assessment"; ARCHITECTURE.md "Identity and
// access"):
// - who reads a plan's realisations, indicator feedback and notes, and a 360 round's summary;
// - HR reopening a closed window of a plan for late entries, until a day;
// - opening a 360 round: by the assessor of the day or an HR admin of the agency; its raters are
//   the peers and direct subordinates on the open day (never the rated employee); its close date;
// - answers after the round's close date are refused like answers to a closed round.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/review/domain/access.h"
#include "services/review/domain/types.h"
#include "shared/auth/principal.h"

namespace kinerja::review {

inline constexpr size_t kMaxReopenReasonBytes = 2000;
inline constexpr int kMaxReopenDays = 366;
inline constexpr int kMaxRoundDays = 366;

// The people a plan's entries concern, as resolved for the day of the read.
struct PlanParties {
  std::string agency_id;
  std::string employee_nip;
  std::string assessor_nip;  // the assessor of the day; "" for a NON-ASN assessor or none
};

// Reading a plan's realisations, indicator feedback and notes, and the summary of a 360 round
// of its employee: the employee, the assessor of the day, HR admins of the agency, auditors and
// services (PERMISSION_DENIED otherwise).
absl::Status CanReadPlanEntries(const auth::Principal& principal, const PlanParties& plan);
absl::Status CanReadFeedbackSummary(const auth::Principal& principal, const PlanParties& plan);

// Reading survey results (public service quality, not personal data): every civil servant of the
// agency, HR admins of the agency, auditors and services.
absl::Status CanReadSurveyResults(const auth::Principal& principal, std::string_view agency_id);
// Importing survey results: HR admins of the agency and services.
absl::Status CanImportSurveyResults(const auth::Principal& principal, std::string_view agency_id);

// HR reopening `window` for late entries until `until` (inclusive), on `today`: an HR admin of
// the agency ("NOT_HR_ADMIN"); the window has started ("WINDOW_NOT_STARTED"); input
// (INVALID_ARGUMENT): until not before today and at most 366 days ahead ("until"), a reason
// <= 2000 bytes ("reason").
absl::Status CheckReopenWindow(const Actor& actor, const Window& window, absl::CivilDay until,
                               absl::CivilDay today, const std::string& reason);

// Whether a reopening (until its day) lets entries in on `today`.
bool ReopenedOn(const std::optional<absl::CivilDay>& reopened_until, absl::CivilDay today);

// Opening a round for the plan's employee: the assessor of the day (ActAsAssessor, never on
// oneself: "OWN_ASSESSMENT") or an HR admin of the agency ("NOT_ASSESSOR_OF_THE_DAY"); the close
// date not before the open day and at most 366 days after it ("close_date"). Returns who opens.
absl::StatusOr<std::string> CheckOpenRound(const Actor& actor, const Official& assessor_of_day,
                                           std::string_view rated_nip, absl::CivilDay open_day,
                                           absl::CivilDay close_date);

struct Invitation {
  std::string rater_nip;
  std::string rater_employee_id;
  RaterRelation relation = RaterRelation::kPeer;
  friend bool operator==(const Invitation&, const Invitation&) = default;
};
struct Candidate {
  std::string nip;
  std::string employee_id;
};

// The raters of a round: the direct subordinates and the peers of the day, without the rated
// employee and people without a NIP, each once (a subordinate also listed as a peer is a
// subordinate), sorted by NIP. "NO_RATERS" when nobody is left.
absl::StatusOr<std::vector<Invitation>> InviteRaters(std::string_view rated_nip,
                                                     const std::vector<Candidate>& peers,
                                                     const std::vector<Candidate>& subordinates);

// An answer on `today` to a round closing on `close_date`: "ROUND_CLOSED" after it.
absl::Status CheckRoundDate(absl::CivilDay close_date, absl::CivilDay today);

}  // namespace kinerja::review
