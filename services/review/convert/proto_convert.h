// Review records <-> kinerja.review.v1 messages, shared by the store (events, audit rows,
// idempotent answers) and the API (requests, responses): the wire format lives here. The
// FromProto functions invert ToProto exactly (a stored idempotent answer converted back and
// forth answers the same bytes).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/review/v1/resources.pb.h"
#include "services/review/domain/records.h"
#include "services/review/domain/types.h"

namespace kinerja::review {

namespace pb = ::kinerja::review::v1;

// Enums. *FromProto: INVALID_ARGUMENT naming `field` for values outside the enum; an
// unspecified rating is nullopt (optional ratings), an unspecified kind / org predicate invalid.
pb::Rating RatingToProto(std::optional<Rating> rating);
absl::StatusOr<std::optional<Rating>> RatingFromProto(pb::Rating rating, std::string_view field);
pb::Predicate PredicateToProto(std::optional<Predicate> predicate);
std::optional<Predicate> PredicateFromProto(pb::Predicate predicate);
pb::OrgPredicate OrgPredicateToProto(OrgPredicate predicate);
absl::StatusOr<OrgPredicate> OrgPredicateFromProto(pb::OrgPredicate predicate,
                                                   std::string_view field);
pb::CoreValue CoreValueToProto(CoreValue value);
absl::StatusOr<std::optional<CoreValue>> CoreValueFromProto(pb::CoreValue value,
                                                            std::string_view field);
// A request's (or stored answer's) per-value ratings as the domain's input: INVALID_ARGUMENT
// naming "behaviour_values[i].value" / ".rating" for numbers outside the enums (all of them);
// unspecified ones are left unset for the domain to refuse.
absl::StatusOr<std::vector<BehaviourValueInput>> BehaviourValuesFromProto(
    const google::protobuf::RepeatedPtrField<pb::BehaviourValueRating>& values);
pb::AssessmentKind KindToProto(AssessmentKind kind);
absl::StatusOr<AssessmentKind> KindFromProto(pb::AssessmentKind kind, std::string_view field);
pb::Capacity CapacityToProto(Capacity capacity);
Capacity CapacityFromProto(pb::Capacity capacity);

pb::Official ToProto(const OfficialRecord& official);
OfficialRecord OfficialFromProto(const pb::Official& official);
pb::Window ToProto(const Window& window);
Window WindowFromProto(const pb::Window& window);

pb::Assessment ToProto(const AssessmentRecord& record);
absl::StatusOr<AssessmentRecord> FromProto(const pb::Assessment& proto);
pb::Objection ToProto(const ObjectionRecord& record);
absl::StatusOr<ObjectionRecord> FromProto(const pb::Objection& proto);
pb::OrgPredicateDecision ToProto(const OrgPredicateRecord& record);
absl::StatusOr<OrgPredicateRecord> FromProto(const pb::OrgPredicateDecision& proto);
pb::ReviewPolicy ToProto(const ReviewPolicy& policy);
// Also the request's policy of UpdateReviewPolicy (fields named "policy.<field>").
absl::StatusOr<ReviewPolicy> FromProto(const pb::ReviewPolicy& proto);

}  // namespace kinerja::review
