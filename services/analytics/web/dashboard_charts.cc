#include "services/analytics/web/dashboard_charts.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/analytics/web/html.h"
#include "services/analytics/web/labels.h"
#include "services/analytics/web/palette.h"

namespace kinerja::analytics::web {
namespace {

// A <table> with a caption, a header row and rows whose first cell names the row. Text is
// escaped here; numbers are right-aligned.
class Table {
 public:
  Table(absl::string_view caption, std::initializer_list<absl::string_view> columns) {
    absl::StrAppend(&html_, "<table><caption>", Escape(caption), "</caption><thead><tr>");
    for (absl::string_view column : columns) {
      absl::StrAppend(&html_, "<th scope=\"col\">", Escape(column), "</th>");
    }
    html_ += "</tr></thead><tbody>";
  }
  Table& Row() {
    CloseRow();
    html_ += "<tr>";
    open_ = true;
    first_ = true;
    return *this;
  }
  Table& Text(absl::string_view text) {
    if (first_) {
      absl::StrAppend(&html_, "<th scope=\"row\">", Escape(text), "</th>");
    } else {
      absl::StrAppend(&html_, "<td>", Escape(text), "</td>");
    }
    first_ = false;
    return *this;
  }
  Table& Int(int64_t value) { return Num(GroupedInt(value)); }
  Table& Num(absl::string_view shown) {
    absl::StrAppend(&html_, "<td class=\"num\">", Escape(shown), "</td>");
    first_ = false;
    return *this;
  }
  std::string Done() {
    CloseRow();
    return html_ + "</tbody></table>";
  }

 private:
  void CloseRow() {
    if (open_) html_ += "</tr>";
    open_ = false;
  }

