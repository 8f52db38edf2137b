#include "tools/cli/review_print.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "google/protobuf/util/time_util.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;

constexpr size_t kLabelWidth = 24;

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

void Field(std::string& out, std::string_view label, const std::string& value) {
  std::string line = "  " + std::string(label) + ":";
  line.resize(std::max(line.size() + 1, kLabelWidth), ' ');
  out += line + OrDash(value) + "\n";
}

std::string KindLabel(v1::AssessmentKind kind) {
  switch (kind) {
    case v1::ASSESSMENT_KIND_ANNUAL:
      return "ANNUAL";
    case v1::ASSESSMENT_KIND_PERIODIC:
      return "PERIODIC";
    default:
      return "-";
  }
}

std::string StateLabel(v1::AssessmentState state) {
  switch (state) {
    case v1::ASSESSMENT_STATE_DRAFT:
      return "DRAFT";
    case v1::ASSESSMENT_STATE_FINALISED:
      return "FINALISED";
    default:
      return "-";
  }
}

std::string ObjectionStateLabel(v1::ObjectionState state) {
  switch (state) {
    case v1::OBJECTION_STATE_FILED:
      return "FILED";
    case v1::OBJECTION_STATE_DECIDED:
      return "DECIDED";
    default:
      return "-";
  }
}

// "2025 Q2 (2025-04-01 .. 2025-06-30)", "2025 month 3 (...)", "2025 annual (...)".
std::string WindowLabel(const v1::Window& w, v1::AssessmentKind kind) {
  if (w.year() == 0) return "-";
  std::string label = std::to_string(w.year());
  if (kind == v1::ASSESSMENT_KIND_ANNUAL || w.index() == 0) {
    label += " annual";
  } else if (w.start_month() == w.end_month()) {
    label += " month " + std::to_string(w.index());
  } else {
    label += " Q" + std::to_string(w.index());
  }
  return label + " (" + FormatDate(w.start_date()) + " .. " + FormatDate(w.end_date()) + ")";
}

std::string Acted(const v1::Official& official, v1::Capacity capacity) {
  std::string text = FormatReviewOfficial(official);
  std::string as = CapacityLabel(capacity);
  return as.empty() ? text : text + " [" + as + "]";
}

std::string Ts(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "-";
  return google::protobuf::util::TimeUtil::ToString(t);
}

}  // namespace

std::string RatingLabel(v1::Rating rating) {
  switch (rating) {
    case v1::RATING_ABOVE_EXPECTATION:
      return "di atas ekspektasi (1)";
    case v1::RATING_AS_EXPECTED:
      return "sesuai ekspektasi (2)";
    case v1::RATING_BELOW_EXPECTATION:
      return "di bawah ekspektasi (3)";
    default:
      return "-";
  }
}

std::string PredicateLabel(v1::Predicate predicate) {
  switch (predicate) {
    case v1::PREDICATE_SANGAT_BAIK:
      return "Sangat Baik (1)";
    case v1::PREDICATE_BAIK:
      return "Baik (2)";
    case v1::PREDICATE_BUTUH_PERBAIKAN:
      return "Butuh Perbaikan (3)";
    case v1::PREDICATE_KURANG:
      return "Kurang/Misconduct (4)";
    case v1::PREDICATE_SANGAT_KURANG:
      return "Sangat Kurang (5)";
    default:
      return "-";
  }
}

std::string OrgPredicateLabel(v1::OrgPredicate predicate) {
  switch (predicate) {
    case v1::ORG_PREDICATE_ISTIMEWA:
      return "Istimewa";
    case v1::ORG_PREDICATE_BAIK:
      return "Baik";
    case v1::ORG_PREDICATE_BUTUH_PERBAIKAN:
      return "Butuh Perbaikan";
    case v1::ORG_PREDICATE_KURANG:
      return "Kurang";
    case v1::ORG_PREDICATE_SANGAT_KURANG:
      return "Sangat Kurang";
    default:
      return "-";
  }
}

