// The reports' reads of the analytics read model (migrations/0001_analytics.sql), one report per
// read-only snapshot: ReadReport runs the caller's function with a ReportReader on a REPEATABLE
// READ, READ ONLY transaction, so that a report's totals and rows agree with each other even
// while the followers keep applying events.
//
// Every query is a named query (store/queries/*.sql) run with its parameters bound, but
// unprepared: a report's scope parameters (every agency, some agencies, a subtree) decide which
// index is worth using, and a prepared statement's generic plan cannot know which. A report runs
// a handful of statements, so planning each with its values costs little.
//
// The reader returns the rows the domain's arithmetic needs (domain/); it decides nothing about
// access. Scoped reads take one part of an effective scope (domain/scope.h): the caller reads
// each part and adds the results up (parts are disjoint).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <pqxx/transaction>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/analytics/domain/access.h"
#include "services/analytics/domain/scope.h"
#include "shared/db/pool.h"
#include "shared/db/transaction.h"

namespace kinerja::analytics::store {

// Finalised predicates by national code 1..5 (index 0 = Sangat Baik).
using PredicateArray = std::array<int64_t, 5>;

struct GroupCounts {
  std::string group_id = {};  // agency id, unit id or position type; "" without grouping
  PredicateArray counts = {};
};

enum class Grouping { kNone = 0, kAgency = 1, kUnit = 2, kPositionType = 3 };

struct CountQuery {
  int year = 0;
  std::string kind = "ANNUAL";     // "ANNUAL" | "PERIODIC"
  int window_index = 0;            // 0: every window
  std::string position_type = {};  // "": all
  Grouping grouping = Grouping::kNone;
};

struct ComplianceUnitRow {
  std::string unit_id = {};
  std::string unit_name = {};
  std::string agency_id = {};
  std::string period_id = {};
  int org_predicate = 0;
  int unit_staff = 0;
  std::array<int, 5> counts = {};
  std::string violations_json =
      {};  // [{rule, count, pending, unit_staff, actual_percent, limit, ...}]
  bool skipped_small_unit = false;
  bool breaking = false;
};

// Plans not closed, grouped by what their deadline arithmetic depends on.
struct PlanDeadlineGroup {
  absl::CivilDay deadline = {};
  std::optional<absl::CivilDay> extension = {};
  bool submitted = false;
  std::optional<absl::CivilDay> first_approved = {};
  int64_t plans = 0;
};

// Approved plans grouped by what their windows depend on.
struct WindowGroupKey {
  std::string cadence = {};
  absl::CivilDay start = {};
  absl::CivilDay end = {};
  int grace_days = 0;
  friend bool operator==(const WindowGroupKey&, const WindowGroupKey&) = default;
  friend bool operator<(const WindowGroupKey& a, const WindowGroupKey& b) {
    return std::tie(a.cadence, a.start, a.end, a.grace_days) <
           std::tie(b.cadence, b.start, b.end, b.grace_days);
  }
};
struct PlanWindowGroup {
  WindowGroupKey key = {};
  int64_t plans = 0;
};
// Indicators of approved plans of a group due from a day (nullopt: the plans' start).
struct IndicatorGroup {
  WindowGroupKey key = {};
  std::optional<absl::CivilDay> due_from = {};
  int64_t indicators = 0;
};
struct RealisationWindowGroup {
  WindowGroupKey key = {};
  int window_index = 0;
  int64_t filed = 0;
  int64_t late = 0;
};
struct AssessmentWindowGroup {
  WindowGroupKey key = {};
  std::string kind = {};  // "PERIODIC" | "ANNUAL"
  int window_index = 0;
  int64_t plans = 0;
};

struct PlanPerson {
  std::string plan_id = {};
  std::string employee_id = {};
  std::string nip = {};
  std::string name = {};
  std::string unit_id = {};
  std::string unit_name = {};
};
struct UnapprovedPlan {
  PlanPerson plan = {};
  absl::CivilDay deadline = {};
  std::optional<absl::CivilDay> extension = {};
};
struct ApprovedPlanProgress {
  PlanPerson plan = {};
  std::string assessor_nip = {};
  std::string assessor_name = {};
  WindowGroupKey key = {};
  // The day each indicator of the approved content is due from (nullopt: the plan's start).
  std::vector<std::optional<absl::CivilDay>> indicators_due_from = {};
  std::map<int, int> filed_by_window = {};
  std::vector<int> periodic_finalised = {};
  bool annual_finalised = false;
};

// Development needs: by core value position (1..7 in the order given).
struct DevelopmentValueCounts {
  int64_t rated_below = 0;
  int64_t peer_below = 0;
  int64_t employees = 0;
  std::vector<std::pair<std::string, int64_t>> top_units = {};  // unit id, employees; most first
};

struct RecognitionFactsRow {
  std::string employee_id = {};
  std::string nip = {};
  std::string name = {};
  std::string unit_id = {};
  std::string unit_name = {};
  std::string position_type = {};
  std::string agency_id = {};
  int annual_finalised = 0;
  int annual_sangat_baik = 0;
  int periodic_finalised = 0;
  int periodic_sangat_baik = 0;
  int realisations_with_evidence = 0;
  std::vector<int> sangat_baik_years = {};
};

struct PlanFindingRow {
  std::string plan_id = {};
  std::string employee_name = {};
  std::string nip = {};
  std::string unit_id = {};
  std::string unit_name = {};
  std::string period_id = {};
};
struct IndicatorStatsRow {
  std::string plan_id = {};
  std::string indicator_id = {};
  std::string indicator_text = {};
  std::string employee_name = {};
  std::string nip = {};
  std::string unit_id = {};
  std::string unit_name = {};
  double target_min = 0;
  double target_max = 0;
  std::string target_unit = {};
  bool lower_is_better = false;
  int windows = 0;
  double min_value = 0;
  double max_value = 0;
};

struct AssessorKey {
  std::string nip = {};
  std::string name = {};
  friend auto operator<=>(const AssessorKey&, const AssessorKey&) = default;
};
// Ratings by national code 1..3 (index 0 = above) of results and of behaviour.
struct RatingCounts {
  std::array<int64_t, 3> results = {};
  std::array<int64_t, 3> behaviour = {};
};
struct RaterUnitTally {
  AssessorKey assessor = {};
  std::string unit_id = {};
  std::string unit_name = {};
  std::string agency_id = {};
  int64_t assessments = 0;
  RatingCounts ratings = {};
};
struct Rater360Row {
  AssessorKey assessor = {};
  int behaviour_rating = 0;
  int64_t below = 0;
  int64_t as_expected = 0;
  int64_t above = 0;
};

class ReportReader {
 public:
  explicit ReportReader(pqxx::transaction_base& tx) : tx_(tx) {}

