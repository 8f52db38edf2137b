#include "services/goals/convert/proto_convert.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/period_rules.h"
#include "services/goals/domain/plan_content.h"
#include "shared/errors/errors.h"
#include "shared/rpc/enum_table.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/proto_time.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

std::string Path(std::string_view prefix, std::string_view field) {
  return absl::StrCat(ToAbsl(prefix), ToAbsl(field));
}

using rpc::EnumFromProto;
using rpc::EnumTable;
using rpc::EnumToProto;

constexpr EnumTable<pb::Cadence, Cadence, 2> kCadences = {{
    {pb::CADENCE_MONTHLY, Cadence::kMonthly},
    {pb::CADENCE_QUARTERLY, Cadence::kQuarterly},
}};

constexpr EnumTable<pb::PeriodState, PeriodState, 3> kPeriodStates = {{
    {pb::PERIOD_STATE_OPEN, PeriodState::kOpen},
    {pb::PERIOD_STATE_CLOSED, PeriodState::kClosed},
    {pb::PERIOD_STATE_LOCKED, PeriodState::kLocked},
}};

constexpr EnumTable<pb::PlanState, PlanState, 5> kPlanStates = {{
    {pb::PLAN_STATE_DRAFT, PlanState::kDraft},
    {pb::PLAN_STATE_SUBMITTED, PlanState::kSubmitted},
    {pb::PLAN_STATE_APPROVED, PlanState::kApproved},
    {pb::PLAN_STATE_RETURNED, PlanState::kReturned},
    {pb::PLAN_STATE_CLOSED, PlanState::kClosed},
}};

constexpr EnumTable<pb::PlanStyle, PlanStyle, 2> kPlanStyles = {{
    {pb::PLAN_STYLE_QUANTITATIVE, PlanStyle::kQuantitative},
    {pb::PLAN_STYLE_QUALITATIVE, PlanStyle::kQualitative},
}};

constexpr EnumTable<pb::ResultKind, ResultKind, 2> kResultKinds = {{
    {pb::RESULT_KIND_MAIN, ResultKind::kMain},
    {pb::RESULT_KIND_ADDITIONAL, ResultKind::kAdditional},
}};

// UNSPECIFIED is "no perspective" (non-JPT results).
constexpr EnumTable<pb::Perspective, Perspective, 5> kPerspectives = {{
    {pb::PERSPECTIVE_UNSPECIFIED, Perspective::kNone},
    {pb::PERSPECTIVE_SERVICE_RECIPIENTS, Perspective::kServiceRecipients},
    {pb::PERSPECTIVE_BUSINESS_PROCESS, Perspective::kBusinessProcess},
    {pb::PERSPECTIVE_INTERNAL_STRENGTHENING, Perspective::kInternalStrengthening},
    {pb::PERSPECTIVE_BUDGET, Perspective::kBudget},
}};

constexpr EnumTable<pb::Aspect, Aspect, 4> kAspects = {{
    {pb::ASPECT_QUANTITY, Aspect::kQuantity},
    {pb::ASPECT_QUALITY, Aspect::kQuality},
    {pb::ASPECT_TIME, Aspect::kTime},
    {pb::ASPECT_COST, Aspect::kCost},
}};

// UNSPECIFIED is "names no parent" (and, on a main result that names one, DIRECT: the domain's
// DefaultCascadeTypes).
constexpr EnumTable<pb::CascadeType, CascadeType, 3> kCascadeTypes = {{
    {pb::CASCADE_TYPE_UNSPECIFIED, CascadeType::kNone},
    {pb::CASCADE_TYPE_DIRECT, CascadeType::kDirect},
    {pb::CASCADE_TYPE_INDIRECT, CascadeType::kIndirect},
}};

