#include "services/analytics/tests/event_builders.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"

namespace kinerja::analytics::testing {
namespace {

google::type::Date Day(int year, int month, int day) {
  google::type::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The DOMAIN.md matrix, written out again here so that the tests do not take it from the code
// under test.
rv1::Predicate Matrix(rv1::Rating results, rv1::Rating behaviour) {
  if (behaviour == rv1::RATING_BELOW_EXPECTATION) {
    return results == rv1::RATING_BELOW_EXPECTATION ? rv1::PREDICATE_SANGAT_KURANG
                                                    : rv1::PREDICATE_KURANG;
  }
  if (results == rv1::RATING_BELOW_EXPECTATION) return rv1::PREDICATE_BUTUH_PERBAIKAN;
  if (results == rv1::RATING_ABOVE_EXPECTATION && behaviour == rv1::RATING_ABOVE_EXPECTATION) {
    return rv1::PREDICATE_SANGAT_BAIK;
  }
  return rv1::PREDICATE_BAIK;
}

}  // namespace

common::EventEnvelope Envelope(const std::string& type, const google::protobuf::Message& payload,
                               int64_t sequence) {
  common::EventEnvelope e;
  e.set_event_id(absl::StrCat("event-", type, "-", sequence));
  e.set_type(type);
  e.set_sequence(sequence);
  e.set_cursor(absl::StrCat(sequence));
  e.mutable_occurred_at()->set_seconds(1767225600 + sequence);
  e.mutable_payload()->PackFrom(payload);
  return e;
}

ev1::AgencyChanged AgencyEvent(const std::string& id, const std::string& name) {
  ev1::AgencyChanged e;
  e.mutable_agency()->set_id(id);
  e.mutable_agency()->set_name(name);
  return e;
}

ev1::OrgUnitChanged UnitEvent(const std::string& id, const std::string& agency,
                              const std::string& parent, const std::string& name,
                              const std::string& leader_position) {
  ev1::OrgUnitChanged e;
  ev1::OrgUnit& u = *e.mutable_unit();
  u.set_id(id);
  u.set_agency_id(agency);
  u.set_parent_id(parent);
  u.set_name(name);
  u.set_leader_position_id(leader_position);
  return e;
}

ev1::PositionChanged PositionEvent(const std::string& id, const std::string& agency,
                                   const std::string& unit, ev1::PositionType type) {
  ev1::PositionChanged e;
  ev1::Position& p = *e.mutable_position();
  p.set_id(id);
  p.set_agency_id(agency);
  p.set_unit_id(unit);
  p.set_name("Jabatan " + id);
  p.set_type(type);
  return e;
}

ev1::EmployeeChanged EmployeeEvent(const std::string& id, const std::string& agency,
                                   const std::string& nip, const std::string& name,
                                   const std::string& unit, const std::string& position) {
  ev1::EmployeeChanged e;
  ev1::Employee& x = *e.mutable_employee();
  x.set_id(id);
  x.set_agency_id(agency);
  x.set_nip(nip);
  x.set_name(name);
  x.set_unit_id(unit);
  x.set_position_id(position);
  x.set_status(ev1::EMPLOYEE_STATUS_ACTIVE);
  return e;
}

gv1::PeriodChanged PeriodEvent(const std::string& id, const std::string& agency, int year,
                               gv1::Cadence cadence, int deadline_month, int deadline_day) {
  gv1::PeriodChanged e;
  gv1::Period& p = *e.mutable_period();
  p.set_id(id);
  p.set_agency_id(agency);
  p.set_year(year);
  p.set_name(absl::StrCat("SKP ", year));
  *p.mutable_start_date() = Day(year, 1, 1);
  *p.mutable_end_date() = Day(year, 12, 31);
  *p.mutable_filling_deadline() = Day(year, deadline_month, deadline_day);
  p.set_cadence(cadence);
  p.set_state(gv1::PERIOD_STATE_OPEN);
  p.set_mid_year_filling_days(30);
  return e;
}

gv1::PlanChanged PlanEvent(const PlanSpec& s) {
  gv1::PlanChanged e;
  gv1::Plan& p = *e.mutable_plan();
  p.set_id(s.id);
  p.set_period_id(s.period);
  p.set_agency_id(s.agency);
  p.mutable_employee()->set_employee_id(s.employee_id);
  p.mutable_employee()->set_nip(s.nip);
  p.mutable_employee()->set_name(s.name);
  p.mutable_employee()->set_position_id(s.position);
  p.mutable_employee()->set_unit_id(s.unit);
  p.set_position_type(s.position_type);
  p.mutable_assessor()->set_nip(s.assessor_nip);
  p.mutable_assessor()->set_name("Atasan " + s.assessor_nip);
  p.set_state(s.state);
  p.set_style(gv1::PLAN_STYLE_QUANTITATIVE);
  p.set_revision(s.revision);
  p.set_approved_revision(s.approved_revision);
  *p.mutable_start_date() = Day(s.year, 1, 1);
  *p.mutable_end_date() = Day(s.year, 12, 31);
  *p.mutable_filling_deadline() = Day(s.year, s.deadline_month, s.deadline_day);
  if (s.approve_month > 0) {
    // 12:00 WIB = 05:00 UTC on the day.
    const int64_t days =
        absl::CivilDay(s.year, s.approve_month, s.approve_day) - absl::CivilDay(1970, 1, 1);
    p.mutable_approve_time()->set_seconds(days * 86400 + 5 * 3600);
    p.mutable_submit_time()->set_seconds(days * 86400);
  }
  gv1::WorkResult& result = *p.add_results();
  result.set_id(s.id + "-r1");
  result.set_kind(gv1::RESULT_KIND_MAIN);
  result.set_text("Hasil kerja " + s.id);
  for (const IndicatorSpec& i : s.indicators) {
    gv1::Indicator& x = *result.add_indicators();
    x.set_id(i.id);
    x.set_text("Indikator " + i.id);
    x.set_aspect(i.aspect);
    x.set_target_min(i.target_min);
    x.set_target_max(i.target_max);
    x.set_target_unit("dokumen");
    x.set_lower_is_better(i.lower_is_better);
  }
  return e;
}

rv1::AssessmentChanged AssessmentEvent(const AssessmentSpec& s) {
  rv1::AssessmentChanged e;
  rv1::Assessment& a = *e.mutable_assessment();
  a.set_id(s.id);
  a.set_plan_id(s.plan);
  a.set_plan_revision(1);
  a.set_period_id(s.period);
  a.set_agency_id(s.agency);
  a.set_kind(s.kind);
  rv1::Window& w = *a.mutable_window();
  w.set_year(s.year);
  w.set_index(s.window_index);
  if (s.kind == rv1::ASSESSMENT_KIND_ANNUAL) {
    w.set_start_month(1);
    w.set_end_month(12);
    *w.mutable_start_date() = Day(s.year, 1, 1);
    *w.mutable_end_date() = Day(s.year, 12, 31);
  } else {
    const int first = 3 * (s.window_index - 1) + 1;
    w.set_start_month(first);
    w.set_end_month(first + 2);
    *w.mutable_start_date() = Day(s.year, first, 1);
    *w.mutable_end_date() = Day(s.year, first + 2, DaysIn(s.year, first + 2));
  }
  a.mutable_employee()->set_employee_id(s.employee_id);
  a.mutable_employee()->set_nip(s.nip);
  a.mutable_employee()->set_name(s.name);
  a.set_position_type(s.position_type);
  a.mutable_assessor()->set_nip(s.assessor_nip);
  a.mutable_assessor()->set_name(s.assessor_name);
  a.set_results_rating(s.results);
  a.set_behaviour_rating(s.behaviour);
  a.set_predicate(Matrix(s.results, s.behaviour));
  a.set_state(s.finalised ? rv1::ASSESSMENT_STATE_FINALISED : rv1::ASSESSMENT_STATE_DRAFT);
  if (s.finalised) a.mutable_finalise_time()->set_seconds(1798675200);
  a.set_unit_id(s.unit);
  a.set_unit_head(s.unit_head);
  for (const auto& [value, rating] : s.values) {
    rv1::BehaviourValueRating& v = *a.add_behaviour_values();
    v.set_value(value);
    v.set_rating(rating);
  }
  return e;
}

rv1::OrgPredicateChanged OrgPredicateEvent(const std::string& unit, const std::string& period,
                                           const std::string& agency, rv1::OrgPredicate predicate) {
  rv1::OrgPredicateChanged e;
  rv1::OrgPredicateDecision& d = *e.mutable_decision();
  d.set_id("org-" + unit + "-" + period);
  d.set_unit_id(unit);
  d.set_period_id(period);
  d.set_agency_id(agency);
  d.set_predicate(predicate);
  return e;
}

}  // namespace kinerja::analytics::testing
