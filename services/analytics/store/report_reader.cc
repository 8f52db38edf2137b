#include "services/analytics/store/report_reader.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "services/analytics/store/queries.h"
#include "shared/db/row_decode.h"
#include "shared/db/sql_array.h"

namespace kinerja::analytics::store {
namespace {

// The scope part as the queries' parameters: every agency (boolean), agency ids (text[]
// literal), subtree root ("" none).
struct PartArgs {
  bool all;
  std::string agencies;
  std::string root;
};
PartArgs ArgsOf(const ScopePart& part) {
  return PartArgs{part.all_agencies, db::TextArrayLiteral(part.agencies), part.root_unit};
}

// Runs a named query unprepared (see report_reader.h) with the standard scope parameters first:
// year, period id, position type, every agency, agency ids, subtree root.
template <typename... Extra>
pqxx::result RunScoped(pqxx::transaction_base& tx, const db::Query& query,
                       const EffectiveScope& scope, const ScopePart& part, Extra&&... extra) {
  PartArgs args = ArgsOf(part);
  return tx.exec_params(query.sql, scope.year, scope.period_id, scope.position_type, args.all,
                        args.agencies, args.root, std::forward<Extra>(extra)...);
}

std::string Text(const pqxx::field& f) { return db::TextOrEmpty(f); }
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
int Int32(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int>(); }
double Double(const pqxx::field& f) { return f.is_null() ? 0.0 : f.as<double>(); }
bool Bool(const pqxx::field& f) { return !f.is_null() && f.as<bool>(); }

nlohmann::json Json(const pqxx::field& f) {
  nlohmann::json json = nlohmann::json::parse(db::FieldView(f), nullptr, false);
  if (json.is_discarded()) throw std::runtime_error("read model: a JSON column does not parse");
  return json;
}

UnitFacts UnitFromRow(const pqxx::row& row) {
  UnitFacts unit;
  unit.unit_id = Text(row[0]);
  unit.agency_id = Text(row[1]);
  unit.name = Text(row[2]);
  unit.leader_position_id = Text(row[3]);
  for (const auto& id : Json(row[4])) unit.path.push_back(id.get<std::string>());
  unit.end_date = db::OptionalDayFromField(row[5]);
  return unit;
}

WindowGroupKey KeyFromRow(const pqxx::row& row, int first) {
  return WindowGroupKey{Text(row[first]), db::DayFromField(row[first + 1]),
                        db::DayFromField(row[first + 2]), Int32(row[first + 3])};
}

PlanPerson PersonFromRow(const pqxx::row& row) {
  return PlanPerson{Text(row[0]), Text(row[1]), Text(row[2]),
                    Text(row[3]), Text(row[4]), Text(row[5])};
}

std::pair<std::string, std::string> AssessorArrays(const std::vector<AssessorKey>& assessors) {
  std::vector<std::string> nips;
  std::vector<std::string> names;
  for (const AssessorKey& a : assessors) {
    nips.push_back(a.nip);
    names.push_back(a.name);
  }
  return {db::TextArrayLiteral(nips), db::TextArrayLiteral(names)};
}

RatingCounts RatingsFromRow(const pqxx::row& row, int first) {
  RatingCounts r;
  for (int i = 0; i < 3; ++i) {
    r.results[i] = Int(row[first + i]);
    r.behaviour[i] = Int(row[first + 3 + i]);
  }
  return r;
}

std::map<std::string, std::string> NamesFrom(const pqxx::result& rows) {
  std::map<std::string, std::string> names;
  for (const pqxx::row& row : rows) names[Text(row[0])] = Text(row[1]);
  return names;
}

}  // namespace

// --- Facts ----------------------------------------------------------------------------------

std::optional<UnitFacts> ReportReader::Unit(const std::string& unit_id) {
  pqxx::result r = tx_.exec_params(queries::kUnitFactsById.sql, unit_id);
  if (r.empty()) return std::nullopt;
  return UnitFromRow(r[0]);
}

std::optional<PeriodFacts> ReportReader::Period(const std::string& period_id) {
  pqxx::result r = tx_.exec_params(queries::kPeriodFactsById.sql, period_id);
  if (r.empty()) return std::nullopt;
  return PeriodFacts{Text(r[0][0]), Text(r[0][1]), Int32(r[0][2])};
}

LeaderFacts ReportReader::LeaderFactsOf(const std::string& nip) {
  LeaderFacts facts;
  if (nip.empty()) return facts;
  std::vector<std::string> positions;
  for (const pqxx::row& row : tx_.exec_params(queries::kPositionsHeldByNip.sql, nip)) {
    facts.held.push_back({Text(row[0]), Text(row[1])});
    positions.push_back(Text(row[0]));
  }
  for (const pqxx::row& row : tx_.exec_params(queries::kActingByNip.sql, nip)) {
    facts.acting.push_back(
        {Text(row[0]), db::DayFromField(row[1]), db::OptionalDayFromField(row[2])});
    positions.push_back(Text(row[0]));
  }
  if (positions.empty()) return facts;
  for (const pqxx::row& row :
       tx_.exec_params(queries::kUnitsLedByPositions.sql, db::TextArrayLiteral(positions))) {
    facts.units.push_back(UnitFromRow(row));
  }
  return facts;
}

std::map<std::string, std::string> ReportReader::AgencyNames(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return NamesFrom(tx_.exec_params(queries::kAgencyNames.sql, db::TextArrayLiteral(ids)));
}

std::map<std::string, std::string> ReportReader::UnitNames(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return NamesFrom(tx_.exec_params(queries::kUnitNames.sql, db::TextArrayLiteral(ids)));
}

// --- Distribution -----------------------------------------------------------------------------

std::vector<GroupCounts> ReportReader::PredicateCounts(const ScopePart& part,
                                                       const CountQuery& query) {
  PartArgs args = ArgsOf(part);
  const int grouping = static_cast<int>(query.grouping);
  // The windows as a key range: annual 0..0, one periodic window w..w, every one 1..12.
  const bool every_window = query.kind != "ANNUAL" && query.window_index == 0;
  const int window_lo = every_window ? 1 : query.window_index;
  const int window_hi = every_window ? 12 : query.window_index;
  pqxx::result rows;
  if (part.root_unit.empty() && query.grouping != Grouping::kUnit) {
    rows = tx_.exec_params(queries::kAgencyPredicateCounts.sql, query.year, query.kind, window_lo,
                           window_hi, query.position_type, args.all, args.agencies, grouping);
  } else {
    const int depth = part.root_unit.empty() ? 1 : part.root_depth;
    rows = tx_.exec_params(queries::kUnitPredicateCounts.sql, query.year, query.kind, window_lo,
                           window_hi, query.position_type, args.all, args.agencies, args.root,
                           grouping, depth);
  }
  std::map<std::string, PredicateArray> groups;
  for (const pqxx::row& row : rows) {
    const int predicate = Int32(row[1]);
    if (predicate < 1 || predicate > 5) continue;
    groups[Text(row[0])][predicate - 1] += Int(row[2]);
  }
  std::vector<GroupCounts> out;
  for (auto& [id, counts] : groups) out.push_back(GroupCounts{id, counts});
  return out;
}

// --- Compliance ---------------------------------------------------------------------------------

std::pair<int64_t, int64_t> ReportReader::ComplianceTotals(const EffectiveScope& scope,
                                                           const ScopePart& part) {
  PartArgs args = ArgsOf(part);
  pqxx::row row = tx_.exec_params1(queries::kComplianceTotals.sql, scope.year, scope.period_id,
                                   args.all, args.agencies, args.root);
  return {Int(row[0]), Int(row[1])};
}

std::vector<ComplianceUnitRow> ReportReader::ComplianceUnits(const EffectiveScope& scope,
                                                             const ScopePart& part,
                                                             bool breaking_only, int limit) {
  PartArgs args = ArgsOf(part);
  std::vector<ComplianceUnitRow> out;
  for (const pqxx::row& row :
       tx_.exec_params(queries::kComplianceUnits.sql, scope.year, scope.period_id, args.all,
                       args.agencies, args.root, breaking_only, limit)) {
    ComplianceUnitRow u;
    u.unit_id = Text(row[0]);
    u.unit_name = Text(row[1]);
    u.agency_id = Text(row[2]);
    u.period_id = Text(row[3]);
    u.org_predicate = Int32(row[4]);
    u.unit_staff = Int32(row[5]);
    for (int i = 0; i < 5; ++i) u.counts[i] = Int32(row[6 + i]);
    u.violations_json = Text(row[11]);
    u.skipped_small_unit = Bool(row[12]);
    u.breaking = Bool(row[13]);
    out.push_back(std::move(u));
  }
  return out;
}

int64_t ReportReader::UnitsWithoutOrgPredicate(const EffectiveScope& scope, const ScopePart& part) {
  PartArgs args = ArgsOf(part);
  return Int(tx_.exec_params1(queries::kUnitsWithoutOrgPredicate.sql, scope.year, scope.period_id,
                              args.all, args.agencies, args.root)[0]);
}

// --- Participation ------------------------------------------------------------------------------

std::vector<PlanDeadlineGroup> ReportReader::PlanDeadlineGroups(const EffectiveScope& scope,
                                                                const ScopePart& part) {
  std::vector<PlanDeadlineGroup> out;
  for (const pqxx::row& row : RunScoped(tx_, queries::kPlanDeadlineGroups, scope, part)) {
    if (row[0].is_null()) continue;  // no deadline known: neither on time nor overdue
    out.push_back(PlanDeadlineGroup{db::DayFromField(row[0]), db::OptionalDayFromField(row[1]),
                                    Bool(row[2]), db::OptionalDayFromField(row[3]), Int(row[4])});
  }
  return out;
}

std::vector<PlanWindowGroup> ReportReader::ApprovedPlanWindowGroups(const EffectiveScope& scope,
                                                                    const ScopePart& part,
                                                                    int default_grace_days) {
  std::vector<PlanWindowGroup> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kApprovedPlanWindowGroups, scope, part, default_grace_days)) {
    if (row[1].is_null() || row[2].is_null()) continue;
    out.push_back(PlanWindowGroup{KeyFromRow(row, 0), Int(row[4])});
  }
  return out;
}

