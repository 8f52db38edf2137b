#include "tools/cli/goals_print.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

constexpr size_t kLabelWidth = 24;

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

// "PLAN_STATE_APPROVED" -> "APPROVED"; "-" for the zero value.
std::string Strip(const std::string& name, std::string_view prefix) {
  std::string label = name.starts_with(prefix) ? name.substr(prefix.size()) : name;
  return label == "UNSPECIFIED" || label.empty() ? "-" : label;
}

void Field(std::string& out, std::string_view label, const std::string& value) {
  std::string line = "  " + std::string(label) + ":";
  line.resize(std::max(line.size() + 1, kLabelWidth), ' ');
  out += line + OrDash(value) + "\n";
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  return text;
}

std::string CadenceLabel(v1::Cadence cadence) {
  switch (cadence) {
    case v1::CADENCE_MONTHLY:
      return "monthly (bulanan)";
    case v1::CADENCE_QUARTERLY:
      return "quarterly (triwulanan)";
    default:
      return "-";
  }
}

std::string PerspectiveLabel(v1::Perspective perspective) {
  switch (perspective) {
    case v1::PERSPECTIVE_SERVICE_RECIPIENTS:
      return "penerima layanan";
    case v1::PERSPECTIVE_BUSINESS_PROCESS:
      return "proses bisnis";
    case v1::PERSPECTIVE_INTERNAL_STRENGTHENING:
      return "penguatan internal";
    case v1::PERSPECTIVE_BUDGET:
      return "anggaran";
    default:
      return "";
  }
}

std::string AspectLabel(v1::Aspect aspect) {
  switch (aspect) {
    case v1::ASPECT_QUANTITY:
      return "kuantitas";
    case v1::ASPECT_QUALITY:
      return "kualitas";
    case v1::ASPECT_TIME:
      return "waktu";
    case v1::ASPECT_COST:
      return "biaya";
    default:
      return "-";
  }
}

std::string ResultKindLabel(v1::ResultKind kind) {
  return kind == v1::RESULT_KIND_ADDITIONAL ? "RHK tambahan" : "RHK utama";
}

// "target 80-90 %" or "target 1 dokumen".
std::string Target(const v1::Indicator& indicator) {
  std::string range = Number(indicator.target_min());
  if (indicator.target_max() != indicator.target_min()) {
    range += "-" + Number(indicator.target_max());
  }
  return "target " + range + " " + indicator.target_unit();
}

std::string PersonName(const v1::PlanPerson& person) {
  std::string name = person.name().empty() ? OrDash(person.employee_id()) : person.name();
  if (!person.acting().empty()) name += " [" + person.acting() + "]";
  if (person.non_asn()) name = "[NON-ASN] " + name;
  return name;
}

void Result(std::string& out, int number, const v1::WorkResult& result) {
  out += "  " + std::to_string(number) + ". " + result.text() + "\n";
  std::string details = "id " + OrDash(result.id());
  std::string perspective = PerspectiveLabel(result.perspective());
  if (!perspective.empty()) details += "; perspektif " + perspective;
  if (!result.parent_result_id().empty()) {
    details += "; intervensi dari (cascades from) " + result.parent_result_id();
  }
  out += "     " + details + "\n";
  for (const v1::Indicator& indicator : result.indicators()) {
    out += "     IKI: " + indicator.text() + " (" + AspectLabel(indicator.aspect()) + ", " +
           Target(indicator) + ")\n";
  }
}

void Results(std::string& out, const v1::Plan& plan, v1::ResultKind kind) {
  out += ResultKindLabel(kind) +
         (kind == v1::RESULT_KIND_MAIN ? " (main work results):\n" : " (additional results):\n");
  int number = 0;
  for (const v1::WorkResult& result : plan.results()) {
    bool main = result.kind() != v1::RESULT_KIND_ADDITIONAL;
    if (main == (kind == v1::RESULT_KIND_MAIN)) Result(out, ++number, result);
  }
  if (number == 0) out += "  (none)\n";
}

void Person(std::string& out, std::string_view label, bool present, const v1::PlanPerson& person) {
  if (!present) {
    Field(out, label, "(none)");
    return;
  }
  std::string text = FormatPlanPerson(person);
  std::string first = text.substr(0, text.find('\n'));
  Field(out, label, first);
  std::string rest = text.substr(first.size() + 1);
  if (!rest.empty()) out += std::string(kLabelWidth, ' ') + rest;
}

void CascadeNode(std::string& out, const v1::CascadeNode& node, int depth) {
  const std::string indent(2 * static_cast<size_t>(depth), ' ');
  std::string position = node.employee().position_name();
  out += indent + PersonName(node.employee()) + (position.empty() ? "" : ", " + position) + ", " +
         PlanStateLabel(node.state()) + "  (plan " + node.plan_id() + ")\n";
  for (const v1::CascadeResult& result : node.results()) {
    out += indent + "  - " + ResultKindLabel(result.kind()) + ": " + result.text() + "  [" +
           std::to_string(result.child_result_ids_size()) + " cascading]\n";
  }
  for (const v1::CascadeNode& report : node.reports()) CascadeNode(out, report, depth + 1);
}

