// The aggregate reports: distribution, compliance, participation, development needs, indicator
// health, trends, transparency and the streams' status. The reports that list people page by
// page are in reports_lists.cc.
#include "services/analytics/api/reports.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "services/analytics/api/report_support.h"
#include "services/analytics/domain/development.h"
#include "services/analytics/domain/indicator_health.h"
#include "services/analytics/domain/participation.h"
#include "services/analytics/domain/suppression.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::analytics::api {
namespace {

using store::ReportReader;

// A compliance report lists at most this many units (the counts cover every unit): a national
// scope has well over 100,000 units, more than one answer should carry.
constexpr int kMaxComplianceUnits = 2000;
// Indicator health lists at most this many findings of each kind (the counts cover all).
constexpr int kMaxFindings = 100;
constexpr int kMaxTrendYears = 20;

absl::StatusOr<std::string> KindName(v1::AssessmentKind kind) {
  switch (kind) {
    case v1::ASSESSMENT_KIND_UNSPECIFIED:
    case v1::ASSESSMENT_KIND_ANNUAL:
      return std::string("ANNUAL");
    case v1::ASSESSMENT_KIND_PERIODIC:
      return std::string("PERIODIC");
    default:
      return errors::InvalidField("kind", absl::StrCat("unknown assessment kind ", kind));
  }
}

absl::StatusOr<store::Grouping> GroupingOf(v1::GroupBy group_by) {
  switch (group_by) {
    case v1::GROUP_BY_UNSPECIFIED:
      return store::Grouping::kNone;
    case v1::GROUP_BY_AGENCY:
      return store::Grouping::kAgency;
    case v1::GROUP_BY_UNIT:
      return store::Grouping::kUnit;
    case v1::GROUP_BY_POSITION_TYPE:
      return store::Grouping::kPositionType;
    default:
      return errors::InvalidField("group_by", absl::StrCat("unknown grouping ", group_by));
  }
}

// Finalised predicates of every part of `scope`, merged by group.
std::map<std::string, store::PredicateArray> CountsOf(ReportReader& reader,
                                                      const EffectiveScope& scope,
                                                      const store::CountQuery& query) {
  std::map<std::string, store::PredicateArray> groups;
  for (const ScopePart& part : scope.parts) {
    for (const store::GroupCounts& g : reader.PredicateCounts(part, query)) {
      AddCounts(g.counts, groups[g.group_id]);
    }
  }
  return groups;
}

// Display names of the groups: agencies' and units' names from the read model, position types
// as they are.
std::map<std::string, std::string> GroupNames(ReportReader& reader, store::Grouping grouping,
                                              const std::vector<std::string>& ids) {
  if (grouping == store::Grouping::kAgency) return reader.AgencyNames(ids);
  if (grouping == store::Grouping::kUnit) return reader.UnitNames(ids);
  std::map<std::string, std::string> names;
  for (const std::string& id : ids) names[id] = id;
  return names;
}

std::vector<v1::DistributionRow> RowsOf(
    ReportReader& reader, store::Grouping grouping,
    const std::map<std::string, store::PredicateArray>& groups) {
  std::vector<std::string> ids;
  for (const auto& [id, counts] : groups) ids.push_back(id);
  std::map<std::string, std::string> names = GroupNames(reader, grouping, ids);
  std::vector<v1::DistributionRow> rows;
  for (const auto& [id, counts] : groups) {
    v1::DistributionRow row;
    row.set_group_id(id);
    auto name = names.find(id);
    row.set_group_name(name != names.end() ? name->second : id);
    *row.mutable_counts() = CountsToProto(counts);
    rows.push_back(std::move(row));
  }
  std::sort(
      rows.begin(), rows.end(), [](const v1::DistributionRow& a, const v1::DistributionRow& b) {
        return std::tie(a.group_name(), a.group_id()) < std::tie(b.group_name(), b.group_id());
      });
  return rows;
}

// A violation as the ingestion stored it: by how much was computed there, with the review
// service's bands (domain/compliance.h, once for every report).
v1::BandViolation ViolationFromJson(const nlohmann::json& v) {
  v1::BandViolation out;
  out.set_rule(v.value("rule", std::string()));
  out.set_count(v.value("count", 0));
  out.set_pending(v.value("pending", 0));
  out.set_unit_staff(v.value("unit_staff", 0));
  out.set_actual_percent(v.value("actual_percent", 0.0));
  out.set_limit(v.value("limit", 0));
  out.set_excess_percent(v.value("excess_percent", 0.0));
  out.set_excess_staff(v.value("excess_staff", 0));
  return out;
}

v1::UnitCompliance UnitComplianceOf(const store::ComplianceUnitRow& row) {
  v1::UnitCompliance u;
  u.set_unit_id(row.unit_id);
  u.set_unit_name(row.unit_name);
  u.set_agency_id(row.agency_id);
  u.set_period_id(row.period_id);
  if (row.org_predicate >= 1 && row.org_predicate <= 5) {
    u.set_org_predicate(static_cast<kinerja::review::v1::OrgPredicate>(row.org_predicate));
  }
  u.set_unit_staff(row.unit_staff);
  store::PredicateArray counts{};
  for (size_t i = 0; i < counts.size(); ++i) counts[i] = row.counts[i];
  *u.mutable_finalised() = CountsToProto(counts);
  nlohmann::json violations = nlohmann::json::parse(row.violations_json, nullptr, false);
  if (violations.is_array()) {
    for (const nlohmann::json& v : violations) *u.add_violations() = ViolationFromJson(v);
  }
  u.set_skipped_small_unit(row.skipped_small_unit);
  return u;
}

// The unit's place in the report: the largest excess of its violations.
int UnitExcess(const v1::UnitCompliance& unit) {
  int most = 0;
  for (const v1::BandViolation& v : unit.violations()) most = std::max(most, v.excess_staff());
  return most;
}

Cadence CadenceOrMonthly(const std::string& name) {
  return CadenceOf(name).value_or(Cadence::kMonthly);
}

// The due windows' indices of a window group as of a day (cached per group).
class DueWindowIndex {
 public:
  explicit DueWindowIndex(absl::CivilDay as_of) : as_of_(as_of) {}
  // The indexes of the group's due windows.
  const std::set<int>& Of(const store::WindowGroupKey& key) { return Get(key).indexes; }
  // How many of the group's due windows an indicator due from `due_from` is due in.
  int64_t WindowsDueFrom(const store::WindowGroupKey& key, std::optional<absl::CivilDay> due_from) {
    const Due& due = Get(key);
    return std::count_if(due.windows.begin(), due.windows.end(),
                         [&](const PlanWindow& w) { return IndicatorsDueIn({due_from}, w) == 1; });
  }

