#include "services/review/domain/records.h"

#include "services/review/domain/feedback360.h"
#include "shared/errors/errors.h"

namespace kinerja::review {

absl::Status ValidateReviewPolicy(const ReviewPolicy& policy) {
  std::vector<errors::FieldViolation> invalid;
  if (policy.agency_id.empty()) invalid.push_back({"policy.agency_id", "is required"});
  if (!ValidateObjectionPolicy(policy.objection).ok()) {
    invalid.push_back({"policy.objection_days", "must be 1..365"});
  }
  if (!ValidateFeedback360Policy({.min_raters = policy.anonymity_threshold}).ok()) {
    invalid.push_back({"policy.anonymity_threshold", "must be 2..1000"});
  }
  if (!ValidateWindowPolicy(policy.window).ok()) {
    invalid.push_back({"policy.realisation_grace_days", "must be 0..366"});
  }
  if (policy.holidays.size() > 1000) {
    invalid.push_back({"policy.holidays", "at most 1000 days"});
  }
  if (policy.koefisien_id.size() > 64) {
    invalid.push_back({"policy.koefisien_id", "must be at most 64 bytes"});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return absl::OkStatus();
}

DistributionPolicy DistributionOf(const ReviewPolicy& policy) {
  DistributionPolicy out;
  out.enforcement = policy.distribution;
  return out;
}

}  // namespace kinerja::review