void Issues(std::string& out, const std::string& title,
            const google::protobuf::RepeatedPtrField<v1::CascadeIssue>& issues) {
  out += title + ":\n";
  if (issues.empty()) out += "  (none)\n";
  for (const v1::CascadeIssue& issue : issues) {
    out += "  " + OrDash(issue.employee_name()) + ": " + issue.text() + "  (plan " +
           issue.plan_id() + ", result " + issue.result_id() + ")\n";
  }
}

}  // namespace

std::string PlanStateLabel(v1::PlanState state) {
  return Strip(v1::PlanState_Name(state), "PLAN_STATE_");
}

std::string PeriodStateLabel(v1::PeriodState state) {
  return Strip(v1::PeriodState_Name(state), "PERIOD_STATE_");
}

std::string FormatPeriod(const v1::Period& p) {
  std::string out = "Period " + OrDash(p.id()) + "\n";
  Field(out, "agency", p.agency_id());
  Field(out, "year", std::to_string(p.year()));
  Field(out, "name", p.name());
  Field(out, "dates", FormatDate(p.start_date()) + " .. " + FormatDate(p.end_date()));
  Field(out, "filling deadline", FormatDate(p.filling_deadline()));
  Field(out, "cadence", CadenceLabel(p.cadence()));
  Field(out, "state", PeriodStateLabel(p.state()));
  Field(out, "etag", p.etag());
  return out;
}

Row PeriodHeader() { return {"ID", "AGENCY", "YEAR", "NAME", "DEADLINE", "CADENCE", "STATE"}; }

Row PeriodRow(const v1::Period& p) {
  return {OrDash(p.id()),
          OrDash(p.agency_id()),
          std::to_string(p.year()),
          OrDash(p.name()),
          FormatDate(p.filling_deadline()),
          Strip(v1::Cadence_Name(p.cadence()), "CADENCE_"),
          PeriodStateLabel(p.state())};
}

std::string FormatPlanPerson(const v1::PlanPerson& person) {
  std::string line = PersonName(person);
  if (!person.nip().empty()) line += "  NIP " + person.nip();
  if (!person.rank_label().empty()) line += "  " + person.rank_label();
  std::string position =
      person.position_name().empty() ? person.position_id() : person.position_name();
  std::string unit = person.unit_name().empty() ? person.unit_id() : person.unit_name();
  std::string where = position;
  if (!unit.empty()) where += (where.empty() ? "" : ", ") + unit;
  return line + "\n" + (where.empty() ? "" : where + "\n");
}

std::string FormatPlan(const v1::Plan& plan) {
  std::string out = "Plan " + OrDash(plan.id()) + " (SKP), revision " +
                    std::to_string(plan.revision()) + ": " + PlanStateLabel(plan.state()) + "\n";
  Field(out, "period", plan.period_id());
  Field(out, "agency", plan.agency_id());
  Field(out, "style", Strip(v1::PlanStyle_Name(plan.style()), "PLAN_STYLE_"));
  Person(out, "employee", plan.has_employee(), plan.employee());
  Field(out, "position type", plan.position_type());
  Person(out, "pejabat penilai", plan.has_assessor(), plan.assessor());
  Person(out, "atasan pejabat penilai", plan.has_assessor_superior(), plan.assessor_superior());
  if (!plan.revision_reason().empty()) Field(out, "revision reason", plan.revision_reason());
  if (!plan.return_note().empty()) Field(out, "return note", plan.return_note());
  if (!plan.close_reason().empty()) {
    Field(out, "closed", plan.close_reason() + " on " + FormatDate(plan.end_date()));
  }
  Field(out, "etag", plan.etag());
  Results(out, plan, v1::RESULT_KIND_MAIN);
  Results(out, plan, v1::RESULT_KIND_ADDITIONAL);
  out += "Perilaku kerja (BerAKHLAK):\n";
  if (plan.behaviours().empty()) out += "  (none)\n";
  for (const v1::BehaviourExpectation& b : plan.behaviours()) {
    out += "  " + CoreValueLabel(b.value()) + ": " + OrDash(b.expectation()) + "\n";
  }
  return out;
}

std::string FormatPlanSummary(const v1::Plan& plan) {
  return "plan " + OrDash(plan.id()) + " (" + PersonName(plan.employee()) +
         "): " + PlanStateLabel(plan.state()) + ", revision " + std::to_string(plan.revision()) +
         "\n";
}

Row PlanHeader() { return {"ID", "PERIOD", "NIP", "NAME", "TYPE", "STATE", "REV", "ASSESSOR"}; }

Row PlanRow(const v1::Plan& plan) {
  return {OrDash(plan.id()),
          OrDash(plan.period_id()),
          OrDash(plan.employee().nip()),
          PersonName(plan.employee()),
          OrDash(plan.position_type()),
          PlanStateLabel(plan.state()),
          std::to_string(plan.revision()),
          plan.has_assessor() ? PersonName(plan.assessor()) : "-"};
}

std::string FormatCascadeTree(const v1::CascadeTree& tree) {
  std::string out = "Cascade tree (pohon kinerja): " + std::to_string(tree.plan_count()) +
                    " plans, " + std::to_string(tree.result_count()) + " results\n";
  if (tree.has_root()) CascadeNode(out, tree.root(), 0);
  Issues(out, "Orphans (RHK utama linked to no parent result)", tree.orphans());
  Issues(out, "Uncovered (results no report's result cascades from)", tree.uncovered());
  return out;
}

}  // namespace kinerja::cli