 private:
  struct Due {
    std::vector<PlanWindow> windows;
    std::set<int> indexes;
  };
  const Due& Get(const store::WindowGroupKey& key) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    Due due;
    due.windows =
        DueWindows(CadenceOrMonthly(key.cadence), key.start, key.end, key.grace_days, as_of_);
    for (const PlanWindow& w : due.windows) due.indexes.insert(w.index);
    return cache_.emplace(key, std::move(due)).first->second;
  }

  const absl::CivilDay as_of_;
  std::map<store::WindowGroupKey, Due> cache_;
};

}  // namespace

Reports::Reports(db::Pool& pool, const rpc::PageTokenCodec& page_tokens, ReportSettings settings,
                 StreamStatusSource streams, std::function<absl::Time()> now)
    : pool_(pool),
      page_tokens_(page_tokens),
      settings_(settings),
      streams_(std::move(streams)),
      now_(std::move(now)) {}

double Reports::FreshnessLagSeconds() const {
  double lag = 0;
  if (!streams_) return lag;
  for (const v1::StreamStatus& s : streams_()) lag = std::max(lag, s.lag_seconds());
  return lag;
}

absl::CivilDay Reports::Today() const { return rpc::TodayInJakarta(now_()); }

absl::StatusOr<v1::DistributionReport> Reports::Distribution(
    const auth::Principal& caller, const v1::GetPredicateDistributionRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(std::string kind, KindName(request.kind()));
  ASSIGN_OR_RETURN(store::Grouping grouping, GroupingOf(request.group_by()));
  if (kind == "ANNUAL" && request.window_index() != 0) {
    return errors::InvalidField("window_index", "is for PERIODIC reports only (0 for ANNUAL)");
  }
  if (request.window_index() < 0 || request.window_index() > 12) {
    return errors::InvalidField("window_index",
                                absl::StrCat("must be a month 1..12 or a quarter 1..4 (0: every "
                                             "window), got ",
                                             request.window_index()));
  }
  const double lag = FreshnessLagSeconds();
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::DistributionReport> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        store::CountQuery query{.year = scope.year,
                                .kind = kind,
                                .window_index = request.window_index(),
                                .position_type = scope.position_type,
                                .grouping = grouping};
        std::map<std::string, store::PredicateArray> groups = CountsOf(reader, scope, query);
        v1::DistributionReport report;
        *report.mutable_scope() = EchoScope(request.scope(), scope);
        report.set_kind(kind == "ANNUAL" ? v1::ASSESSMENT_KIND_ANNUAL
                                         : v1::ASSESSMENT_KIND_PERIODIC);
        report.set_window_index(request.window_index());
        store::PredicateArray totals{};
        for (const auto& [id, counts] : groups) AddCounts(counts, totals);
        *report.mutable_totals() = CountsToProto(totals);
        if (grouping != store::Grouping::kNone) {
          for (v1::DistributionRow& row : RowsOf(reader, grouping, groups)) {
            *report.add_rows() = std::move(row);
          }
        }
        report.set_freshness_lag_seconds(lag);
        return report;
      });
}