std::vector<IndicatorGroup> ReportReader::ApprovedPlanIndicatorGroups(const EffectiveScope& scope,
                                                                      const ScopePart& part,
                                                                      int default_grace_days) {
  std::vector<IndicatorGroup> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kApprovedPlanIndicatorGroups, scope, part, default_grace_days)) {
    if (row[1].is_null() || row[2].is_null()) continue;
    out.push_back(
        IndicatorGroup{KeyFromRow(row, 0), db::OptionalDayFromField(row[4]), Int(row[5])});
  }
  return out;
}

std::vector<RealisationWindowGroup> ReportReader::RealisationWindowGroups(
    const EffectiveScope& scope, const ScopePart& part, int default_grace_days) {
  std::vector<RealisationWindowGroup> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kRealisationWindowGroups, scope, part, default_grace_days)) {
    if (row[1].is_null() || row[2].is_null()) continue;
    out.push_back(
        RealisationWindowGroup{KeyFromRow(row, 0), Int32(row[4]), Int(row[5]), Int(row[6])});
  }
  return out;
}

std::vector<AssessmentWindowGroup> ReportReader::FinalisedAssessmentWindowGroups(
    const EffectiveScope& scope, const ScopePart& part, int default_grace_days) {
  std::vector<AssessmentWindowGroup> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kFinalisedAssessmentWindowGroups, scope, part, default_grace_days)) {
    if (row[1].is_null() || row[2].is_null()) continue;
    out.push_back(
        AssessmentWindowGroup{KeyFromRow(row, 0), Text(row[4]), Int32(row[5]), Int(row[6])});
  }
  return out;
}

