#include "services/review/convert/proto_convert.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/review/domain/names.h"
#include "shared/errors/errors.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/proto_time.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

absl::Status BadEnum(std::string_view field, int value) {
  return errors::InvalidField(ToAbsl(field), absl::StrCat("unknown value ", value));
}

int64_t VersionOf(const std::string& etag) {
  if (etag.empty()) return 0;
  absl::StatusOr<int64_t> v = rpc::VersionFromEtag(etag);
  return v.ok() ? *v : 0;
}

void SetTime(std::optional<absl::Time> time, google::protobuf::Timestamp* out) {
  if (time.has_value()) rpc::TimeToProto(*time, out);
}

std::optional<absl::Time> OptionalTime(bool has, const google::protobuf::Timestamp& time) {
  if (!has) return std::nullopt;
  return rpc::TimeFromProto(time);
}

}  // namespace

pb::Rating RatingToProto(std::optional<Rating> rating) {
  if (!rating.has_value()) return pb::RATING_UNSPECIFIED;
  return static_cast<pb::Rating>(RatingCode(*rating));
}

absl::StatusOr<std::optional<Rating>> RatingFromProto(pb::Rating rating, std::string_view field) {
  if (rating == pb::RATING_UNSPECIFIED) return std::optional<Rating>();
  ASSIGN_OR_RETURN(Rating r, RatingFromCode(static_cast<int>(rating), field));
  return std::optional<Rating>(r);
}

pb::CoreValue CoreValueToProto(CoreValue value) {
  return static_cast<pb::CoreValue>(static_cast<int>(value) + 1);
}

absl::StatusOr<std::optional<CoreValue>> CoreValueFromProto(pb::CoreValue value,
                                                            std::string_view field) {
  if (value == pb::CORE_VALUE_UNSPECIFIED) return std::optional<CoreValue>();
  if (value < pb::CORE_VALUE_SERVICE_ORIENTED || value > pb::CORE_VALUE_COLLABORATIVE) {
    return BadEnum(field, value);
  }
  return std::optional<CoreValue>(static_cast<CoreValue>(static_cast<int>(value) - 1));
}