absl::StatusOr<v1::ComplianceReport> Reports::Compliance(const auth::Principal& caller,
                                                         const v1::GetComplianceRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  const double lag = FreshnessLagSeconds();
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::ComplianceReport> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        v1::ComplianceReport report;
        *report.mutable_scope() = EchoScope(request.scope(), scope);
        int64_t with = 0, breaking = 0, without = 0;
        std::vector<v1::UnitCompliance> units;
        for (const ScopePart& part : scope.parts) {
          auto [part_with, part_breaking] = reader.ComplianceTotals(scope, part);
          with += part_with;
          breaking += part_breaking;
          without += reader.UnitsWithoutOrgPredicate(scope, part);
          for (const store::ComplianceUnitRow& row :
               reader.ComplianceUnits(scope, part, request.breaking_only(), kMaxComplianceUnits)) {
            units.push_back(UnitComplianceOf(row));
          }
        }
        // Breaking units first, most excess staff first (the domain's measure), then by unit.
        std::vector<std::pair<int, v1::UnitCompliance>> ranked;
        for (v1::UnitCompliance& u : units) ranked.emplace_back(UnitExcess(u), std::move(u));
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
          const bool a_breaks = a.second.violations_size() > 0;
          const bool b_breaks = b.second.violations_size() > 0;
          if (a_breaks != b_breaks) return a_breaks;
          if (a.first != b.first) return a.first > b.first;
          return std::tie(a.second.unit_id(), a.second.period_id()) <
                 std::tie(b.second.unit_id(), b.second.period_id());
        });
        if (ranked.size() > static_cast<size_t>(kMaxComplianceUnits))
          ranked.resize(kMaxComplianceUnits);
        for (auto& [excess, unit] : ranked) *report.add_units() = std::move(unit);
        report.set_units_with_org_predicate(static_cast<int32_t>(with));
        report.set_units_breaking(static_cast<int32_t>(breaking));
        report.set_units_without_org_predicate(static_cast<int32_t>(without));
        report.set_freshness_lag_seconds(lag);
        return report;
      });
}