constexpr EnumTable<pb::CoreValue, CoreValue, kCoreValueCount> kCoreValues = {{
    {pb::CORE_VALUE_SERVICE_ORIENTED, CoreValue::kServiceOriented},
    {pb::CORE_VALUE_ACCOUNTABLE, CoreValue::kAccountable},
    {pb::CORE_VALUE_COMPETENT, CoreValue::kCompetent},
    {pb::CORE_VALUE_HARMONIOUS, CoreValue::kHarmonious},
    {pb::CORE_VALUE_LOYAL, CoreValue::kLoyal},
    {pb::CORE_VALUE_ADAPTIVE, CoreValue::kAdaptive},
    {pb::CORE_VALUE_COLLABORATIVE, CoreValue::kCollaborative},
}};

constexpr EnumTable<pb::DecisionCapacity, DecisionCapacity, 6> kDecisionCapacities = {{
    {pb::DECISION_CAPACITY_DEFINITIVE, DecisionCapacity::kDefinitive},
    {pb::DECISION_CAPACITY_PLT, DecisionCapacity::kPlt},
    {pb::DECISION_CAPACITY_PLH, DecisionCapacity::kPlh},
    {pb::DECISION_CAPACITY_DELEGATED, DecisionCapacity::kDelegated},
    {pb::DECISION_CAPACITY_PJ, DecisionCapacity::kPj},
    {pb::DECISION_CAPACITY_HR_FOR_NON_ASN, DecisionCapacity::kHrForNonAsn},
}};

constexpr EnumTable<pb::DecisionAction, DecisionAction, 2> kDecisionActions = {{
    {pb::DECISION_ACTION_APPROVE, DecisionAction::kApprove},
    {pb::DECISION_ACTION_RETURN, DecisionAction::kReturn},
}};

// "" etag = version 0 (not read from the server).
absl::StatusOr<int64_t> VersionOf(const std::string& etag, std::string_view prefix) {
  if (etag.empty()) return 0;
  absl::StatusOr<int64_t> version = rpc::VersionFromEtag(etag);
  if (!version.ok()) return errors::PrefixField(version.status(), ToAbsl(prefix));
  return version;
}

std::optional<absl::Time> OptionalTime(bool has, const google::protobuf::Timestamp& time) {
  if (!has) return std::nullopt;
  return rpc::TimeFromProto(time);
}

void PersonToProto(const PlanPerson& person, pb::PlanPerson* out) {
  out->set_employee_id(person.employee_id);
  out->set_nip(person.nip);
  out->set_name(person.name);
  out->set_position_id(person.position_id);
  out->set_position_name(person.position_name);
  out->set_unit_id(person.unit_id);
  out->set_unit_name(person.unit_name);
  out->set_non_asn(person.non_asn);
  out->set_acting(person.acting);
  out->set_rank_label(person.rank_label);
  out->set_rank_code(person.rank_code);
  out->set_capacity(person.capacity);
}

absl::StatusOr<PlanPerson> PersonFromProto(const pb::PlanPerson& proto, std::string_view prefix) {
  PlanPerson person;
  person.employee_id = proto.employee_id();
  person.nip = proto.nip();
  person.name = proto.name();
  person.position_id = proto.position_id();
  person.position_name = proto.position_name();
  person.unit_id = proto.unit_id();
  person.unit_name = proto.unit_name();
  person.non_asn = proto.non_asn();
  person.acting = proto.acting();
  if (!person.acting.empty() && person.acting != "PLT" && person.acting != "PLH") {
    return errors::InvalidField(Path(prefix, "acting"), "must be PLT, PLH or empty");
  }
  person.rank_label = proto.rank_label();
  person.rank_code = proto.rank_code();
  person.capacity = proto.capacity();
  return person;
}

void IndicatorToProto(const Indicator& indicator, pb::Indicator* out) {
  out->set_id(indicator.id);
  out->set_text(indicator.text);
  out->set_aspect(EnumToProto(kAspects, indicator.aspect));
  out->set_target_min(indicator.target_min);
  out->set_target_max(indicator.target_max);
  out->set_target_unit(indicator.target_unit);
  out->set_target_text(indicator.target_text);
  out->set_lower_is_better(indicator.lower_is_better);
  out->set_survey_id(indicator.survey_id);
}

