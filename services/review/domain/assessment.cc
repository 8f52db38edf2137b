#include "services/review/domain/assessment.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/review/domain/names.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

absl::Status CheckLength(const std::string& text, size_t max, absl::string_view field) {
  if (text.size() > max) {
    return errors::InvalidField(field,
                                absl::StrCat("must be at most ", max, " bytes, got ", text.size()));
  }
  return absl::OkStatus();
}

absl::Status CheckUnitHeadResults(const Assessment& assessment, std::optional<Rating> results,
                                  const OrgFacts& org, Rating& fixed) {
  if (!org.unit_org_predicate.has_value()) {
    return errors::RuleViolation(
        "ORG_PREDICATE_MISSING",
        absl::StrCat("the organisation predicate of unit ", assessment.unit_id,
                     " for this period is not set; the leader one level up sets it first"));
  }
  fixed = UnitHeadResultsRating(*org.unit_org_predicate, org.org_result_mapping);
  if (results.has_value() && *results != fixed) {
    return errors::RuleViolation(
        "UNIT_HEAD_RESULTS_FIXED",
        absl::StrCat(
            "a unit head's results rating is the unit's result: ", ToAbsl(RatingName(fixed)),
            " for organisation predicate ", ToAbsl(OrgPredicateName(*org.unit_org_predicate)),
            ", got ", ToAbsl(RatingName(*results))));
  }
  return absl::OkStatus();
}

// The assessor's per-value ratings as stored (in the core values' official order), with every
// bad entry named in `invalid`: value and rating required, each value once, note <= 2000 bytes.
std::vector<BehaviourValueRating> CheckBehaviourValues(
    const std::vector<BehaviourValueInput>& inputs, std::vector<errors::FieldViolation>& invalid) {
  std::vector<BehaviourValueRating> out;
  std::array<int, kCoreValueCount> first_at;
  first_at.fill(-1);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const BehaviourValueInput& in = inputs[i];
    const std::string path = absl::StrCat("behaviour_values[", i, "]");
    bool complete = true;
    if (!in.value.has_value()) {
      invalid.push_back({path + ".value", "is required"});
      complete = false;
    } else if (static_cast<int>(*in.value) < 0 || static_cast<int>(*in.value) >= kCoreValueCount) {
      invalid.push_back({path + ".value", "must be a core value"});
      complete = false;
    } else {
      int& first = first_at[static_cast<size_t>(*in.value)];
      if (first >= 0) {
        invalid.push_back(
            {path + ".value", absl::StrCat(ToAbsl(CoreValueName(*in.value)),
                                           " is already rated at behaviour_values[", first, "]")});
        complete = false;
      } else {
        first = static_cast<int>(i);
      }
    }
    if (!in.rating.has_value()) {
      invalid.push_back({path + ".rating", "is required"});
      complete = false;
    }
    if (in.note.size() > kMaxValueNoteBytes) {
      invalid.push_back({path + ".note", absl::StrCat("must be at most ", kMaxValueNoteBytes,
                                                      " bytes, got ", in.note.size())});
      complete = false;
    }
    if (complete) out.push_back({.value = *in.value, .rating = *in.rating, .note = in.note});
  }
  std::sort(out.begin(), out.end(),
            [](const BehaviourValueRating& a, const BehaviourValueRating& b) {
              return a.value < b.value;
            });
  return out;
}

Official AsRecorded(const ActingOfficial& acting) {
  Official o = acting.official;
  o.capacity = acting.capacity;
  return o;
}

}  // namespace

absl::Status CheckMutable(const Assessment& assessment) {
  if (assessment.state == AssessmentState::kFinalised) {
    return errors::RuleViolation(
        "ASSESSMENT_FINALISED",
        "a finalised assessment changes only through an objection decision");
  }
  return absl::OkStatus();
}

absl::Status ApplyRating(Assessment& assessment, const RatingInput& input,
                         const ActingOfficial& rater, const OrgFacts& org) {
  RETURN_IF_ERROR(CheckMutable(assessment));
  std::vector<errors::FieldViolation> invalid;
  if (!input.behaviour.has_value()) invalid.push_back({"behaviour_rating", "is required"});
  if (!input.results.has_value() && !assessment.unit_head) {
    invalid.push_back({"results_rating", "is required"});
  }
  if (input.notes.size() > kMaxNotesBytes) {
    invalid.push_back({"notes", absl::StrCat("must be at most ", kMaxNotesBytes, " bytes, got ",
                                             input.notes.size())});
  }
  std::vector<BehaviourValueRating> values = CheckBehaviourValues(input.behaviour_values, invalid);
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  Rating results = input.results.value_or(Rating::kAsExpected);
  if (assessment.unit_head) {
    RETURN_IF_ERROR(CheckUnitHeadResults(assessment, input.results, org, results));
  }
  assessment.results_rating = results;
  assessment.behaviour_rating = *input.behaviour;
  assessment.predicate = DerivePredicate(results, *input.behaviour);
  assessment.notes = input.notes;
  assessment.behaviour_values = std::move(values);
  assessment.assessor = AsRecorded(rater);
  assessment.recorded_by = rater.recorded_by;
  return absl::OkStatus();
}