absl::StatusOr<v1::ParticipationReport> Reports::Participation(
    const auth::Principal& caller, const v1::GetParticipationRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(std::optional<absl::CivilDay> as_of_given,
                   rpc::OptionalDayFromProto(request.as_of(), "as_of"));
  const absl::CivilDay as_of = as_of_given.value_or(Today());
  const double lag = FreshnessLagSeconds();
  const int default_grace = settings_.default_realisation_grace_days;
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::ParticipationReport> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        v1::ParticipationReport report;
        *report.mutable_scope() = EchoScope(request.scope(), scope);
        rpc::DayToProto(as_of, report.mutable_as_of());
        DueWindowIndex due(as_of);
        for (const ScopePart& part : scope.parts) {
          for (const store::PlanDeadlineGroup& g : reader.PlanDeadlineGroups(scope, part)) {
            const absl::CivilDay deadline = EffectiveDeadline(g.deadline, g.extension);
            const bool approved = g.first_approved.has_value();
            report.set_plans(report.plans() + g.plans);
            if (g.submitted) report.set_plans_submitted(report.plans_submitted() + g.plans);
            if (approved) report.set_plans_approved(report.plans_approved() + g.plans);
            if (approved && *g.first_approved <= deadline) {
              report.set_plans_approved_on_time(report.plans_approved_on_time() + g.plans);
            }
            if (IsPlanOverdue(deadline, approved, /*closed=*/false, as_of)) {
              report.set_plans_overdue(report.plans_overdue() + g.plans);
            }
          }
          for (const store::PlanWindowGroup& g :
               reader.ApprovedPlanWindowGroups(scope, part, default_grace)) {
            const int64_t windows = static_cast<int64_t>(due.Of(g.key).size());
            report.set_periodic_assessments_due(report.periodic_assessments_due() +
                                                g.plans * windows);
            if (g.key.end < as_of) {
              report.set_annual_assessments_due(report.annual_assessments_due() + g.plans);
            }
          }
          // Each indicator in the windows it is due in (a revision's from its approval day).
          for (const store::IndicatorGroup& g :
               reader.ApprovedPlanIndicatorGroups(scope, part, default_grace)) {
            report.set_realisations_due(report.realisations_due() +
                                        g.indicators * due.WindowsDueFrom(g.key, g.due_from));
          }
          for (const store::RealisationWindowGroup& g :
               reader.RealisationWindowGroups(scope, part, default_grace)) {
            if (!due.Of(g.key).contains(g.window_index)) continue;
            report.set_realisations_filed(report.realisations_filed() + g.filed);
            report.set_realisations_late(report.realisations_late() + g.late);
          }
          for (const store::AssessmentWindowGroup& g :
               reader.FinalisedAssessmentWindowGroups(scope, part, default_grace)) {
            if (g.kind == "PERIODIC" && due.Of(g.key).contains(g.window_index)) {
              report.set_periodic_assessments_finalised(report.periodic_assessments_finalised() +
                                                        g.plans);
            } else if (g.kind == "ANNUAL" && g.key.end < as_of) {
              report.set_annual_assessments_finalised(report.annual_assessments_finalised() +
                                                      g.plans);
            }
          }
        }
        report.set_freshness_lag_seconds(lag);
        return report;
      });
}