void ResultToProto(const WorkResult& result, pb::WorkResult* out) {
  out->set_id(result.id);
  out->set_kind(EnumToProto(kResultKinds, result.kind));
  out->set_text(result.text);
  out->set_parent_result_id(result.parent_result_id);
  out->set_perspective(EnumToProto(kPerspectives, result.perspective));
  for (const Indicator& indicator : result.indicators) {
    IndicatorToProto(indicator, out->add_indicators());
  }
  out->set_template_id(result.template_id);
  out->set_cascade_type(EnumToProto(kCascadeTypes, result.cascade_type));
  out->set_parent_indicator_id(result.parent_indicator_id);
}

// Appends every violation of one result to `violations` and returns the result.
WorkResult ResultFromProto(const pb::WorkResult& proto, const std::string& path,
                           std::vector<errors::FieldViolation>& violations) {
  WorkResult result;
  result.id = proto.id();
  absl::StatusOr<ResultKind> kind = EnumFromProto(kResultKinds, proto.kind(), path + ".kind");
  if (kind.ok()) {
    result.kind = *kind;
  } else {
    for (auto& v : errors::ViolationsOf(kind.status())) violations.push_back(std::move(v));
  }
  result.text = proto.text();
  result.parent_result_id = proto.parent_result_id();
  absl::StatusOr<Perspective> perspective =
      EnumFromProto(kPerspectives, proto.perspective(), path + ".perspective");
  if (perspective.ok()) {
    result.perspective = *perspective;
  } else {
    for (auto& v : errors::ViolationsOf(perspective.status())) violations.push_back(std::move(v));
  }
  for (int j = 0; j < proto.indicators_size(); ++j) {
    const pb::Indicator& in = proto.indicators(j);
    Indicator indicator;
    indicator.id = in.id();
    indicator.text = in.text();
    absl::StatusOr<Aspect> aspect =
        EnumFromProto(kAspects, in.aspect(), absl::StrCat(path, ".indicators[", j, "].aspect"));
    if (aspect.ok()) {
      indicator.aspect = *aspect;
    } else {
      for (auto& v : errors::ViolationsOf(aspect.status())) violations.push_back(std::move(v));
    }
    indicator.target_min = in.target_min();
    indicator.target_max = in.target_max();
    indicator.target_unit = in.target_unit();
    indicator.target_text = in.target_text();
    indicator.lower_is_better = in.lower_is_better();
    indicator.survey_id = in.survey_id();
    result.indicators.push_back(std::move(indicator));
  }
  result.template_id = proto.template_id();
  absl::StatusOr<CascadeType> cascade_type =
      EnumFromProto(kCascadeTypes, proto.cascade_type(), path + ".cascade_type");
  if (cascade_type.ok()) {
    result.cascade_type = *cascade_type;
  } else {
    for (auto& v : errors::ViolationsOf(cascade_type.status())) violations.push_back(std::move(v));
  }
  result.parent_indicator_id = proto.parent_indicator_id();
  return result;
}

void BehavioursToProto(const std::vector<BehaviourExpectation>& behaviours,
                       google::protobuf::RepeatedPtrField<pb::BehaviourExpectation>* out) {
  for (const BehaviourExpectation& behaviour : behaviours) {
    pb::BehaviourExpectation* b = out->Add();
    b->set_value(EnumToProto(kCoreValues, behaviour.value));
    b->set_expectation(behaviour.expectation);
  }
}

// Behaviours in any order, each value at most once, completed to the 7 (NormaliseBehaviours).
absl::StatusOr<std::vector<BehaviourExpectation>> BehavioursFromProto(
    const google::protobuf::RepeatedPtrField<pb::BehaviourExpectation>& behaviours,
    std::string_view prefix) {
  std::vector<BehaviourExpectation> given;
  given.reserve(behaviours.size());
  for (int i = 0; i < behaviours.size(); ++i) {
    const pb::BehaviourExpectation& b = behaviours[i];
    ASSIGN_OR_RETURN(CoreValue value,
                     EnumFromProto(kCoreValues, b.value(),
                                   absl::StrCat(ToAbsl(prefix), "behaviours[", i, "].value")));
    given.push_back({value, b.expectation()});
  }
  absl::StatusOr<std::vector<BehaviourExpectation>> out = NormaliseBehaviours(given);
  if (!out.ok()) return errors::PrefixField(out.status(), ToAbsl(prefix));
  return out;
}