  // --- Facts of a scope -------------------------------------------------------------------
  std::optional<UnitFacts> Unit(const std::string& unit_id);
  std::optional<PeriodFacts> Period(const std::string& period_id);
  // The positions and led units of the employee records with `nip` (domain/access.h decides
  // which count on the day).
  LeaderFacts LeaderFactsOf(const std::string& nip);
  // Names of agencies / units by id (ids unknown to the read model are left out).
  std::map<std::string, std::string> AgencyNames(const std::vector<std::string>& ids);
  std::map<std::string, std::string> UnitNames(const std::vector<std::string>& ids);

  // --- Distribution (counters only) ---------------------------------------------------------
  // Finalised predicates of one scope part, grouped. Whole agencies read the per-agency
  // counters unless grouped by unit; subtrees read the per-unit counters.
  std::vector<GroupCounts> PredicateCounts(const ScopePart& part, const CountQuery& query);

  // --- Compliance ---------------------------------------------------------------------------
  // (units with an organisation predicate, units breaking).
  std::pair<int64_t, int64_t> ComplianceTotals(const EffectiveScope& scope, const ScopePart& part);
  std::vector<ComplianceUnitRow> ComplianceUnits(const EffectiveScope& scope, const ScopePart& part,
                                                 bool breaking_only, int limit);
  int64_t UnitsWithoutOrgPredicate(const EffectiveScope& scope, const ScopePart& part);