absl::StatusOr<v1::DevelopmentNeedsReport> Reports::DevelopmentNeeds(
    const auth::Principal& caller, const v1::GetDevelopmentNeedsRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  const double lag = FreshnessLagSeconds();
  std::vector<std::string> value_names;
  for (const CoreValueTheme& t : CoreValueThemes()) value_names.emplace_back(t.name);
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::DevelopmentNeedsReport> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        int64_t assessed = 0, without_values = 0;
        std::map<int, store::DevelopmentValueCounts> values;
        for (const ScopePart& part : scope.parts) {
          assessed += reader.AssessedEmployees(scope, part);
          without_values += reader.BehaviourBelowWithoutValues(scope, part);
          for (auto& [idx, v] : reader.DevelopmentValues(scope, part, value_names)) {
            store::DevelopmentValueCounts& sum = values[idx];
            sum.rated_below += v.rated_below;
            sum.peer_below += v.peer_below;
            sum.employees += v.employees;
            for (auto& unit : v.top_units) sum.top_units.push_back(std::move(unit));
          }
        }
        std::vector<std::string> unit_ids;
        for (const auto& [idx, v] : values) {
          for (const auto& [unit, n] : v.top_units) unit_ids.push_back(unit);
        }
        std::map<std::string, std::string> unit_names = reader.UnitNames(unit_ids);

        v1::DevelopmentNeedsReport report;
        *report.mutable_scope() = EchoScope(request.scope(), scope);
        report.set_assessed_employees(assessed);
        report.set_behaviour_below_without_values(without_values);
        std::vector<v1::DevelopmentTheme> themes;
        for (auto& [idx, v] : values) {
          if (idx < 1 || idx > kCoreValues || v.employees == 0) continue;
          const CoreValueTheme& t = CoreValueThemes()[idx - 1];
          v1::DevelopmentTheme theme;
          theme.set_value(static_cast<kinerja::review::v1::CoreValue>(idx));
          theme.set_value_label(std::string(t.label));
          theme.set_theme(std::string(t.theme));
          theme.set_rated_below(v.rated_below);
          theme.set_peer_below(v.peer_below);
          theme.set_employees(v.employees);
          theme.set_share_percent(SharePercent(v.employees, assessed));
          std::sort(v.top_units.begin(), v.top_units.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
          });
          for (size_t i = 0; i < v.top_units.size() && i < 10; ++i) {
            v1::DistributionRow* row = theme.add_top_units();
            row->set_group_id(v.top_units[i].first);
            auto name = unit_names.find(v.top_units[i].first);
            row->set_group_name(name != unit_names.end() ? name->second : v.top_units[i].first);
            row->mutable_counts()->set_total(v.top_units[i].second);
          }
          themes.push_back(std::move(theme));
        }
        std::stable_sort(themes.begin(), themes.end(),
                         [](const v1::DevelopmentTheme& a, const v1::DevelopmentTheme& b) {
                           return a.employees() > b.employees();
                         });
        for (v1::DevelopmentTheme& t : themes) *report.add_themes() = std::move(t);
        report.set_freshness_lag_seconds(lag);
        return report;
      });
}

absl::StatusOr<v1::IndicatorHealthReport> Reports::IndicatorHealth(
    const auth::Principal& caller, const v1::GetIndicatorHealthRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(IndicatorHealthSettings settings,
                   IndicatorHealthSettingsOf(request.far_above_ratio(), request.min_windows()));
  const double lag = FreshnessLagSeconds();
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::IndicatorHealthReport> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        v1::IndicatorHealthReport report;
        *report.mutable_scope() = EchoScope(request.scope(), scope);
        report.set_far_above_ratio(settings.far_above_ratio);
        report.set_min_windows(settings.min_windows);
        std::vector<std::pair<double, v1::IndicatorFinding>> far_above, never_reached;
        for (const ScopePart& part : scope.parts) {
          auto [plans, without] = reader.PublicServicePlanCounts(scope, part);
          report.set_public_service_plans(report.public_service_plans() + plans);
          report.set_public_service_plans_without_quality(
              report.public_service_plans_without_quality() + without);
          for (const store::PlanFindingRow& row :
               reader.PlansWithoutQuality(scope, part, kMaxFindings)) {
            if (report.plans_without_quality_size() >= kMaxFindings) break;
            v1::PlanFinding* f = report.add_plans_without_quality();
            f->set_plan_id(row.plan_id);
            f->set_employee_name(row.employee_name);
            f->set_nip(row.nip);
            f->set_unit_id(row.unit_id);
            f->set_unit_name(row.unit_name);
            f->set_period_id(row.period_id);
          }
          for (const store::IndicatorStatsRow& row :
               reader.IndicatorWindowStats(scope, part, settings.min_windows)) {
            IndicatorTarget target{row.target_min, row.target_max, row.lower_is_better};
            std::optional<IndicatorClass> c =
                ClassifyIndicator(target, {row.windows, row.min_value, row.max_value}, settings);
            if (!c.has_value() || (!c->always_far_above && !c->never_reached)) continue;
            v1::IndicatorFinding f;
            f.set_plan_id(row.plan_id);
            f.set_indicator_id(row.indicator_id);
            f.set_indicator_text(row.indicator_text);
            f.set_employee_name(row.employee_name);
            f.set_nip(row.nip);
            f.set_unit_id(row.unit_id);
            f.set_unit_name(row.unit_name);
            f.set_target_min(row.target_min);
            f.set_target_max(row.target_max);
            f.set_target_unit(row.target_unit);
            f.set_lower_is_better(row.lower_is_better);
            f.set_windows(row.windows);
            f.set_min_achievement(c->min_achievement);
            f.set_max_achievement(c->max_achievement);
            if (c->always_far_above) far_above.emplace_back(-c->min_achievement, f);
            if (c->never_reached) never_reached.emplace_back(c->max_achievement, std::move(f));
          }
        }
        // The most extreme first: the highest lowest achievement, the lowest highest one.
        auto by_measure = [](const auto& a, const auto& b) {
          if (a.first != b.first) return a.first < b.first;
          return std::tie(a.second.plan_id(), a.second.indicator_id()) <
                 std::tie(b.second.plan_id(), b.second.indicator_id());
        };
        std::sort(far_above.begin(), far_above.end(), by_measure);
        std::sort(never_reached.begin(), never_reached.end(), by_measure);
        report.set_always_far_above_count(static_cast<int64_t>(far_above.size()));
        report.set_never_reached_count(static_cast<int64_t>(never_reached.size()));
        for (size_t i = 0; i < far_above.size() && i < kMaxFindings; ++i) {
          *report.add_always_far_above() = std::move(far_above[i].second);
        }
        for (size_t i = 0; i < never_reached.size() && i < kMaxFindings; ++i) {
          *report.add_never_reached() = std::move(never_reached[i].second);
        }
        report.set_freshness_lag_seconds(lag);
        return report;
      });
}