absl::StatusOr<std::vector<WorkResult>> ResultsFromProto(
    const google::protobuf::RepeatedPtrField<pb::WorkResult>& results, std::string_view prefix) {
  std::vector<errors::FieldViolation> violations;
  std::vector<WorkResult> out;
  out.reserve(results.size());
  for (int i = 0; i < results.size(); ++i) {
    out.push_back(
        ResultFromProto(results[i], absl::StrCat(ToAbsl(prefix), "results[", i, "]"), violations));
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  return out;
}

}  // namespace

// --- Enums ------------------------------------------------------------------------------------

pb::PeriodState ToProto(PeriodState state) { return EnumToProto(kPeriodStates, state); }
absl::StatusOr<PeriodState> PeriodStateFromProto(pb::PeriodState state, std::string_view field) {
  return EnumFromProto(kPeriodStates, state, field);
}
pb::Cadence ToProto(Cadence cadence) { return EnumToProto(kCadences, cadence); }
absl::StatusOr<Cadence> CadenceFromProto(pb::Cadence cadence, std::string_view field) {
  return EnumFromProto(kCadences, cadence, field);
}
pb::PlanState ToProto(PlanState state) { return EnumToProto(kPlanStates, state); }
pb::PlanStyle ToProto(PlanStyle style) { return EnumToProto(kPlanStyles, style); }
pb::CascadeType ToProto(CascadeType type) { return EnumToProto(kCascadeTypes, type); }
absl::StatusOr<PlanStyle> PlanStyleFromProto(pb::PlanStyle style, std::string_view field) {
  if (style == pb::PLAN_STYLE_UNSPECIFIED) return PlanStyle::kQuantitative;
  return EnumFromProto(kPlanStyles, style, field);
}

// --- Periods ----------------------------------------------------------------------------------

absl::StatusOr<CoreValue> CoreValueFromProto(pb::CoreValue value, std::string_view field) {
  return EnumFromProto(kCoreValues, value, field);
}

pb::Period ToProto(const Period& period) {
  pb::Period out;
  out.set_id(period.id);
  out.set_agency_id(period.agency_id);
  out.set_year(period.year);
  out.set_name(period.name);
  rpc::DayToProto(period.start_date, out.mutable_start_date());
  rpc::DayToProto(period.end_date, out.mutable_end_date());
  rpc::DayToProto(period.filling_deadline, out.mutable_filling_deadline());
  out.set_cadence(ToProto(period.cadence));
  out.set_state(ToProto(period.state));
  out.set_mid_year_filling_days(period.mid_year_filling_days);
  out.set_etag(rpc::EtagFor(period.version));
  if (period.create_time != absl::Time())
    rpc::TimeToProto(period.create_time, out.mutable_create_time());
  if (period.update_time != absl::Time())
    rpc::TimeToProto(period.update_time, out.mutable_update_time());
  return out;
}

absl::StatusOr<Period> FromProto(const pb::Period& proto, std::string_view prefix) {
  Period period;
  period.id = proto.id();
  period.agency_id = proto.agency_id();
  period.year = proto.year();
  period.name = proto.name();
  ASSIGN_OR_RETURN(period.start_date,
                   rpc::DayFromProto(proto.start_date(), Path(prefix, "start_date")));
  ASSIGN_OR_RETURN(period.end_date, rpc::DayFromProto(proto.end_date(), Path(prefix, "end_date")));
  ASSIGN_OR_RETURN(period.filling_deadline,
                   rpc::DayFromProto(proto.filling_deadline(), Path(prefix, "filling_deadline")));
  ASSIGN_OR_RETURN(period.cadence, CadenceFromProto(proto.cadence(), Path(prefix, "cadence")));
  // Output only: an unset state is the state a new period starts in.
  if (proto.state() != pb::PERIOD_STATE_UNSPECIFIED) {
    ASSIGN_OR_RETURN(period.state, PeriodStateFromProto(proto.state(), Path(prefix, "state")));
  }
  ASSIGN_OR_RETURN(period.version, VersionOf(proto.etag(), prefix));
  period.create_time = rpc::TimeFromProto(proto.create_time());
  period.update_time = rpc::TimeFromProto(proto.update_time());
  // Unset: the default (ValidatePeriod checks the range).
  period.mid_year_filling_days = proto.mid_year_filling_days() == 0 ? kDefaultMidYearFillingDays
                                                                    : proto.mid_year_filling_days();
  return period;
}