std::vector<UnapprovedPlan> ReportReader::UnapprovedPlans(const EffectiveScope& scope,
                                                          const ScopePart& part) {
  std::vector<UnapprovedPlan> out;
  for (const pqxx::row& row : RunScoped(tx_, queries::kUnapprovedPlans, scope, part)) {
    if (row[6].is_null()) continue;
    out.push_back(UnapprovedPlan{PersonFromRow(row), db::DayFromField(row[6]),
                                 db::OptionalDayFromField(row[7])});
  }
  return out;
}

std::vector<ApprovedPlanProgress> ReportReader::ApprovedPlans(const EffectiveScope& scope,
                                                              const ScopePart& part,
                                                              int default_grace_days) {
  std::vector<ApprovedPlanProgress> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kApprovedPlanProgress, scope, part, default_grace_days)) {
    if (row[9].is_null() || row[10].is_null()) continue;
    ApprovedPlanProgress p;
    p.plan = PersonFromRow(row);
    p.assessor_nip = Text(row[6]);
    p.assessor_name = Text(row[7]);
    p.key = KeyFromRow(row, 8);
    for (const auto& day : Json(row[12])) {
      p.indicators_due_from.push_back(
          day.is_null() ? std::nullopt
                        : std::optional(absl::CivilDay(1970, 1, 1) + day.get<int64_t>()));
    }
    const nlohmann::json filed = Json(row[13]);
    for (const auto& [window, n] : filed.items()) {
      p.filed_by_window[std::stoi(window)] = n.get<int>();
    }
    for (const auto& w : Json(row[14])) p.periodic_finalised.push_back(w.get<int>());
    p.annual_finalised = Bool(row[15]);
    out.push_back(std::move(p));
  }
  return out;
}