absl::StatusOr<v1::TrendsReport> Reports::Trends(const auth::Principal& caller,
                                                 const v1::GetTrendsRequest& request) {
  // The scope's year is ignored: the span is from_year..to_year.
  RequestedScope requested = ScopeFromProto(request.scope());
  requested.year = 0;
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/false));
  std::vector<errors::FieldViolation> violations;
  if (request.from_year() != 0) {
    if (absl::Status s = ValidateYear(request.from_year(), "from_year"); !s.ok()) {
      for (auto& v : errors::ViolationsOf(s)) violations.push_back(v);
    }
  }
  if (request.to_year() != 0) {
    if (absl::Status s = ValidateYear(request.to_year(), "to_year"); !s.ok()) {
      for (auto& v : errors::ViolationsOf(s)) violations.push_back(v);
    }
  }
  if (violations.empty() && request.from_year() != 0 && request.to_year() != 0) {
    if (request.to_year() < request.from_year()) {
      violations.push_back({"to_year", "must not be before from_year"});
    } else if (request.to_year() - request.from_year() + 1 > kMaxTrendYears) {
      violations.push_back(
          {"to_year", absl::StrCat("a trend spans at most ", kMaxTrendYears, " years")});
    }
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  const int this_year = static_cast<int>(Today().year());
  return store::ReadReport(pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::TrendsReport> {
    ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
    int from = request.from_year();
    int to = request.to_year();
    if (from == 0 && to == 0) {
      std::set<int> years;
      for (const ScopePart& part : scope.parts) {
        for (int y : reader.RecentPlanYears(scope, part, this_year)) years.insert(y);
      }
      while (years.size() > 5) years.erase(years.begin());
      from = years.empty() ? this_year : *years.begin();
      to = years.empty() ? this_year : *years.rbegin();
    } else if (from == 0) {
      from = std::max(kMinYear, to - 4);
    } else if (to == 0) {
      to = std::min(from + kMaxTrendYears - 1, std::max(from, this_year));
    }
    std::map<int, std::pair<int64_t, int64_t>> plans;
    std::map<int, int64_t> breaking;
    for (const ScopePart& part : scope.parts) {
      for (const auto& [year, counts] : reader.PlansByYear(scope, part, from, to)) {
        plans[year].first += counts.first;
        plans[year].second += counts.second;
      }
      for (const auto& [year, n] : reader.BreakingUnitsByYear(part, from, to)) breaking[year] += n;
    }
    v1::TrendsReport report;
    *report.mutable_scope() = EchoScope(request.scope(), scope);
    report.mutable_scope()->set_year(0);
    for (int year = from; year <= to; ++year) {
      store::CountQuery query{.year = year, .position_type = scope.position_type};
      store::PredicateArray annual{};
      for (const auto& [id, counts] : CountsOf(reader, scope, query)) AddCounts(counts, annual);
      v1::TrendPoint* point = report.add_points();
      point->set_year(year);
      *point->mutable_annual() = CountsToProto(annual);
      point->set_plans(plans[year].first);
      point->set_plans_approved(plans[year].second);
      point->set_annual_assessments_finalised(point->annual().total());
      point->set_units_breaking(static_cast<int32_t>(breaking[year]));
    }
    return report;
  });
}