absl::StatusOr<std::vector<BehaviourValueInput>> BehaviourValuesFromProto(
    const google::protobuf::RepeatedPtrField<pb::BehaviourValueRating>& values) {
  std::vector<errors::FieldViolation> invalid;
  std::vector<BehaviourValueInput> out;
  for (int i = 0; i < values.size(); ++i) {
    const pb::BehaviourValueRating& v = values[i];
    const std::string path = absl::StrCat("behaviour_values[", i, "]");
    BehaviourValueInput in;
    absl::StatusOr<std::optional<CoreValue>> value = CoreValueFromProto(v.value(), path + ".value");
    if (value.ok()) {
      in.value = *value;
    } else {
      for (auto& violation : errors::ViolationsOf(value.status())) invalid.push_back(violation);
    }
    absl::StatusOr<std::optional<Rating>> rating = RatingFromProto(v.rating(), path + ".rating");
    if (rating.ok()) {
      in.rating = *rating;
    } else {
      for (auto& violation : errors::ViolationsOf(rating.status())) invalid.push_back(violation);
    }
    in.note = v.note();
    out.push_back(std::move(in));
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  return out;
}

pb::Predicate PredicateToProto(std::optional<Predicate> predicate) {
  if (!predicate.has_value()) return pb::PREDICATE_UNSPECIFIED;
  return static_cast<pb::Predicate>(PredicateCode(*predicate));
}

std::optional<Predicate> PredicateFromProto(pb::Predicate predicate) {
  absl::StatusOr<Predicate> p = PredicateFromCode(static_cast<int>(predicate), "predicate");
  if (!p.ok()) return std::nullopt;
  return *p;
}

pb::OrgPredicate OrgPredicateToProto(OrgPredicate predicate) {
  return static_cast<pb::OrgPredicate>(static_cast<int>(predicate));
}

absl::StatusOr<OrgPredicate> OrgPredicateFromProto(pb::OrgPredicate predicate,
                                                   std::string_view field) {
  const int v = static_cast<int>(predicate);
  if (v < 1 || v > 5) {
    if (v == 0) return errors::InvalidField(ToAbsl(field), "is required");
    return BadEnum(field, v);
  }
  return static_cast<OrgPredicate>(v);
}

pb::AssessmentKind KindToProto(AssessmentKind kind) {
  return kind == AssessmentKind::kAnnual ? pb::ASSESSMENT_KIND_ANNUAL
                                         : pb::ASSESSMENT_KIND_PERIODIC;
}

absl::StatusOr<AssessmentKind> KindFromProto(pb::AssessmentKind kind, std::string_view field) {
  switch (kind) {
    case pb::ASSESSMENT_KIND_PERIODIC:
      return AssessmentKind::kPeriodic;
    case pb::ASSESSMENT_KIND_ANNUAL:
      return AssessmentKind::kAnnual;
    case pb::ASSESSMENT_KIND_UNSPECIFIED:
      return errors::InvalidField(ToAbsl(field), "is required (PERIODIC or ANNUAL)");
    default:
      return BadEnum(field, static_cast<int>(kind));
  }
}

pb::Capacity CapacityToProto(Capacity capacity) {
  switch (capacity) {
    case Capacity::kDefinitive:
      return pb::CAPACITY_DEFINITIVE;
    case Capacity::kPlt:
      return pb::CAPACITY_PLT;
    case Capacity::kPlh:
      return pb::CAPACITY_PLH;
    case Capacity::kDelegated:
      return pb::CAPACITY_DELEGATED;
    case Capacity::kPj:
      return pb::CAPACITY_PJ;
    case Capacity::kHrForNonAsn:
      return pb::CAPACITY_HR_FOR_NON_ASN;
  }
  return pb::CAPACITY_UNSPECIFIED;
}

Capacity CapacityFromProto(pb::Capacity capacity) {
  switch (capacity) {
    case pb::CAPACITY_PLT:
      return Capacity::kPlt;
    case pb::CAPACITY_PLH:
      return Capacity::kPlh;
    case pb::CAPACITY_DELEGATED:
      return Capacity::kDelegated;
    case pb::CAPACITY_PJ:
      return Capacity::kPj;
    case pb::CAPACITY_HR_FOR_NON_ASN:
      return Capacity::kHrForNonAsn;
    default:
      return Capacity::kDefinitive;
  }
}

pb::Official ToProto(const OfficialRecord& record) {
  const Official& o = record.official;
  pb::Official out;
  out.set_employee_id(o.employee_id);
  out.set_nip(o.nip);
  out.set_name(o.name);
  out.set_position_id(record.position_id);
  out.set_position_name(o.position_name);
  out.set_unit_id(o.unit_id);
  out.set_unit_name(o.unit_name);
  out.set_non_asn(o.non_asn);
  out.set_rank_code(o.rank_code);
  out.set_rank_label(record.rank_label);
  return out;
}

OfficialRecord OfficialFromProto(const pb::Official& p) {
  OfficialRecord out;
  out.official.employee_id = p.employee_id();
  out.official.nip = p.nip();
  out.official.name = p.name();
  out.official.position_name = p.position_name();
  out.official.unit_id = p.unit_id();
  out.official.unit_name = p.unit_name();
  out.official.non_asn = p.non_asn();
  out.official.rank_code = p.rank_code();
  out.position_id = p.position_id();
  out.rank_label = p.rank_label();
  return out;
}

pb::Window ToProto(const Window& w) {
  pb::Window out;
  out.set_year(w.year);
  out.set_start_month(w.month_start);
  out.set_end_month(w.month_end);
  *out.mutable_start_date() = rpc::DayToProto(w.first);
  *out.mutable_end_date() = rpc::DayToProto(w.last);
  out.set_index(w.index);
  return out;
}

Window WindowFromProto(const pb::Window& p) {
  Window w;
  w.year = p.year();
  w.index = p.index();
  w.month_start = p.start_month();
  w.month_end = p.end_month();
  w.first = absl::CivilDay(p.start_date().year(), p.start_date().month(), p.start_date().day());
  w.last = absl::CivilDay(p.end_date().year(), p.end_date().month(), p.end_date().day());
  return w;
}

pb::Assessment ToProto(const AssessmentRecord& r) {
  const Assessment& a = r.assessment;
  pb::Assessment out;
  out.set_id(a.id);
  out.set_plan_id(a.plan_id);
  out.set_plan_revision(r.plan_revision);
  out.set_period_id(r.period_id);
  out.set_agency_id(a.agency_id);
  out.set_kind(KindToProto(a.kind));
  *out.mutable_window() = ToProto(a.window);
  *out.mutable_employee() =
      ToProto(OfficialRecord{a.employee, r.employee_position_id, r.employee_rank_label});
  out.set_employee_siasn_id(r.employee_siasn_id);
  out.set_position_type(r.position_type);
  if (a.assessor.has_value()) {
    *out.mutable_assessor() =
        ToProto(OfficialRecord{*a.assessor, r.assessor_position_id, r.assessor_rank_label});
    out.set_assessor_capacity(CapacityToProto(a.assessor->capacity));
  }
  out.set_results_rating(RatingToProto(a.results_rating));
  out.set_behaviour_rating(RatingToProto(a.behaviour_rating));
  out.set_predicate(PredicateToProto(a.predicate));
  out.set_results_note(a.notes);
  out.set_behaviour_note(r.behaviour_note);
  out.set_state(a.state == AssessmentState::kFinalised ? pb::ASSESSMENT_STATE_FINALISED
                                                       : pb::ASSESSMENT_STATE_DRAFT);
  out.set_distribution_justification(a.distribution_justification);
  for (const std::string& f : r.distribution_findings) out.add_distribution_findings(f);
  SetTime(a.finalise_time, out.mutable_finalise_time());
  if (a.delivered_date.has_value())
    *out.mutable_delivered_date() = rpc::DayToProto(*a.delivered_date);
  if (r.credit_points_thousandths.has_value()) {
    out.set_credit_points(static_cast<double>(*r.credit_points_thousandths) / 1000.0);
  }
  out.set_objection_id(r.objection_id);
  out.set_etag(rpc::EtagFor(a.version));
  rpc::TimeToProto(r.create_time, out.mutable_create_time());
  rpc::TimeToProto(r.update_time, out.mutable_update_time());
  out.set_unit_id(a.unit_id);
  out.set_unit_head(a.unit_head);
  out.set_periodik_id(PeriodikId(a.cadence));
  out.set_functional_level(r.functional_level);
  out.set_recorded_by(a.recorded_by);
  for (const BehaviourValueRating& v : a.behaviour_values) {
    pb::BehaviourValueRating* value = out.add_behaviour_values();
    value->set_value(CoreValueToProto(v.value));
    value->set_rating(RatingToProto(v.rating));
    value->set_note(v.note);
  }
  return out;
}

absl::StatusOr<AssessmentRecord> FromProto(const pb::Assessment& p) {
  AssessmentRecord r;
  Assessment& a = r.assessment;
  a.id = p.id();
  a.plan_id = p.plan_id();
  a.agency_id = p.agency_id();
  a.unit_id = p.unit_id();
  OfficialRecord employee = OfficialFromProto(p.employee());
  a.employee = employee.official;
  r.employee_position_id = employee.position_id;
  r.employee_rank_label = employee.rank_label;
  a.unit_head = p.unit_head();
  ASSIGN_OR_RETURN(a.kind, KindFromProto(p.kind(), "kind"));
  ASSIGN_OR_RETURN(a.cadence, CadenceFromPeriodikId(p.periodik_id(), "periodik_id"));
  a.window = WindowFromProto(p.window());
  ASSIGN_OR_RETURN(a.results_rating, RatingFromProto(p.results_rating(), "results_rating"));
  ASSIGN_OR_RETURN(a.behaviour_rating, RatingFromProto(p.behaviour_rating(), "behaviour_rating"));
  a.predicate = PredicateFromProto(p.predicate());
  a.notes = p.results_note();
  ASSIGN_OR_RETURN(std::vector<BehaviourValueInput> values,
                   BehaviourValuesFromProto(p.behaviour_values()));
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i].value.has_value() || !values[i].rating.has_value()) {
      return errors::InvalidField(absl::StrCat("behaviour_values[", i, "]"),
                                  "needs a value and a rating");
    }
    a.behaviour_values.push_back(
        {.value = *values[i].value, .rating = *values[i].rating, .note = values[i].note});
  }
  if (p.has_assessor()) {
    OfficialRecord assessor = OfficialFromProto(p.assessor());
    assessor.official.capacity = CapacityFromProto(p.assessor_capacity());
    a.assessor = assessor.official;
    r.assessor_position_id = assessor.position_id;
    r.assessor_rank_label = assessor.rank_label;
  }
  a.recorded_by = p.recorded_by();
  a.state = p.state() == pb::ASSESSMENT_STATE_FINALISED ? AssessmentState::kFinalised
                                                        : AssessmentState::kDraft;
  a.distribution_justification = p.distribution_justification();
  a.finalise_time = OptionalTime(p.has_finalise_time(), p.finalise_time());
  if (p.has_delivered_date()) {
    ASSIGN_OR_RETURN(a.delivered_date, rpc::DayFromProto(p.delivered_date(), "delivered_date"));
  }
  a.version = VersionOf(p.etag());
  r.period_id = p.period_id();
  r.plan_revision = p.plan_revision();
  r.employee_siasn_id = p.employee_siasn_id();
  r.position_type = p.position_type();
  r.functional_level = p.functional_level();
  r.behaviour_note = p.behaviour_note();
  r.distribution_findings.assign(p.distribution_findings().begin(),
                                 p.distribution_findings().end());
  if (p.credit_points() != 0.0) {
    r.credit_points_thousandths = std::llround(p.credit_points() * 1000.0);
  }
  r.objection_id = p.objection_id();
  r.create_time = rpc::TimeFromProto(p.create_time());
  r.update_time = rpc::TimeFromProto(p.update_time());
  return r;
}