// --- Development needs --------------------------------------------------------------------------

int64_t ReportReader::AssessedEmployees(const EffectiveScope& scope, const ScopePart& part) {
  return Int(RunScoped(tx_, queries::kAssessedEmployees, scope, part)[0][0]);
}

std::map<int, DevelopmentValueCounts> ReportReader::DevelopmentValues(
    const EffectiveScope& scope, const ScopePart& part,
    const std::vector<std::string>& value_names) {
  std::map<int, DevelopmentValueCounts> out;
  for (const pqxx::row& row : RunScoped(tx_, queries::kDevelopmentValueCounts, scope, part,
                                        db::TextArrayLiteral(value_names))) {
    const std::string kind = Text(row[0]);
    DevelopmentValueCounts& v = out[Int32(row[1])];
    const int64_t n = Int(row[3]);
    if (kind == "RATED") {
      v.rated_below = n;
    } else if (kind == "PEER") {
      v.peer_below = n;
    } else if (kind == "EMPLOYEES") {
      v.employees = n;
    } else if (kind == "UNIT") {
      v.top_units.emplace_back(Text(row[2]), n);
    }
  }
  for (auto& [idx, v] : out) {
    std::sort(v.top_units.begin(), v.top_units.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
  }
  return out;
}

int64_t ReportReader::BehaviourBelowWithoutValues(const EffectiveScope& scope,
                                                  const ScopePart& part) {
  return Int(RunScoped(tx_, queries::kBehaviourBelowWithoutValues, scope, part)[0][0]);
}

// --- Recognition ------------------------------------------------------------------------------

std::vector<RecognitionFactsRow> ReportReader::RecognitionFacts(const EffectiveScope& scope,
                                                                const ScopePart& part) {
  std::vector<RecognitionFactsRow> out;
  for (const pqxx::row& row : RunScoped(tx_, queries::kRecognitionFacts, scope, part)) {
    RecognitionFactsRow r;
    r.employee_id = Text(row[0]);
    r.nip = Text(row[1]);
    r.name = Text(row[2]);
    r.unit_id = Text(row[3]);
    r.unit_name = Text(row[4]);
    r.position_type = Text(row[5]);
    r.agency_id = Text(row[6]);
    r.annual_finalised = Int32(row[7]);
    r.annual_sangat_baik = Int32(row[8]);
    r.periodic_finalised = Int32(row[9]);
    r.periodic_sangat_baik = Int32(row[10]);
    r.realisations_with_evidence = Int32(row[11]);
    for (const auto& y : Json(row[12])) r.sangat_baik_years.push_back(y.get<int>());
    out.push_back(std::move(r));
  }
  return out;
}

// --- Indicator health -------------------------------------------------------------------------

std::pair<int64_t, int64_t> ReportReader::PublicServicePlanCounts(const EffectiveScope& scope,
                                                                  const ScopePart& part) {
  pqxx::result r = RunScoped(tx_, queries::kPublicServicePlanCounts, scope, part);
  return {Int(r[0][0]), Int(r[0][1])};
}

std::vector<PlanFindingRow> ReportReader::PlansWithoutQuality(const EffectiveScope& scope,
                                                              const ScopePart& part, int limit) {
  std::vector<PlanFindingRow> out;
  for (const pqxx::row& row : RunScoped(tx_, queries::kPlansWithoutQuality, scope, part, limit)) {
    out.push_back(PlanFindingRow{Text(row[0]), Text(row[1]), Text(row[2]), Text(row[3]),
                                 Text(row[4]), Text(row[5])});
  }
  return out;
}

std::vector<IndicatorStatsRow> ReportReader::IndicatorWindowStats(const EffectiveScope& scope,
                                                                  const ScopePart& part,
                                                                  int min_windows) {
  std::vector<IndicatorStatsRow> out;
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kIndicatorWindowStats, scope, part, min_windows)) {
    IndicatorStatsRow s;
    s.plan_id = Text(row[0]);
    s.indicator_id = Text(row[1]);
    s.indicator_text = Text(row[2]);
    s.employee_name = Text(row[3]);
    s.nip = Text(row[4]);
    s.unit_id = Text(row[5]);
    s.unit_name = Text(row[6]);
    s.target_min = Double(row[7]);
    s.target_max = Double(row[8]);
    s.target_unit = Text(row[9]);
    s.lower_is_better = Bool(row[10]);
    s.windows = Int32(row[11]);
    s.min_value = Double(row[12]);
    s.max_value = Double(row[13]);
    out.push_back(std::move(s));
  }
  return out;
}