absl::StatusOr<v1::TransparencyReport> Reports::Transparency(
    const v1::GetTransparencyReportRequest& request) {
  RETURN_IF_ERROR(ValidateYear(request.year(), "year"));
  const int k = settings_.public_min_group_size;
  const absl::Time now = now_();
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::TransparencyReport> {
        const bool national = request.agency_id().empty();
        std::map<std::string, std::string> agency_name;
        if (!national) {
          agency_name = reader.AgencyNames({request.agency_id()});
          if (agency_name.empty()) return errors::NotFound("agency", request.agency_id());
        }
        // National: by agency; an agency: by its top units (the root's own staff as the root).
        store::CountQuery query{
            .year = request.year(),
            .grouping = national ? store::Grouping::kAgency : store::Grouping::kUnit};
        const ScopePart part = national ? ScopePart{.all_agencies = true}
                                        : ScopePart{.agencies = {request.agency_id()}};
        std::map<std::string, store::PredicateArray> groups;
        for (const store::GroupCounts& g : reader.PredicateCounts(part, query)) {
          AddCounts(g.counts, groups[g.group_id]);
        }
        std::vector<v1::DistributionRow> rows = RowsOf(reader, query.grouping, groups);
        std::vector<int64_t> sizes;
        std::vector<v1::DistributionRow> listed;
        store::PredicateArray totals{};
        for (v1::DistributionRow& row : rows) {
          if (row.counts().total() <= 0) continue;
          sizes.push_back(row.counts().total());
          listed.push_back(std::move(row));
        }
        for (const auto& [id, counts] : groups) AddCounts(counts, totals);
        ASSIGN_OR_RETURN(Suppression suppression, SuppressSmallGroups(sizes, k));

        v1::TransparencyReport report;
        report.set_year(request.year());
        report.set_agency_id(request.agency_id());
        report.set_min_group_size(k);
        for (size_t i = 0; i < listed.size(); ++i) {
          v1::TransparencyGroup* g = report.add_groups();
          g->set_id(listed[i].group_id());
          g->set_name(listed[i].group_name());
          g->set_suppressed(suppression.group_suppressed[i]);
          if (!g->suppressed()) *g->mutable_counts() = listed[i].counts();
        }
        v1::TransparencyGroup* total = report.mutable_total();
        total->set_id(request.agency_id());
        total->set_name(national ? "Nasional" : agency_name.begin()->second);
        total->set_suppressed(suppression.total_suppressed);
        if (!total->suppressed()) *total->mutable_counts() = CountsToProto(totals);
        report.set_suppressed_groups(suppression.suppressed_groups);
        rpc::TimeToProto(now, report.mutable_generated_time());
        return report;
      });
}

absl::StatusOr<v1::GetStreamStatusResponse> Reports::StreamStatus(const auth::Principal& caller) {
  RETURN_IF_ERROR(CanReadStreamStatus(caller));
  v1::GetStreamStatusResponse response;
  if (streams_) {
    for (v1::StreamStatus& s : streams_()) *response.add_streams() = std::move(s);
  }
  return response;
}

}  // namespace kinerja::analytics::api