  // --- Participation and late entries ---------------------------------------------------------
  std::vector<PlanDeadlineGroup> PlanDeadlineGroups(const EffectiveScope& scope,
                                                    const ScopePart& part);
  std::vector<PlanWindowGroup> ApprovedPlanWindowGroups(const EffectiveScope& scope,
                                                        const ScopePart& part,
                                                        int default_grace_days);
  std::vector<IndicatorGroup> ApprovedPlanIndicatorGroups(const EffectiveScope& scope,
                                                          const ScopePart& part,
                                                          int default_grace_days);
  std::vector<RealisationWindowGroup> RealisationWindowGroups(const EffectiveScope& scope,
                                                              const ScopePart& part,
                                                              int default_grace_days);
  std::vector<AssessmentWindowGroup> FinalisedAssessmentWindowGroups(const EffectiveScope& scope,
                                                                     const ScopePart& part,
                                                                     int default_grace_days);
  std::vector<UnapprovedPlan> UnapprovedPlans(const EffectiveScope& scope, const ScopePart& part);
  std::vector<ApprovedPlanProgress> ApprovedPlans(const EffectiveScope& scope,
                                                  const ScopePart& part, int default_grace_days);

  // --- Development needs ----------------------------------------------------------------------
  int64_t AssessedEmployees(const EffectiveScope& scope, const ScopePart& part);
  // By value position 1..value_names.size().
  std::map<int, DevelopmentValueCounts> DevelopmentValues(
      const EffectiveScope& scope, const ScopePart& part,
      const std::vector<std::string>& value_names);
  int64_t BehaviourBelowWithoutValues(const EffectiveScope& scope, const ScopePart& part);

  // --- Recognition ------------------------------------------------------------------------------
  std::vector<RecognitionFactsRow> RecognitionFacts(const EffectiveScope& scope,
                                                    const ScopePart& part);

  // --- Indicator health
  // ---------------------------------------------------------------------------
  std::pair<int64_t, int64_t> PublicServicePlanCounts(const EffectiveScope& scope,
                                                      const ScopePart& part);
  std::vector<PlanFindingRow> PlansWithoutQuality(const EffectiveScope& scope,
                                                  const ScopePart& part, int limit);
  std::vector<IndicatorStatsRow> IndicatorWindowStats(const EffectiveScope& scope,
                                                      const ScopePart& part, int min_windows);

  // --- Rater statistics
  // ---------------------------------------------------------------------------
  int64_t RaterCount(const EffectiveScope& scope, const ScopePart& part);
  // Assessors in key order after `after` (nullopt: from the first), at most `limit`.
  std::vector<AssessorKey> RaterPage(const EffectiveScope& scope, const ScopePart& part,
                                     const std::optional<AssessorKey>& after, int limit);
  std::vector<RaterUnitTally> RaterUnitTallies(const EffectiveScope& scope, const ScopePart& part,
                                               const std::vector<AssessorKey>& assessors);
  // Every assessor's ratings per unit of `unit_ids` (year, period and position type of `scope`).
  std::map<std::string, RatingCounts> UnitRatingTotals(const EffectiveScope& scope,
                                                       const std::vector<std::string>& unit_ids);
  std::vector<Rater360Row> Rater360(const EffectiveScope& scope, const ScopePart& part,
                                    const std::vector<AssessorKey>& assessors);

  // --- Trends
  // --------------------------------------------------------------------------------------- The
  // last (at most 5) years up to `up_to` with plans in the part, newest first.
  std::vector<int> RecentPlanYears(const EffectiveScope& scope, const ScopePart& part, int up_to);
  // year -> (plans not closed, approved).
  std::map<int, std::pair<int64_t, int64_t>> PlansByYear(const EffectiveScope& scope,
                                                         const ScopePart& part, int from_year,
                                                         int to_year);
  // year -> units breaking a band.
  std::map<int, int64_t> BreakingUnitsByYear(const ScopePart& part, int from_year, int to_year);

 private:
  pqxx::transaction_base& tx_;
};

// Runs `fn(ReportReader&) -> absl::StatusOr<T>` on one REPEATABLE READ, READ ONLY snapshot;
// database failures become statuses (db::StatusFromException).
template <typename Fn>
auto ReadReport(db::Pool& pool, Fn&& fn) -> std::invoke_result_t<Fn&, ReportReader&> {
  absl::StatusOr<db::Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(lease->conn());
    // JIT compiling a report's plan costs more (hundreds of milliseconds on the national read
    // model) than the report itself, which is meant to take milliseconds.
    tx.exec0("SET LOCAL jit = off");
    ReportReader reader(tx);
    auto result = fn(reader);
    tx.commit();
    return result;
  } catch (const std::exception& e) {
    absl::Status status = db::StatusFromException(e);
    if (absl::IsUnavailable(status)) lease->MarkBroken();
    return status;
  }
}

}  // namespace kinerja::analytics::store