absl::StatusOr<FinaliseOutcome> ApplyFinalise(Assessment& assessment, const ActingOfficial& by,
                                              const FinaliseFacts& facts) {
  RETURN_IF_ERROR(CheckMutable(assessment));
  if (!assessment.results_rating.has_value() || !assessment.behaviour_rating.has_value()) {
    return errors::RuleViolation("ASSESSMENT_NOT_RATED",
                                 "both the results and the behaviour rating are needed first");
  }
  RETURN_IF_ERROR(CheckLength(facts.justification, kMaxJustificationBytes, "justification"));
  if (!facts.org.unit_org_predicate.has_value()) {
    return errors::RuleViolation(
        "ORG_PREDICATE_MISSING",
        absl::StrCat("the organisation predicate of unit ", assessment.unit_id,
                     " for this period is not set; the leader one level up sets it first"));
  }
  const Predicate predicate =
      DerivePredicate(*assessment.results_rating, *assessment.behaviour_rating);
  FinaliseOutcome outcome;
  if (assessment.unit_head) {
    Rating fixed = Rating::kAsExpected;
    RETURN_IF_ERROR(CheckUnitHeadResults(assessment, assessment.results_rating, facts.org, fixed));
  } else {
    DistributionInput input;
    input.org = *facts.org.unit_org_predicate;
    input.finalised = facts.unit_finalised;
    input.finalised[predicate] += 1;
    input.unit_staff = facts.unit_staff;
    ASSIGN_OR_RETURN(DistributionResult result,
                     CheckDistribution(input, facts.distribution_policy));
    outcome.skipped_small_unit = result.skipped_small_unit;
    outcome.violations = std::move(result.violations);
  }
  if (!outcome.violations.empty()) {
    if (facts.distribution_policy.enforcement == DistributionEnforcement::kBlock) {
      return errors::RuleViolation("DISTRIBUTION_BLOCKED",
                                   absl::StrCat("predicate ", ToAbsl(PredicateName(predicate)),
                                                " breaks the unit's distribution: ",
                                                DescribeViolations(outcome.violations)));
    }
    if (IsBlank(facts.justification)) {
      return errors::RuleViolation(
          "JUSTIFICATION_REQUIRED",
          absl::StrCat("predicate ", ToAbsl(PredicateName(predicate)),
                       " breaks the unit's distribution (", DescribeViolations(outcome.violations),
                       "): a written justification is required"));
    }
  }
  assessment.predicate = predicate;
  assessment.distribution_justification = outcome.violations.empty() ? "" : facts.justification;
  assessment.assessor = AsRecorded(by);
  assessment.recorded_by = by.recorded_by;
  assessment.state = AssessmentState::kFinalised;
  assessment.finalise_time = facts.now;
  return outcome;
}

absl::Status ApplyDelivery(Assessment& assessment, absl::CivilDay day) {
  if (assessment.state != AssessmentState::kFinalised) {
    return errors::RuleViolation("ASSESSMENT_NOT_FINAL", "only a finalised result is delivered");
  }
  if (assessment.delivered_date.has_value()) {
    return errors::RuleViolation("ASSESSMENT_DELIVERED",
                                 absl::StrCat("the result was delivered on ",
                                              absl::FormatCivilTime(*assessment.delivered_date),
                                              "; the objection window counts from that day"));
  }
  assessment.delivered_date = day;
  return absl::OkStatus();
}

absl::StatusOr<OrgPredicateDecision> DecideOrgPredicate(const OrgPredicateInput& input,
                                                        const ActingOfficial& by,
                                                        int finalised_in_unit, absl::Time now) {
  std::vector<errors::FieldViolation> invalid;
  if (IsBlank(input.unit_id)) invalid.push_back({"unit_id", "is required"});
  if (input.note.size() > kMaxOrgNoteBytes) {
    invalid.push_back({"note", absl::StrCat("must be at most ", kMaxOrgNoteBytes, " bytes, got ",
                                            input.note.size())});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  if (finalised_in_unit > 0) {
    return errors::RuleViolation(
        "ORG_PREDICATE_LOCKED",
        absl::StrCat(finalised_in_unit, " staff assessment(s) of unit ", input.unit_id,
                     " for this period are already final: the organisation predicate comes first"));
  }
  OrgPredicateDecision decision;
  decision.agency_id = input.agency_id;
  decision.unit_id = input.unit_id;
  decision.kind = input.kind;
  decision.window = input.window;
  decision.predicate = input.predicate;
  decision.decided_by = AsRecorded(by);
  decision.recorded_by = by.recorded_by;
  decision.note = input.note;
  decision.decide_time = now;
  return decision;
}

}  // namespace kinerja::review