pb::Objection ToProto(const ObjectionRecord& r) {
  const Objection& o = r.objection;
  pb::Objection out;
  out.set_id(o.id);
  out.set_assessment_id(o.assessment_id);
  out.set_employee_id(r.employee_id);
  out.set_state(o.state == ObjectionState::kDecided ? pb::OBJECTION_STATE_DECIDED
                                                    : pb::OBJECTION_STATE_FILED);
  *out.mutable_filed_date() = rpc::DayToProto(o.filed_on);
  *out.mutable_deadline() = rpc::DayToProto(r.deadline);
  out.set_employee_explanation(o.employee_explanation);
  out.set_assessor_explanation(o.assessor_explanation);
  if (o.decision.has_value()) {
    const ObjectionDecision& d = *o.decision;
    *out.mutable_decided_by() = ToProto(OfficialRecord{d.decided_by, r.decided_by_position_id, ""});
    out.set_capacity(CapacityToProto(d.decided_by.capacity));
    out.set_recorded_by(d.recorded_by);
    out.set_results_rating(RatingToProto(d.results_after));
    out.set_behaviour_rating(RatingToProto(d.behaviour_after));
    out.set_predicate_before(PredicateToProto(d.predicate_before));
    out.set_predicate_after(PredicateToProto(d.predicate_after));
    out.set_decision_note(d.reason);
    rpc::TimeToProto(d.decide_time, out.mutable_decide_time());
    out.set_results_before(RatingToProto(d.results_before));
    out.set_behaviour_before(RatingToProto(d.behaviour_before));
    out.set_changed(d.changed);
  }
  rpc::TimeToProto(r.file_time, out.mutable_file_time());
  out.set_employee_nip(o.employee_nip);
  out.set_agency_id(r.agency_id);
  out.set_etag(rpc::EtagFor(r.version));
  return out;
}