  std::string html_;
  bool open_ = false;
  bool first_ = false;
};

std::vector<Segment> PredicateSegments(const v1::PredicateCounts& counts) {
  std::vector<Segment> segments;
  const auto values = PredicateValues(counts);
  for (int i = 0; i < kPredicateCount; ++i) {
    segments.push_back({std::string(kPredicateLabels[i]), static_cast<double>(values[i]),
                        std::string(kPredicateColors[i])});
  }
  return segments;
}

// "12 · 80 · 5 · 1 · 0 of 98": the counts in legend order and the group's size.
std::string PredicateNote(const v1::PredicateCounts& counts) {
  std::vector<std::string> values;
  for (int64_t value : PredicateValues(counts)) values.push_back(GroupedInt(value));
  return absl::StrCat(absl::StrJoin(values, " \u00b7 "), " of ", GroupedInt(counts.total()));
}

std::string Percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "\u2013";
  return absl::StrCat(Decimal(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1),
                      " %");
}

void PredicateColumns(Table& table, const v1::PredicateCounts& counts) {
  for (int64_t value : PredicateValues(counts)) table.Int(value);
  table.Int(counts.total());
}

std::string TimeText(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "\u2013";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

BarChart Chart(std::string id, std::string title, std::string description, BarScale scale) {
  BarChart chart;
  chart.id = std::move(id);
  chart.title = std::move(title);
  chart.description = std::move(description);
  chart.scale = scale;
  return chart;
}

}  // namespace

BarChart DistributionChart(const v1::DistributionReport& report) {
  BarChart chart = Chart("distribution-chart", "Predicate distribution",
                         "Finalised staff predicates per group as shares of the group, "
                         "Sangat Baik to Sangat Kurang; the counts follow each bar.",
                         BarScale::kShareOfRow);
  int shown = 0;
  for (const v1::DistributionRow& row : report.rows()) {
    if (shown++ == kMaxChartRows) break;
    chart.rows.push_back({row.group_name().empty() ? row.group_id() : row.group_name(),
                          PredicateSegments(row.counts()), PredicateNote(row.counts())});
  }
  chart.rows.push_back(
      {"Total", PredicateSegments(report.totals()), PredicateNote(report.totals())});
  return chart;
}

std::string DistributionTable(const v1::DistributionReport& report) {
  Table table("Finalised staff predicates by group",
              {"Group", kPredicateLabels[0], kPredicateLabels[1], kPredicateLabels[2],
               kPredicateLabels[3], kPredicateLabels[4], "Total", "Sangat Baik share"});
  auto row = [&](absl::string_view name, const v1::PredicateCounts& counts) {
    table.Row().Text(name);
    PredicateColumns(table, counts);
    table.Num(Percent(counts.sangat_baik(), counts.total()));
  };
  for (const v1::DistributionRow& r : report.rows()) {
    row(r.group_name().empty() ? r.group_id() : r.group_name(), r.counts());
  }
  row("Total", report.totals());
  return table.Done();
}

BarChart ComplianceChart(const v1::ComplianceReport& report) {
  BarChart chart = Chart("compliance-chart", "Units breaking the organisation predicate bands",
                         "For each band a unit breaks: how many staff predicates would "
                         "have to differ for the band to hold.",
                         BarScale::kShareOfLargest);
  for (const v1::UnitCompliance& unit : report.units()) {
    for (const v1::BandViolation& violation : unit.violations()) {
      if (static_cast<int>(chart.rows.size()) == kMaxChartRows) return chart;
      chart.rows.push_back(
          {absl::StrCat(unit.unit_name().empty() ? unit.unit_id() : unit.unit_name(), " (",
                        OrgPredicateLabel(unit.org_predicate()), ")"),
           {{"Staff beyond the limit", static_cast<double>(violation.excess_staff()),
             std::string(kExcessColor)}},
           absl::StrCat(violation.excess_staff(), " staff, +",
                        Decimal(violation.excess_percent(), 1), " pp: ", violation.rule(), " (",
                        Decimal(violation.actual_percent(), 1), " %)")});
    }
  }
  return chart;
}

std::string ComplianceTable(const v1::ComplianceReport& report) {
  Table table("Band violations by unit",
              {"Unit", "Organisation predicate", "Staff", "Finalised", "Rule", "Actual %", "Limit",
               "Excess (pp)", "Excess staff"});
  for (const v1::UnitCompliance& unit : report.units()) {
    for (const v1::BandViolation& violation : unit.violations()) {
      table.Row()
          .Text(unit.unit_name().empty() ? unit.unit_id() : unit.unit_name())
          .Text(OrgPredicateLabel(unit.org_predicate()))
          .Int(unit.unit_staff())
          .Int(unit.finalised().total())
          .Text(violation.rule())
          .Num(Decimal(violation.actual_percent(), 1))
          .Int(violation.limit())
          .Num(Decimal(violation.excess_percent(), 1))
          .Int(violation.excess_staff());
    }
  }
  return table.Done();
}

BarChart ParticipationChart(const v1::ParticipationReport& r) {
  auto at_least_zero = [](int64_t value) {
    return static_cast<double>(std::max<int64_t>(0, value));
  };
  const int64_t approved_late = r.plans_approved() - r.plans_approved_on_time();
  const int64_t not_due = r.plans() - r.plans_approved() - r.plans_overdue();
  const int64_t realisations_filed = std::min(r.realisations_filed(), r.realisations_due());
  BarChart chart = Chart("participation-chart", "Participation",
                         "Plans approved on time, late or overdue; realisations filed "
                         "against those due; periodic and annual assessments finalised "
                         "against those due.",
                         BarScale::kShareOfRow);
  const std::string on_time(kOnTimeColor), late(kLateColor), overdue(kOverdueColor),
      open(kOpenColor);
  chart.rows.push_back(
      {"Plans (SKP)",
       {{"Done", at_least_zero(r.plans_approved_on_time()), on_time},
        {"Done late", at_least_zero(approved_late), late},
        {"Overdue", at_least_zero(r.plans_overdue()), overdue},
        {"Not due yet", at_least_zero(not_due), open}},
       absl::StrCat(GroupedInt(r.plans_approved_on_time()), " on time \u00b7 ",
                    GroupedInt(std::max<int64_t>(0, approved_late)), " late \u00b7 ",
                    GroupedInt(r.plans_overdue()), " overdue of ", GroupedInt(r.plans()))});
  chart.rows.push_back(
      {"Realisations",
       {{"Done", at_least_zero(realisations_filed), on_time},
        {"Overdue", at_least_zero(r.realisations_due() - realisations_filed), overdue}},
       absl::StrCat(GroupedInt(r.realisations_filed()), " filed of ",
                    GroupedInt(r.realisations_due()), " due (", GroupedInt(r.realisations_late()),
                    " late)")});
  auto assessments = [&](std::string label, int64_t finalised, int64_t due) {
    const int64_t done = std::min(finalised, due);
    chart.rows.push_back(
        {std::move(label),
         {{"Done", at_least_zero(done), on_time}, {"Overdue", at_least_zero(due - done), overdue}},
         absl::StrCat(GroupedInt(finalised), " finalised of ", GroupedInt(due), " due")});
  };
  assessments("Periodic assessments", r.periodic_assessments_finalised(),
              r.periodic_assessments_due());
  assessments("Annual assessments", r.annual_assessments_finalised(), r.annual_assessments_due());
  return chart;
}

std::string ParticipationTable(const v1::ParticipationReport& r) {
  Table table("Participation", {"Measure", "Done", "Of", "Share"});
  auto row = [&](absl::string_view name, int64_t done, int64_t of) {
    table.Row().Text(name).Int(done).Int(of).Num(Percent(done, of));
  };
  row("Plans submitted", r.plans_submitted(), r.plans());
  row("Plans approved", r.plans_approved(), r.plans());
  row("Plans approved on time", r.plans_approved_on_time(), r.plans());
  row("Plans overdue", r.plans_overdue(), r.plans());
  row("Realisations filed", r.realisations_filed(), r.realisations_due());
  row("Realisations filed late", r.realisations_late(), r.realisations_due());
  row("Periodic assessments finalised", r.periodic_assessments_finalised(),
      r.periodic_assessments_due());
  row("Annual assessments finalised", r.annual_assessments_finalised(), r.annual_assessments_due());
  return table.Done();
}

BarChart TransparencyChart(const v1::TransparencyReport& report) {
  BarChart chart =
      Chart("transparency-chart", "Public transparency report",
            absl::StrCat("Finalised staff predicates per group as shares of the group; "
                         "groups with fewer than ",
                         report.min_group_size(), " assessments are suppressed."),
            BarScale::kShareOfRow);
  auto add = [&](const v1::TransparencyGroup& group, std::string name) {
    if (group.suppressed()) {
      chart.rows.push_back({std::move(name),
                            {},
                            absl::StrCat("suppressed (fewer than ", report.min_group_size(),
                                         ", or it would reveal another)")});
    } else {
      chart.rows.push_back(
          {std::move(name), PredicateSegments(group.counts()), PredicateNote(group.counts())});
    }
  };
  int shown = 0;
  for (const v1::TransparencyGroup& group : report.groups()) {
    if (shown++ == kMaxChartRows) break;
    add(group, group.name().empty() ? group.id() : group.name());
  }
  add(report.total(), "Total");
  return chart;
}

std::string TransparencyTable(const v1::TransparencyReport& report) {
  Table table("Public transparency report",
              {"Group", kPredicateLabels[0], kPredicateLabels[1], kPredicateLabels[2],
               kPredicateLabels[3], kPredicateLabels[4], "Total"});
  auto row = [&](const v1::TransparencyGroup& group, absl::string_view name) {
    table.Row().Text(name);
    if (group.suppressed()) {
      for (int i = 0; i <= kPredicateCount; ++i) table.Num("suppressed");
    } else {
      PredicateColumns(table, group.counts());
    }
  };
  for (const v1::TransparencyGroup& group : report.groups()) {
    row(group, group.name().empty() ? group.id() : group.name());
  }
  row(report.total(), "Total");
  return table.Done();
}

BarChart StreamLagChart(const v1::GetStreamStatusResponse& status) {
  BarChart chart = Chart("streams-chart", "Event stream lag",
                         "How far the read model is behind each producer's event "
                         "stream, in seconds.",
                         BarScale::kShareOfLargest);
  chart.decimals = 1;
  chart.unit = " s";
  for (const v1::StreamStatus& stream : status.streams()) {
    chart.rows.push_back({stream.name(),
                          {{"Lag", stream.lag_seconds(), std::string(kLagColor)}},
                          absl::StrCat(Decimal(stream.lag_seconds(), 1), " s \u00b7 ",
                                       stream.connected() ? "connected" : "DISCONNECTED",
                                       " \u00b7 ", GroupedInt(stream.applied()), " applied")});
  }
  return chart;
}

std::string StreamTable(const v1::GetStreamStatusResponse& status) {
  Table table("Event streams", {"Stream", "Producer", "Connected", "Applied", "Lag (s)",
                                "Last event", "Last applied", "Last error"});
  for (const v1::StreamStatus& stream : status.streams()) {
    table.Row()
        .Text(stream.name())
        .Text(stream.producer())
        .Text(stream.connected() ? "yes" : "no")
        .Int(stream.applied())
        .Num(Decimal(stream.lag_seconds(), 1))
        .Text(TimeText(stream.last_event_time()))
        .Text(TimeText(stream.last_applied_time()))
        .Text(stream.last_error());
  }
  return table.Done();
}

}  // namespace kinerja::analytics::web