std::string CapacityLabel(v1::Capacity capacity) {
  switch (capacity) {
    case v1::CAPACITY_DEFINITIVE:
      return "definitif";
    case v1::CAPACITY_PLT:
      return "Plt";
    case v1::CAPACITY_PLH:
      return "Plh";
    case v1::CAPACITY_DELEGATED:
      return "delegated";
    case v1::CAPACITY_PJ:
      return "Pj";
    case v1::CAPACITY_HR_FOR_NON_ASN:
      return "HR for NON-ASN";
    default:
      return "";
  }
}

std::string FormatReviewOfficial(const v1::Official& official) {
  if (official.non_asn()) return "[NON-ASN] " + OrDash(official.name());
  if (official.name().empty() && official.nip().empty()) return "(none)";
  std::string text = OrDash(official.name());
  if (!official.nip().empty()) text += "  NIP " + official.nip();
  return text;
}

std::string FormatPolicy(const v1::ReviewPolicy& p) {
  std::string out = "Review policy of agency " + p.agency_id() + "\n";
  Field(out, "objection window",
        std::to_string(p.objection_days()) +
            (p.objection_working_days() ? " working days" : " calendar days") + " from delivery");
  std::string holidays;
  for (const google::type::Date& d : p.holidays()) {
    holidays += (holidays.empty() ? "" : ", ") + FormatDate(d);
  }
  Field(out, "holidays", holidays.empty() ? "(none)" : holidays);
  Field(out, "360 anonymity k", std::to_string(p.anonymity_threshold()));
  Field(out, "distribution",
        p.distribution_block() ? "block finalisation"
                               : "warn, finalise with a written justification");
  Field(out, "realisation grace", std::to_string(p.realisation_grace_days()) + " days");
  Field(out, "koefisienId", p.koefisien_id());
  Field(out, "etag", p.etag());
  return out;
}

std::string FormatOrgPredicateDecision(const v1::OrgPredicateDecision& d) {
  std::string out =
      "Organisation predicate " + d.id() + ": " + OrgPredicateLabel(d.predicate()) + "\n";
  Field(out, "unit", d.unit_id());
  Field(out, "period", d.period_id());
  Field(out, "decided by", Acted(d.decided_by(), d.capacity()));
  Field(out, "recorded by", d.recorded_by());
  Field(out, "note", d.note());
  Field(out, "decided at", Ts(d.decide_time()));
  return out;
}

Row OrgPredicateHeader() { return {"ID", "UNIT", "PERIOD", "PREDICATE", "DECIDED BY", "AS"}; }

Row OrgPredicateRow(const v1::OrgPredicateDecision& d) {
  return {d.id(),
          d.unit_id(),
          d.period_id(),
          OrgPredicateLabel(d.predicate()),
          OrDash(d.decided_by().name()),
          OrDash(CapacityLabel(d.capacity()))};
}

std::string FormatAssessment(const v1::Assessment& a) {
  std::string out =
      "Assessment " + a.id() + " (" + KindLabel(a.kind()) + "): " + StateLabel(a.state()) + "\n";
  Field(out, "employee",
        FormatReviewOfficial(a.employee()) + (a.unit_head() ? " (unit head)" : ""));
  Field(out, "plan", a.plan_id() + " revision " + std::to_string(a.plan_revision()));
  Field(out, "window", WindowLabel(a.window(), a.kind()));
  Field(out, "pejabat penilai", Acted(a.assessor(), a.assessor_capacity()));
  Field(out, "hasil kerja", RatingLabel(a.results_rating()));
  Field(out, "perilaku kerja", RatingLabel(a.behaviour_rating()));
  for (const v1::BehaviourValueRating& v : a.behaviour_values()) {
    Field(out, "  " + CoreValueLabel(v.value()),
          RatingLabel(v.rating()) + (v.note().empty() ? "" : ": " + v.note()));
  }
  Field(out, "predikat kinerja", PredicateLabel(a.predicate()));
  if (!a.results_note().empty()) Field(out, "results note", a.results_note());
  if (!a.behaviour_note().empty()) Field(out, "behaviour note", a.behaviour_note());
  if (a.state() == v1::ASSESSMENT_STATE_FINALISED) {
    Field(out, "delivered", FormatDate(a.delivered_date()));
  }
  if (!a.distribution_justification().empty()) {
    Field(out, "justification", a.distribution_justification());
  }
  for (const std::string& finding : a.distribution_findings()) Field(out, "distribution", finding);
  if (!a.functional_level().empty()) {
    char points[32];
    std::snprintf(points, sizeof points, "%.3f", a.credit_points());
    Field(out, "angka kredit", std::string(points) + " (" + a.functional_level() + ")");
  }
  if (!a.objection_id().empty()) Field(out, "keberatan", a.objection_id());
  Field(out, "etag", a.etag());
  return out;
}

