// The assessment workflow (DOMAIN.md "Rating (2022+)"): the organisation predicate first, then
// the assessor of the day rates each staff member (results + behaviour; the predicate is derived)
// and finalises; a finalised assessment is immutable except through an objection decision
// (objection.h). Every Apply* checks first and changes the record only when every check passes.
// Refusals: FAILED_PRECONDITION with an UPPER_SNAKE reason; bad input: INVALID_ARGUMENT naming
// the field. Who acts is decided before (access.h): the functions take an ActingOfficial.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/review/domain/access.h"
#include "services/review/domain/predicate.h"
#include "services/review/domain/types.h"
#include "shared/rating/distribution.h"

namespace kinerja::review {

// The distribution bands are shared (shared/rating/distribution.h); named here for the review.
using rating::CheckDistribution;
using rating::DescribeViolations;
using rating::DistributionEnforcement;
using rating::DistributionInput;
using rating::DistributionPolicy;
using rating::DistributionResult;
using rating::DistributionViolation;
using rating::PredicateCounts;

inline constexpr size_t kMaxNotesBytes = 4000;
inline constexpr size_t kMaxJustificationBytes = 2000;
inline constexpr size_t kMaxOrgNoteBytes = 2000;
inline constexpr size_t kMaxValueNoteBytes = 2000;

// "ASSESSMENT_FINALISED" when the assessment is finalised (any change but an objection decision).
absl::Status CheckMutable(const Assessment& assessment);

// One core value as the assessor gives it (unset: not given).
struct BehaviourValueInput {
  std::optional<CoreValue> value;
  std::optional<Rating> rating;
  std::string note;  // optional, <= 2000 bytes
};

// What the assessor gives.
struct RatingInput {
  std::optional<Rating> results;    // hasil kerja; may be omitted for a unit head
  std::optional<Rating> behaviour;  // perilaku kerja
  std::string notes;                // optional, <= 4000 bytes
  // Optional ratings of single core values; replaces the draft's list as a whole.
  std::vector<BehaviourValueInput> behaviour_values;
};

// The unit's organisation predicate for the assessment's period, and how it maps to a unit
// head's results rating.
struct OrgFacts {
  std::optional<OrgPredicate> unit_org_predicate;  // unset: not decided yet
  OrgResultMapping org_result_mapping;
};

// Rating a draft: not finalised ("ASSESSMENT_FINALISED"); behaviour required (INVALID_ARGUMENT
// "behaviour_rating"); results required ("results_rating") except for a unit head, whose results
// rating is the unit's result (UnitHeadResultsRating): the organisation predicate must be set
// ("ORG_PREDICATE_MISSING") and a given results rating must equal it ("UNIT_HEAD_RESULTS_FIXED");
// notes <= 4000 bytes ("notes"); per-value ratings: each core value at most once
// ("behaviour_values[i].value"), value and rating required ("behaviour_values[i].value" /
// "behaviour_values[i].rating"), note <= 2000 bytes ("behaviour_values[i].note"). Sets both
// ratings, the derived predicate, the notes, the per-value ratings (in the core values' official
// order, replacing the earlier ones as a whole; the behaviour rating is NOT derived from them)
// and the assessor (rater.official in rater.capacity) with recorded_by. May be repeated while a
// draft.
absl::Status ApplyRating(Assessment& assessment, const RatingInput& input,
                         const ActingOfficial& rater, const OrgFacts& org);

// What finalising needs besides the assessment.
struct FinaliseFacts {
  OrgFacts org;
  DistributionPolicy distribution_policy;
  // The unit's finalised staff predicates for the same kind and period, WITHOUT this assessment
  // and without unit heads; and the unit's staff to be assessed (this one included).
  PredicateCounts unit_finalised;
  int unit_staff = 0;
  std::string justification;  // written justification for a WARN distribution, <= 2000 bytes
  absl::Time now;
};

struct FinaliseOutcome {
  std::vector<DistributionViolation> violations;  // accepted with a justification (WARN)
  bool skipped_small_unit = false;
};

// Finalising, by the assessor of the day (`by`, who becomes the assessor of record: they take
// responsibility for the rating as it stands): not finalised ("ASSESSMENT_FINALISED"); rated
// ("ASSESSMENT_NOT_RATED"); justification <= 2000 bytes (INVALID_ARGUMENT "justification"); the
// unit's organisation predicate set ("ORG_PREDICATE_MISSING"); a unit head's results rating still
// equal to the unit's result ("UNIT_HEAD_RESULTS_FIXED": re-rate after the predicate changed);
// then, except for unit heads (their results are fixed by the organisation predicate, so they
// are not part of their unit's distribution), the distribution with this predicate added
// (CheckDistribution): any violated band under BLOCK is "DISTRIBUTION_BLOCKED", under
// WARN_WITH_JUSTIFICATION a blank justification is "JUSTIFICATION_REQUIRED". On success: state
// FINALISED, finalise_time = now, predicate re-derived, distribution_justification kept only when
// a band was violated.
absl::StatusOr<FinaliseOutcome> ApplyFinalise(Assessment& assessment, const ActingOfficial& by,
                                              const FinaliseFacts& facts);

// Recording the day the finalised result reached the employee (the objection window counts from
// it): finalised ("ASSESSMENT_NOT_FINAL"), once ("ASSESSMENT_DELIVERED").
absl::Status ApplyDelivery(Assessment& assessment, absl::CivilDay day);

// What the leader one level up decides for a unit.
struct OrgPredicateInput {
  std::string agency_id;
  std::string unit_id;  // required (INVALID_ARGUMENT "unit_id")
  AssessmentKind kind = AssessmentKind::kAnnual;
  Window window;
  OrgPredicate predicate = OrgPredicate::kBaik;
  std::string note;  // optional, <= 2000 bytes ("note")
};

// Setting (or changing) a unit's organisation predicate for a period, by the leader one level up
// of the day (ActAsParentUnitLeader): it comes first, so once a staff assessment of the unit for
// that period is finalised it no longer changes ("ORG_PREDICATE_LOCKED"; `finalised_in_unit`
// counts them, unit head included).
absl::StatusOr<OrgPredicateDecision> DecideOrgPredicate(const OrgPredicateInput& input,
                                                        const ActingOfficial& by,
                                                        int finalised_in_unit, absl::Time now);

}  // namespace kinerja::review