// --- Deadline extensions ----------------------------------------------------------------------

pb::DeadlineExtension ToProto(const DeadlineExtension& extension) {
  pb::DeadlineExtension out;
  out.set_period_id(extension.period_id);
  out.set_employee_id(extension.employee_id);
  rpc::DayToProto(extension.until, out.mutable_until());
  out.set_reason(extension.reason);
  out.set_granted_by(extension.granted_by);
  if (extension.grant_time != absl::Time())
    rpc::TimeToProto(extension.grant_time, out.mutable_grant_time());
  return out;
}

absl::StatusOr<DeadlineExtension> FromProto(const pb::DeadlineExtension& proto,
                                            std::string_view prefix) {
  DeadlineExtension extension;
  extension.period_id = proto.period_id();
  extension.employee_id = proto.employee_id();
  ASSIGN_OR_RETURN(extension.until, rpc::DayFromProto(proto.until(), Path(prefix, "until")));
  extension.reason = proto.reason();
  extension.granted_by = proto.granted_by();
  extension.grant_time = rpc::TimeFromProto(proto.grant_time());
  return extension;
}

// --- Unit policies ----------------------------------------------------------------------------

pb::UnitPolicy ToProto(const UnitPolicy& policy) {
  pb::UnitPolicy out;
  out.set_agency_id(policy.agency_id);
  out.set_unit_id(policy.unit_id);
  out.set_public_service(policy.public_service);
  out.set_include_subunits(policy.include_subunits);
  out.set_survey_id(policy.survey_id);
  out.set_etag(rpc::EtagFor(policy.version));
  if (policy.update_time != absl::Time())
    rpc::TimeToProto(policy.update_time, out.mutable_update_time());
  return out;
}

absl::StatusOr<UnitPolicy> FromProto(const pb::UnitPolicy& proto, std::string_view prefix) {
  UnitPolicy policy;
  policy.agency_id = proto.agency_id();
  policy.unit_id = proto.unit_id();
  policy.public_service = proto.public_service();
  policy.include_subunits = proto.include_subunits();
  policy.survey_id = proto.survey_id();
  ASSIGN_OR_RETURN(policy.version, VersionOf(proto.etag(), prefix));
  policy.update_time = rpc::TimeFromProto(proto.update_time());
  return policy;
}

// --- Plans ------------------------------------------------------------------------------------

pb::Plan ToProto(const Plan& plan) {
  pb::Plan out;
  out.set_id(plan.id);
  out.set_period_id(plan.period_id);
  out.set_agency_id(plan.agency_id);
  PersonToProto(plan.employee, out.mutable_employee());
  out.set_position_type(plan.position_type);
  if (plan.assessor) PersonToProto(*plan.assessor, out.mutable_assessor());
  if (plan.assessor_superior) {
    PersonToProto(*plan.assessor_superior, out.mutable_assessor_superior());
  }
  out.set_state(ToProto(plan.state));
  out.set_style(ToProto(plan.content.style));
  out.set_revision(plan.revision);
  out.set_revision_reason(plan.revision_reason);
  out.set_return_note(plan.return_note);
  for (const WorkResult& result : plan.content.results) {
    ResultToProto(result, out.add_results());
  }
  BehavioursToProto(plan.content.behaviours, out.mutable_behaviours());
  out.set_close_reason(plan.close_reason);
  if (plan.end_date) rpc::DayToProto(*plan.end_date, out.mutable_end_date());
  if (plan.submit_time) rpc::TimeToProto(*plan.submit_time, out.mutable_submit_time());
  if (plan.approve_time) rpc::TimeToProto(*plan.approve_time, out.mutable_approve_time());
  out.set_etag(rpc::EtagFor(plan.version));
  if (plan.create_time != absl::Time())
    rpc::TimeToProto(plan.create_time, out.mutable_create_time());
  if (plan.update_time != absl::Time())
    rpc::TimeToProto(plan.update_time, out.mutable_update_time());
  if (plan.start_date != absl::CivilDay())
    rpc::DayToProto(plan.start_date, out.mutable_start_date());
  if (plan.filling_deadline != absl::CivilDay()) {
    rpc::DayToProto(plan.filling_deadline, out.mutable_filling_deadline());
  }
  if (plan.original_assessor) {
    PersonToProto(*plan.original_assessor, out.mutable_original_assessor());
  }
  if (plan.original_assessor_superior) {
    PersonToProto(*plan.original_assessor_superior, out.mutable_original_assessor_superior());
  }
  out.set_approved_revision(plan.approved_revision);
  return out;
}

