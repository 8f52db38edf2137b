#include "services/analytics/web/report_csv.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/analytics/web/csv_writer.h"
#include "services/analytics/web/labels.h"

namespace kinerja::analytics::web {
namespace {

void PredicateHeader(CsvWriter& csv) {
  for (absl::string_view label : kPredicateLabels) csv.Text(label);
  csv.Text("total");
}

void PredicateCells(CsvWriter& csv, const v1::PredicateCounts& counts) {
  for (int64_t value : PredicateValues(counts)) csv.Int(value);
  csv.Int(counts.total());
}

void EmptyPredicateCells(CsvWriter& csv) {
  for (int i = 0; i <= kPredicateCount; ++i) csv.Empty();
}

void Header(CsvWriter& csv, std::initializer_list<absl::string_view> names) {
  for (absl::string_view name : names) csv.Text(name);
}

// YYYY-MM-DD; empty for an unset date.
std::string DateText(const google::type::Date& date) {
  if (date.year() == 0) return "";
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", date.year(), date.month(), date.day());
  return text;
}

// RFC 3339 in UTC; empty for an unset time.
std::string TimeText(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

}  // namespace

std::string DistributionCsv(const v1::DistributionReport& report) {
  CsvWriter csv;
  Header(csv, {"group_id", "group_name"});
  PredicateHeader(csv);
  csv.EndRow();
  for (const v1::DistributionRow& row : report.rows()) {
    csv.Text(row.group_id()).Text(row.group_name());
    PredicateCells(csv, row.counts());
    csv.EndRow();
  }
  csv.Empty().Text("Total");
  PredicateCells(csv, report.totals());
  csv.EndRow();
  return csv.Take();
}

std::string ComplianceCsv(const v1::ComplianceReport& report) {
  CsvWriter csv;
  Header(csv, {"unit_id", "unit_name", "agency_id", "period_id", "org_predicate", "unit_staff"});
  PredicateHeader(csv);
  Header(csv, {"skipped_small_unit", "rule", "count", "pending", "actual_percent", "limit",
               "excess_percent", "excess_staff"});
  csv.EndRow();
  for (const v1::UnitCompliance& unit : report.units()) {
    auto unit_cells = [&] {
      csv.Text(unit.unit_id())
          .Text(unit.unit_name())
          .Text(unit.agency_id())
          .Text(unit.period_id())
          .Text(OrgPredicateLabel(unit.org_predicate()))
          .Int(unit.unit_staff());
      PredicateCells(csv, unit.finalised());
      csv.Bool(unit.skipped_small_unit());
    };
    if (unit.violations().empty()) {
      unit_cells();
      for (int i = 0; i < 7; ++i) csv.Empty();
      csv.EndRow();
    }
    for (const v1::BandViolation& violation : unit.violations()) {
      unit_cells();
      csv.Text(violation.rule())
          .Int(violation.count())
          .Int(violation.pending())
          .Number(violation.actual_percent(), 1)
          .Int(violation.limit())
          .Number(violation.excess_percent(), 1)
          .Int(violation.excess_staff());
      csv.EndRow();
    }
  }
  return csv.Take();
}

std::string ParticipationCsv(const v1::ParticipationReport& report) {
  CsvWriter csv;
  Header(csv, {"as_of", "plans", "plans_submitted", "plans_approved", "plans_approved_on_time",
               "plans_overdue", "realisations_due", "realisations_filed", "realisations_late",
               "periodic_assessments_due", "periodic_assessments_finalised",
               "annual_assessments_due", "annual_assessments_finalised"});
  csv.EndRow();
  csv.Text(DateText(report.as_of()))
      .Int(report.plans())
      .Int(report.plans_submitted())
      .Int(report.plans_approved())
      .Int(report.plans_approved_on_time())
      .Int(report.plans_overdue())
      .Int(report.realisations_due())
      .Int(report.realisations_filed())
      .Int(report.realisations_late())
      .Int(report.periodic_assessments_due())
      .Int(report.periodic_assessments_finalised())
      .Int(report.annual_assessments_due())
      .Int(report.annual_assessments_finalised());
  csv.EndRow();
  return csv.Take();
}

std::string LateEntriesCsv(const v1::ListLateEntriesResponse& page) {
  CsvWriter csv;
  Header(csv, {"employee_id", "nip", "name", "unit_id", "unit_name", "plan_id", "item", "due_date",
               "days_late", "missing", "window_index", "responsible_nip", "responsible_name"});
  csv.EndRow();
  for (const v1::LateEntry& entry : page.entries()) {
    csv.Text(entry.employee_id())
        .Text(entry.nip())
        .Text(entry.name())
        .Text(entry.unit_id())
        .Text(entry.unit_name())
        .Text(entry.plan_id())
        .Text(EnumCode(entry.item()))
        .Text(DateText(entry.due_date()))
        .Int(entry.days_late())
        .Int(entry.missing())
        .Int(entry.window_index())
        .Text(entry.responsible_nip())
        .Text(entry.responsible_name());
    csv.EndRow();
  }
  return csv.Take();
}

std::string DevelopmentNeedsCsv(const v1::DevelopmentNeedsReport& report) {
  CsvWriter csv;
  Header(csv,
         {"value", "value_label", "theme", "rated_below", "peer_below", "employees",
          "share_percent", "assessed_employees", "behaviour_below_without_values", "top_units"});
  csv.EndRow();
  for (const v1::DevelopmentTheme& theme : report.themes()) {
    std::vector<std::string> top_units;
    for (const v1::DistributionRow& unit : theme.top_units()) {
      top_units.push_back(absl::StrCat(unit.group_name(), ": ", unit.counts().total()));
    }
    csv.Text(EnumCode(theme.value()))
        .Text(theme.value_label())
        .Text(theme.theme())
        .Int(theme.rated_below())
        .Int(theme.peer_below())
        .Int(theme.employees())
        .Number(theme.share_percent(), 1)
        .Int(report.assessed_employees())
        .Int(report.behaviour_below_without_values())
        .Text(absl::StrJoin(top_units, "; "));
    csv.EndRow();
  }
  return csv.Take();
}

std::string RecognitionCandidatesCsv(const v1::ListRecognitionCandidatesResponse& page) {
  CsvWriter csv;
  Header(csv, {"employee_id", "nip", "name", "unit_id", "unit_name", "position_type", "agency_id",
               "annual_predicate", "periodic_finalised", "periodic_sangat_baik",
               "realisations_with_evidence", "consecutive_years"});
  csv.EndRow();
  for (const v1::RecognitionCandidate& candidate : page.candidates()) {
    csv.Text(candidate.employee_id())
        .Text(candidate.nip())
        .Text(candidate.name())
        .Text(candidate.unit_id())
        .Text(candidate.unit_name())
        .Text(candidate.position_type())
        .Text(candidate.agency_id())
        .Text(PredicateLabel(candidate.annual_predicate()))
        .Int(candidate.periodic_finalised())
        .Int(candidate.periodic_sangat_baik())
        .Int(candidate.realisations_with_evidence())
        .Int(candidate.consecutive_years());
    csv.EndRow();
  }
  return csv.Take();
}

std::string IndicatorHealthCsv(const v1::IndicatorHealthReport& report) {
  CsvWriter csv;
  Header(csv, {"finding", "plan_id", "period_id", "indicator_id", "indicator_text", "employee_name",
               "nip", "unit_id", "unit_name", "target_min", "target_max", "target_unit",
               "lower_is_better", "windows", "min_achievement", "max_achievement"});
  csv.EndRow();
  for (const v1::PlanFinding& plan : report.plans_without_quality()) {
    csv.Text("PLAN_WITHOUT_QUALITY")
        .Text(plan.plan_id())
        .Text(plan.period_id())
        .Empty()
        .Empty()
        .Text(plan.employee_name())
        .Text(plan.nip())
        .Text(plan.unit_id())
        .Text(plan.unit_name());
    for (int i = 0; i < 7; ++i) csv.Empty();
    csv.EndRow();
  }
  auto indicators = [&](absl::string_view finding, const auto& list) {
    for (const v1::IndicatorFinding& indicator : list) {
      csv.Text(finding)
          .Text(indicator.plan_id())
          .Empty()
          .Text(indicator.indicator_id())
          .Text(indicator.indicator_text())
          .Text(indicator.employee_name())
          .Text(indicator.nip())
          .Text(indicator.unit_id())
          .Text(indicator.unit_name())
          .Number(indicator.target_min(), 2)
          .Number(indicator.target_max(), 2)
          .Text(indicator.target_unit())
          .Bool(indicator.lower_is_better())
          .Int(indicator.windows())
          .Number(indicator.min_achievement(), 3)
          .Number(indicator.max_achievement(), 3);
      csv.EndRow();
    }
  };
  indicators("ALWAYS_FAR_ABOVE", report.always_far_above());
  indicators("NEVER_REACHED", report.never_reached());
  return csv.Take();
}

std::string RaterStatisticsCsv(const v1::ListRaterStatisticsResponse& page) {
  CsvWriter csv;
  Header(csv, {"assessor_nip", "assessor_name", "unit_id", "unit_name", "agency_id", "rated",
               "above_share", "as_expected_share", "below_share", "mean_score", "baseline_score",
               "leniency", "with_360", "agreement_360", "flags"});
  csv.EndRow();
  for (const v1::RaterStatistics& rater : page.raters()) {
    std::vector<std::string> flags;
    for (int flag : rater.flags()) flags.push_back(EnumCode(static_cast<v1::RaterFlag>(flag)));
    csv.Text(rater.assessor_nip())
        .Text(rater.assessor_name())
        .Text(rater.unit_id())
        .Text(rater.unit_name())
        .Text(rater.agency_id())
        .Int(rater.rated())
        .Number(rater.above_share(), 3)
        .Number(rater.as_expected_share(), 3)
        .Number(rater.below_share(), 3)
        .Number(rater.mean_score(), 3)
        .Number(rater.baseline_score(), 3)
        .Number(rater.leniency(), 3)
        .Int(rater.with_360())
        .Number(rater.agreement_360(), 3)
        .Text(absl::StrJoin(flags, ";"));
    csv.EndRow();
  }
  return csv.Take();
}

std::string TrendsCsv(const v1::TrendsReport& report) {
  CsvWriter csv;
  csv.Text("year");
  PredicateHeader(csv);
  Header(csv, {"plans", "plans_approved", "annual_assessments_finalised", "units_breaking"});
  csv.EndRow();
  for (const v1::TrendPoint& point : report.points()) {
    csv.Int(point.year());
    PredicateCells(csv, point.annual());
    csv.Int(point.plans())
        .Int(point.plans_approved())
        .Int(point.annual_assessments_finalised())
        .Int(point.units_breaking());
    csv.EndRow();
  }
  return csv.Take();
}

std::string TransparencyCsv(const v1::TransparencyReport& report) {
  CsvWriter csv;
  Header(csv, {"group_id", "group_name", "suppressed"});
  PredicateHeader(csv);
  csv.EndRow();
  auto group = [&](const v1::TransparencyGroup& g, absl::string_view name) {
    csv.Text(g.id()).Text(name).Bool(g.suppressed());
    if (g.suppressed()) {
      EmptyPredicateCells(csv);
    } else {
      PredicateCells(csv, g.counts());
    }
    csv.EndRow();
  };
  for (const v1::TransparencyGroup& g : report.groups()) group(g, g.name());
  group(report.total(), report.total().name().empty() ? "Total" : report.total().name());
  return csv.Take();
}

std::string StreamStatusCsv(const v1::GetStreamStatusResponse& status) {
  CsvWriter csv;
  Header(csv, {"name", "producer", "connected", "applied", "lag_seconds", "last_event_time",
               "last_applied_time", "last_error"});
  csv.EndRow();
  for (const v1::StreamStatus& stream : status.streams()) {
    csv.Text(stream.name())
        .Text(stream.producer())
        .Bool(stream.connected())
        .Int(stream.applied())
        .Number(stream.lag_seconds(), 3)
        .Text(TimeText(stream.last_event_time()))
        .Text(TimeText(stream.last_applied_time()))
        .Text(stream.last_error());
    csv.EndRow();
  }
  return csv.Take();
}

}  // namespace kinerja::analytics::web