Row AssessmentHeader() {
  return {"ID", "KIND", "WINDOW", "EMPLOYEE", "NIP", "PREDICATE", "STATE", "OBJECTION"};
}

Row AssessmentRow(const v1::Assessment& a) {
  std::string window = a.window().year() == 0 ? "-" : std::to_string(a.window().year());
  if (a.kind() == v1::ASSESSMENT_KIND_PERIODIC && a.window().index() > 0) {
    window += (a.window().start_month() == a.window().end_month() ? "-M" : "-Q") +
              std::to_string(a.window().index());
  }
  return {a.id(),
          KindLabel(a.kind()),
          window,
          OrDash(a.employee().name()),
          OrDash(a.employee().nip()),
          PredicateLabel(a.predicate()),
          StateLabel(a.state()),
          OrDash(a.objection_id())};
}

std::string FormatObjection(const v1::Objection& o) {
  std::string out =
      "Objection (keberatan) " + o.id() + ": " + ObjectionStateLabel(o.state()) + "\n";
  Field(out, "assessment", o.assessment_id());
  Field(out, "employee", o.employee_nip().empty() ? o.employee_id() : "NIP " + o.employee_nip());
  Field(out, "filed", FormatDate(o.filed_date()) + " (deadline " + FormatDate(o.deadline()) + ")");
  Field(out, "employee says", o.employee_explanation());
  Field(out, "assessor says", o.assessor_explanation());
  if (o.state() == v1::OBJECTION_STATE_DECIDED) {
    Field(out, "decided by", Acted(o.decided_by(), o.capacity()));
    Field(out, "hasil kerja",
          RatingLabel(o.results_before()) + " -> " + RatingLabel(o.results_rating()));
    Field(out, "perilaku kerja",
          RatingLabel(o.behaviour_before()) + " -> " + RatingLabel(o.behaviour_rating()));
    Field(out, "predikat kinerja",
          PredicateLabel(o.predicate_before()) + " -> " + PredicateLabel(o.predicate_after()) +
              (o.changed() ? " (changed)" : " (kept)"));
    Field(out, "decision note", o.decision_note());
  }
  Field(out, "etag", o.etag());
  return out;
}

Row ObjectionHeader() {
  return {"ID", "ASSESSMENT", "NIP", "FILED", "STATE", "PREDICATE BEFORE", "AFTER"};
}

Row ObjectionRow(const v1::Objection& o) {
  const bool decided = o.state() == v1::OBJECTION_STATE_DECIDED;
  return {o.id(),
          o.assessment_id(),
          OrDash(o.employee_nip()),
          FormatDate(o.filed_date()),
          ObjectionStateLabel(o.state()),
          decided ? PredicateLabel(o.predicate_before()) : "-",
          decided ? PredicateLabel(o.predicate_after()) : "-"};
}

std::string FormatSurveySummary(const v1::ImportSurveyResultsSummary& s, int max_errors) {
  std::string out = s.dry_run() ? "dry run (nothing written): " : "survey import finished: ";
  out += "received " + std::to_string(s.received()) + ", created " + std::to_string(s.created()) +
         ", updated " + std::to_string(s.updated()) + ", failed " + std::to_string(s.failed()) +
         "\n";
  if (s.errors_size() == 0) return out;
  out += "errors:\n";
  int shown = std::min(s.errors_size(), std::max(max_errors, 0));
  for (int i = 0; i < shown; ++i) {
    const v1::SurveyImportError& e = s.errors(i);
    out += "  ";
    if (e.line() > 0) out += "line " + std::to_string(e.line()) + ": ";
    if (!e.field().empty()) out += e.field() + ": ";
    out += e.message() + "\n";
  }
  if (shown < s.errors_size()) {
    out += "  ... and " + std::to_string(s.errors_size() - shown) +
           " more (--json prints every error the server returned)\n";
  }
  return out;
}

}  // namespace kinerja::cli