absl::StatusOr<PlanContent> ContentFromProto(const pb::Plan& proto, std::string_view prefix) {
  PlanContent content;
  ASSIGN_OR_RETURN(content.style, PlanStyleFromProto(proto.style(), Path(prefix, "style")));
  ASSIGN_OR_RETURN(content.results, ResultsFromProto(proto.results(), prefix));
  ASSIGN_OR_RETURN(content.behaviours, BehavioursFromProto(proto.behaviours(), prefix));
  return content;
}

namespace {

absl::Status PlanPeopleFromProto(const pb::Plan& proto, std::string_view prefix, Plan& plan) {
  plan.id = proto.id();
  plan.period_id = proto.period_id();
  plan.agency_id = proto.agency_id();
  ASSIGN_OR_RETURN(plan.employee, PersonFromProto(proto.employee(), Path(prefix, "employee.")));
  plan.position_type = proto.position_type();
  if (proto.has_assessor()) {
    ASSIGN_OR_RETURN(plan.assessor, PersonFromProto(proto.assessor(), Path(prefix, "assessor.")));
  }
  if (proto.has_assessor_superior()) {
    ASSIGN_OR_RETURN(plan.assessor_superior, PersonFromProto(proto.assessor_superior(),
                                                             Path(prefix, "assessor_superior.")));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Plan> PlanPeopleFromProto(const pb::Plan& proto) {
  Plan plan;
  RETURN_IF_ERROR(PlanPeopleFromProto(proto, "", plan));
  return plan;
}

absl::StatusOr<Plan> FromProto(const pb::Plan& proto, std::string_view prefix) {
  Plan plan;
  RETURN_IF_ERROR(PlanPeopleFromProto(proto, prefix, plan));
  // Output only: an unset state is the state a new plan starts in.
  if (proto.state() != pb::PLAN_STATE_UNSPECIFIED) {
    ASSIGN_OR_RETURN(plan.state, EnumFromProto(kPlanStates, proto.state(), Path(prefix, "state")));
  }
  plan.revision = proto.revision() == 0 ? 1 : proto.revision();
  plan.revision_reason = proto.revision_reason();
  plan.return_note = proto.return_note();
  ASSIGN_OR_RETURN(plan.content, ContentFromProto(proto, prefix));
  plan.close_reason = proto.close_reason();
  ASSIGN_OR_RETURN(plan.end_date,
                   rpc::OptionalDayFromProto(proto.end_date(), Path(prefix, "end_date")));
  plan.submit_time = OptionalTime(proto.has_submit_time(), proto.submit_time());
  plan.approve_time = OptionalTime(proto.has_approve_time(), proto.approve_time());
  ASSIGN_OR_RETURN(plan.version, VersionOf(proto.etag(), prefix));
  plan.create_time = rpc::TimeFromProto(proto.create_time());
  plan.update_time = rpc::TimeFromProto(proto.update_time());
  ASSIGN_OR_RETURN(std::optional<absl::CivilDay> start,
                   rpc::OptionalDayFromProto(proto.start_date(), Path(prefix, "start_date")));
  plan.start_date = start.value_or(absl::CivilDay());
  ASSIGN_OR_RETURN(
      std::optional<absl::CivilDay> deadline,
      rpc::OptionalDayFromProto(proto.filling_deadline(), Path(prefix, "filling_deadline")));
  plan.filling_deadline = deadline.value_or(absl::CivilDay());
  if (proto.has_original_assessor()) {
    ASSIGN_OR_RETURN(plan.original_assessor, PersonFromProto(proto.original_assessor(),
                                                             Path(prefix, "original_assessor.")));
  }
  if (proto.has_original_assessor_superior()) {
    ASSIGN_OR_RETURN(plan.original_assessor_superior,
                     PersonFromProto(proto.original_assessor_superior(),
                                     Path(prefix, "original_assessor_superior.")));
  }
  plan.approved_revision = proto.approved_revision();
  return plan;
}

pb::PlanPerson ToProto(const PlanPerson& person) {
  pb::PlanPerson out;
  PersonToProto(person, &out);
  return out;
}

pb::PlanVersion ToProto(const PlanVersion& version) {
  pb::PlanVersion out;
  out.set_plan_id(version.plan_id);
  out.set_revision(version.revision);
  *out.mutable_plan() = ToProto(version.plan);
  out.set_approved_by(version.approved_by);
  if (version.approve_time != absl::Time())
    rpc::TimeToProto(version.approve_time, out.mutable_approve_time());
  if (version.approver) PersonToProto(*version.approver, out.mutable_approver());
  if (version.approver_capacity) {
    out.set_approver_capacity(EnumToProto(kDecisionCapacities, *version.approver_capacity));
  }
  if (version.effective_from != absl::CivilDay()) {
    rpc::DayToProto(version.effective_from, out.mutable_effective_from());
    rpc::DayToProto(version.effective_until, out.mutable_effective_until());
  }
  return out;
}

pb::PlanDecision ToProto(const PlanDecision& decision) {
  pb::PlanDecision out;
  out.set_plan_id(decision.plan_id);
  out.set_revision(decision.revision);
  out.set_action(EnumToProto(kDecisionActions, decision.action));
  PersonToProto(decision.decided_by, out.mutable_decided_by());
  out.set_capacity(EnumToProto(kDecisionCapacities, decision.capacity));
  out.set_recorded_by(decision.recorded_by);
  out.set_note(decision.note);
  if (decision.decide_time != absl::Time())
    rpc::TimeToProto(decision.decide_time, out.mutable_decide_time());
  return out;
}

// --- Templates --------------------------------------------------------------------------------

pb::PlanTemplate ToProto(const PlanTemplate& tmpl) {
  pb::PlanTemplate out;
  out.set_id(tmpl.id);
  out.set_agency_id(tmpl.agency_id);
  out.set_name(tmpl.name);
  for (const WorkResult& result : tmpl.results) ResultToProto(result, out.add_results());
  out.set_etag(rpc::EtagFor(tmpl.version));
  if (tmpl.create_time != absl::Time())
    rpc::TimeToProto(tmpl.create_time, out.mutable_create_time());
  BehavioursToProto(tmpl.behaviours, out.mutable_behaviours());
  return out;
}

absl::StatusOr<PlanTemplate> FromProto(const pb::PlanTemplate& proto, std::string_view prefix) {
  PlanTemplate tmpl;
  tmpl.id = proto.id();
  tmpl.agency_id = proto.agency_id();
  tmpl.name = proto.name();
  ASSIGN_OR_RETURN(tmpl.results, ResultsFromProto(proto.results(), prefix));
  ASSIGN_OR_RETURN(tmpl.behaviours, BehavioursFromProto(proto.behaviours(), prefix));
  ASSIGN_OR_RETURN(tmpl.version, VersionOf(proto.etag(), prefix));
  tmpl.create_time = rpc::TimeFromProto(proto.create_time());
  return tmpl;
}

}  // namespace kinerja::goals
