// What the review service keeps about its records besides the domain rules' view of them
// (types.h): the plan and period they belong to, the snapshots taken on the day of each act
// (the employee's SIASN id, position type and functional level), credit points, versions and
// times. Plain structs (no gRPC, protobuf or SQL types): the store persists them, the API
// converts them (convert/proto_convert.h), the rules see their domain part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/review/domain/assessment.h"
#include "services/review/domain/objection.h"
#include "services/review/domain/types.h"
#include "services/review/domain/windows.h"

namespace kinerja::review {

// An official as recorded, with the position id the domain's Official does not carry.
struct OfficialRecord {
  Official official;
  std::string position_id;
  std::string rank_label;
  friend bool operator==(const OfficialRecord&, const OfficialRecord&) = default;
};

struct AssessmentRecord {
  Assessment assessment;  // the rules' view (ratings, predicate, state, assessor, window, ...)
  std::string period_id;
  int plan_revision = 0;
  std::string employee_position_id;
  std::string employee_rank_label;
  std::string employee_siasn_id;
  std::string position_type;     // "FUNGSIONAL", "PELAKSANA", ... (employee service names)
  std::string functional_level;  // "AHLI_MUDA", ... for functional positions; "" otherwise
  std::string assessor_position_id;
  std::string assessor_rank_label;
  std::string behaviour_note;                      // assessment.notes holds the results note
  std::vector<std::string> distribution_findings;  // the bands broken (WARN), as described
  std::optional<int64_t> credit_points_thousandths;
  std::string objection_id;
  absl::Time create_time;
  absl::Time update_time;
};

struct ObjectionRecord {
  Objection objection;
  std::string agency_id;
  std::string employee_id;
  absl::CivilDay deadline;
  std::string decided_by_position_id;
  absl::Time file_time;
  int64_t version = 0;
};

struct OrgPredicateRecord {
  std::string id;
  std::string period_id;
  OrgPredicateDecision decision;
  std::string decided_by_position_id;
  int64_t version = 0;
};

// Per-agency review settings; defaults as documented (README.md): objection window 14
// calendar days, 360 anonymity threshold 3, distribution WARN_WITH_JUSTIFICATION, realisation
// grace 5 days, no koefisienId.
struct ReviewPolicy {
  std::string agency_id;
  ObjectionPolicy objection;
  Holidays holidays;
  int anonymity_threshold = 3;
  DistributionEnforcement distribution = DistributionEnforcement::kWarnWithJustification;
  WindowPolicy window;
  std::string koefisien_id;
  int64_t version = 0;  // 0: never stored (the defaults)
};

// INVALID_ARGUMENT naming "policy.<field>" for values outside their ranges.
absl::Status ValidateReviewPolicy(const ReviewPolicy& policy);

// The distribution policy of an agency's review settings (the default bands, its enforcement).
DistributionPolicy DistributionOf(const ReviewPolicy& policy);

}  // namespace kinerja::review