absl::StatusOr<ObjectionRecord> FromProto(const pb::Objection& p) {
  ObjectionRecord r;
  Objection& o = r.objection;
  o.id = p.id();
  o.assessment_id = p.assessment_id();
  o.employee_nip = p.employee_nip();
  ASSIGN_OR_RETURN(o.filed_on, rpc::DayFromProto(p.filed_date(), "filed_date"));
  ASSIGN_OR_RETURN(r.deadline, rpc::DayFromProto(p.deadline(), "deadline"));
  o.employee_explanation = p.employee_explanation();
  o.assessor_explanation = p.assessor_explanation();
  o.state =
      p.state() == pb::OBJECTION_STATE_DECIDED ? ObjectionState::kDecided : ObjectionState::kOpen;
  if (p.state() == pb::OBJECTION_STATE_DECIDED) {
    ObjectionDecision d;
    OfficialRecord by = OfficialFromProto(p.decided_by());
    d.decided_by = by.official;
    d.decided_by.capacity = CapacityFromProto(p.capacity());
    r.decided_by_position_id = by.position_id;
    d.recorded_by = p.recorded_by();
    ASSIGN_OR_RETURN(std::optional<Rating> ra,
                     RatingFromProto(p.results_rating(), "results_rating"));
    ASSIGN_OR_RETURN(std::optional<Rating> ba,
                     RatingFromProto(p.behaviour_rating(), "behaviour_rating"));
    ASSIGN_OR_RETURN(std::optional<Rating> rb,
                     RatingFromProto(p.results_before(), "results_before"));
    ASSIGN_OR_RETURN(std::optional<Rating> bb,
                     RatingFromProto(p.behaviour_before(), "behaviour_before"));
    d.results_after = ra.value_or(Rating::kAsExpected);
    d.behaviour_after = ba.value_or(Rating::kAsExpected);
    d.results_before = rb.value_or(Rating::kAsExpected);
    d.behaviour_before = bb.value_or(Rating::kAsExpected);
    d.predicate_before = PredicateFromProto(p.predicate_before()).value_or(Predicate::kBaik);
    d.predicate_after = PredicateFromProto(p.predicate_after()).value_or(Predicate::kBaik);
    d.changed = p.changed();
    d.reason = p.decision_note();
    d.decide_time = rpc::TimeFromProto(p.decide_time());
    o.decision = std::move(d);
  }
  r.agency_id = p.agency_id();
  r.employee_id = p.employee_id();
  r.file_time = rpc::TimeFromProto(p.file_time());
  r.version = VersionOf(p.etag());
  return r;
}