// --- Rater statistics
// -----------------------------------------------------------------------------

int64_t ReportReader::RaterCount(const EffectiveScope& scope, const ScopePart& part) {
  return Int(RunScoped(tx_, queries::kRaterCount, scope, part)[0][0]);
}

std::vector<AssessorKey> ReportReader::RaterPage(const EffectiveScope& scope, const ScopePart& part,
                                                 const std::optional<AssessorKey>& after,
                                                 int limit) {
  std::vector<AssessorKey> out;
  const AssessorKey last = after.value_or(AssessorKey{});
  for (const pqxx::row& row : RunScoped(tx_, queries::kRaterPage, scope, part, !after.has_value(),
                                        last.nip, last.name, limit)) {
    out.push_back(AssessorKey{Text(row[0]), Text(row[1])});
  }
  return out;
}

std::vector<RaterUnitTally> ReportReader::RaterUnitTallies(
    const EffectiveScope& scope, const ScopePart& part, const std::vector<AssessorKey>& assessors) {
  std::vector<RaterUnitTally> out;
  if (assessors.empty()) return out;
  auto [nips, names] = AssessorArrays(assessors);
  for (const pqxx::row& row :
       RunScoped(tx_, queries::kRaterUnitTallies, scope, part, nips, names)) {
    RaterUnitTally t;
    t.assessor = AssessorKey{Text(row[0]), Text(row[1])};
    t.unit_id = Text(row[2]);
    t.unit_name = Text(row[3]);
    t.agency_id = Text(row[4]);
    t.assessments = Int(row[5]);
    t.ratings = RatingsFromRow(row, 6);
    out.push_back(std::move(t));
  }
  return out;
}

std::map<std::string, RatingCounts> ReportReader::UnitRatingTotals(
    const EffectiveScope& scope, const std::vector<std::string>& unit_ids) {
  std::map<std::string, RatingCounts> out;
  if (unit_ids.empty()) return out;
  for (const pqxx::row& row :
       tx_.exec_params(queries::kUnitRatingTotals.sql, scope.year, scope.period_id,
                       scope.position_type, db::TextArrayLiteral(unit_ids))) {
    out[Text(row[0])] = RatingsFromRow(row, 1);
  }
  return out;
}

std::vector<Rater360Row> ReportReader::Rater360(const EffectiveScope& scope, const ScopePart& part,
                                                const std::vector<AssessorKey>& assessors) {
  std::vector<Rater360Row> out;
  if (assessors.empty()) return out;
  auto [nips, names] = AssessorArrays(assessors);
  for (const pqxx::row& row : RunScoped(tx_, queries::kRater360, scope, part, nips, names)) {
    out.push_back(Rater360Row{AssessorKey{Text(row[0]), Text(row[1])}, Int32(row[2]), Int(row[3]),
                              Int(row[4]), Int(row[5])});
  }
  return out;
}

// --- Trends
// ---------------------------------------------------------------------------------------

std::vector<int> ReportReader::RecentPlanYears(const EffectiveScope& scope, const ScopePart& part,
                                               int up_to) {
  PartArgs args = ArgsOf(part);
  std::vector<int> years;
  for (const pqxx::row& row :
       tx_.exec_params(queries::kRecentPlanYears.sql, up_to, scope.position_type, args.all,
                       args.agencies, args.root)) {
    years.push_back(Int32(row[0]));
  }
  return years;
}

std::map<int, std::pair<int64_t, int64_t>> ReportReader::PlansByYear(const EffectiveScope& scope,
                                                                     const ScopePart& part,
                                                                     int from_year, int to_year) {
  PartArgs args = ArgsOf(part);
  std::map<int, std::pair<int64_t, int64_t>> out;
  for (const pqxx::row& row :
       tx_.exec_params(queries::kPlansByYear.sql, from_year, to_year, scope.position_type, args.all,
                       args.agencies, args.root)) {
    out[Int32(row[0])] = {Int(row[1]), Int(row[2])};
  }
  return out;
}

std::map<int, int64_t> ReportReader::BreakingUnitsByYear(const ScopePart& part, int from_year,
                                                         int to_year) {
  PartArgs args = ArgsOf(part);
  std::map<int, int64_t> out;
  for (const pqxx::row& row : tx_.exec_params(queries::kBreakingUnitsByYear.sql, from_year, to_year,
                                              args.all, args.agencies, args.root)) {
    out[Int32(row[0])] = Int(row[1]);
  }
  return out;
}

}  // namespace kinerja::analytics::store