pb::OrgPredicateDecision ToProto(const OrgPredicateRecord& r) {
  const OrgPredicateDecision& d = r.decision;
  pb::OrgPredicateDecision out;
  out.set_id(r.id);
  out.set_agency_id(d.agency_id);
  out.set_unit_id(d.unit_id);
  out.set_period_id(r.period_id);
  out.set_predicate(OrgPredicateToProto(d.predicate));
  *out.mutable_decided_by() = ToProto(OfficialRecord{d.decided_by, r.decided_by_position_id, ""});
  out.set_capacity(CapacityToProto(d.decided_by.capacity));
  out.set_recorded_by(d.recorded_by);
  out.set_note(d.note);
  rpc::TimeToProto(d.decide_time, out.mutable_decide_time());
  out.set_etag(rpc::EtagFor(r.version));
  return out;
}

absl::StatusOr<OrgPredicateRecord> FromProto(const pb::OrgPredicateDecision& p) {
  OrgPredicateRecord r;
  r.id = p.id();
  r.period_id = p.period_id();
  OrgPredicateDecision& d = r.decision;
  d.agency_id = p.agency_id();
  d.unit_id = p.unit_id();
  ASSIGN_OR_RETURN(d.predicate, OrgPredicateFromProto(p.predicate(), "predicate"));
  OfficialRecord by = OfficialFromProto(p.decided_by());
  d.decided_by = by.official;
  d.decided_by.capacity = CapacityFromProto(p.capacity());
  r.decided_by_position_id = by.position_id;
  d.recorded_by = p.recorded_by();
  d.note = p.note();
  d.decide_time = rpc::TimeFromProto(p.decide_time());
  r.version = VersionOf(p.etag());
  return r;
}

pb::ReviewPolicy ToProto(const ReviewPolicy& policy) {
  pb::ReviewPolicy out;
  out.set_agency_id(policy.agency_id);
  out.set_objection_days(policy.objection.days);
  out.set_objection_working_days(policy.objection.counting == DayCounting::kWorkingDays);
  for (absl::CivilDay day : policy.holidays) *out.add_holidays() = rpc::DayToProto(day);
  out.set_anonymity_threshold(policy.anonymity_threshold);
  out.set_distribution_block(policy.distribution == DistributionEnforcement::kBlock);
  out.set_realisation_grace_days(policy.window.grace_days);
  out.set_koefisien_id(policy.koefisien_id);
  if (policy.version > 0) out.set_etag(rpc::EtagFor(policy.version));
  return out;
}

absl::StatusOr<ReviewPolicy> FromProto(const pb::ReviewPolicy& p) {
  ReviewPolicy policy;
  policy.agency_id = p.agency_id();
  policy.objection.days = p.objection_days();
  policy.objection.counting =
      p.objection_working_days() ? DayCounting::kWorkingDays : DayCounting::kCalendarDays;
  for (int i = 0; i < p.holidays_size(); ++i) {
    ASSIGN_OR_RETURN(absl::CivilDay day,
                     rpc::DayFromProto(p.holidays(i), absl::StrCat("policy.holidays[", i, "]")));
    policy.holidays.push_back(day);
  }
  policy.anonymity_threshold = p.anonymity_threshold();
  policy.distribution = p.distribution_block() ? DistributionEnforcement::kBlock
                                               : DistributionEnforcement::kWarnWithJustification;
  policy.window.grace_days = p.realisation_grace_days();
  policy.koefisien_id = p.koefisien_id();
  policy.version = VersionOf(p.etag());
  return policy;
}

}  // namespace kinerja::review
