// The assessments of a batch of review events, written together: the latest event of each
// assessment, one statement per step, and the counters changed by the summed difference between
// what the rows counted before the batch and what they count after it.
#include <compare>
#include <map>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include "services/analytics/store/ingest_batch.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"

namespace kinerja::analytics::store::internal {
namespace {

namespace rv1 = ::kinerja::review::v1;

// One counter of predicate_counts.
struct CountKey {
  int year = 0;
  std::string kind;
  int window_index = 0;
  std::string agency_id;
  std::string unit_id;
  std::string position_type;
  int predicate = 0;

  auto operator<=>(const CountKey&) const = default;
};

// What an assessment's row counted and where it belonged before the batch.
struct Before {
  std::optional<CountKey> counted;
  std::string unit_id;
  std::string period_id;
  bool annual = false;
};

template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value.has_value() ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json RowOf(const StagedAssessment& s) {
  const rv1::Assessment& a = s.assessment;
  return {{"assessment_id", a.id()},
          {"plan_id", a.plan_id()},
          {"period_id", a.period_id()},
          {"agency_id", a.agency_id()},
          {"year", a.window().year()},
          {"kind", s.kind},
          {"window_index", a.window().index()},
          {"window_end", Nullable(DateParam(a.window().end_date()))},
          {"unit_id", a.unit_id()},
          {"unit_head", a.unit_head()},
          {"position_type", a.position_type()},
          {"employee_id", a.employee().employee_id()},
          {"nip", a.employee().nip()},
          {"name", a.employee().name()},
          {"assessor_nip", a.assessor().nip()},
          {"assessor_name", a.assessor().name()},
          {"results_rating", Nullable(CodeOrNull(a.results_rating()))},
          {"behaviour_rating", Nullable(CodeOrNull(a.behaviour_rating()))},
          {"predicate", Nullable(CodeOrNull(a.predicate()))},
          {"finalised", a.state() == rv1::ASSESSMENT_STATE_FINALISED},
          {"finalise_micros", Nullable(MicrosParam(a.finalise_time()))},
          {"seq", s.seq}};
}

std::map<std::string, Before> RowsBefore(pqxx::work& tx, const nlohmann::json& ids) {
  std::map<std::string, Before> before;
  for (const pqxx::row& r : db::Exec(tx, queries::kAssessmentsBefore, JsonParam(ids))) {
    Before& b = before[r[0].as<std::string>()];
    b.unit_id = r[6].as<std::string>();
    b.period_id = r[9].as<std::string>();
    b.annual = r[2].as<std::string>() == "ANNUAL";
    if (r[1].as<bool>() && !r[8].is_null()) {
      b.counted = CountKey{.year = r[3].as<int>(),
                           .kind = r[2].as<std::string>(),
                           .window_index = r[4].as<int>(),
                           .agency_id = r[5].as<std::string>(),
                           .unit_id = b.unit_id,
                           .position_type = r[7].as<std::string>(),
                           .predicate = r[8].as<int>()};
    }
  }
  return before;
}

// The assessor's per-value behaviour ratings (development needs) of the assessments written.
void ReplaceValues(pqxx::work& tx, const nlohmann::json& written,
                   const std::map<std::string, StagedAssessment>& staged) {
  nlohmann::json values = nlohmann::json::array();
  for (const nlohmann::json& id : written) {
    const rv1::Assessment& a = staged.at(id.get<std::string>()).assessment;
    for (const rv1::BehaviourValueRating& v : a.behaviour_values()) {
      if (v.value() == rv1::CORE_VALUE_UNSPECIFIED || v.rating() == rv1::RATING_UNSPECIFIED) {
        continue;
      }
      values.push_back({{"assessment_id", a.id()},
                        {"core_value", EnumSuffix(rv1::CoreValue_Name(v.value()), "CORE_VALUE_")},
                        {"rating", static_cast<int>(v.rating())}});
    }
  }
  db::Exec(tx, queries::kDeleteAssessmentValues, JsonParam(written));
  if (!values.empty()) db::Exec(tx, queries::kInsertAssessmentValues, JsonParam(values));
}

void AddCounts(pqxx::work& tx, const std::map<CountKey, int>& deltas) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& [k, n] : deltas) {
    if (n == 0) continue;
    changes.push_back({{"year", k.year},
                       {"kind", k.kind},
                       {"window_index", k.window_index},
                       {"agency_id", k.agency_id},
                       {"unit_id", k.unit_id},
                       {"position_type", k.position_type},
                       {"predicate", k.predicate},
                       {"n", n}});
  }
  if (!changes.empty()) db::Exec(tx, queries::kAddPredicateCounts, JsonParam(changes));
}

}  // namespace

absl::Status FlushAssessments(pqxx::work& tx, Staged& staged) {
  if (staged.assessments().empty()) return absl::OkStatus();
  nlohmann::json ids = nlohmann::json::array();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [id, s] : staged.assessments()) {
    ids.push_back(id);
    rows.push_back(RowOf(s));
  }
  const std::map<std::string, Before> before = RowsBefore(tx, ids);
  // Only the events newer than their row are written (an old event delivered again is not).
  pqxx::result applied = db::Exec(tx, queries::kUpsertAssessments, JsonParam(rows));
  if (applied.empty()) return absl::OkStatus();

  nlohmann::json written = nlohmann::json::array();
  std::map<CountKey, int> deltas;
  for (const pqxx::row& r : applied) {
    const std::string id = r[0].as<std::string>();
    written.push_back(id);
    const StagedAssessment& s = staged.assessments().at(id);
    const rv1::Assessment& a = s.assessment;
    // Counters: take back what the row counted before, count what it counts now.
    if (auto b = before.find(id); b != before.end()) {
      if (b->second.counted.has_value()) --deltas[*b->second.counted];
      // An annual assessment leaving its unit or period changes that unit's compliance too.
      if (b->second.annual) staged.RefreshCompliance(b->second.unit_id, b->second.period_id);
    }
    const std::optional<int> predicate = CodeOrNull(a.predicate());
    if (a.state() == rv1::ASSESSMENT_STATE_FINALISED && predicate.has_value()) {
      ++deltas[CountKey{.year = a.window().year(),
                        .kind = s.kind,
                        .window_index = a.window().index(),
                        .agency_id = a.agency_id(),
                        .unit_id = a.unit_id(),
                        .position_type = a.position_type(),
                        .predicate = *predicate}];
    }
    if (s.kind == "ANNUAL") staged.RefreshCompliance(a.unit_id(), a.period_id());
  }
  ReplaceValues(tx, written, staged.assessments());
  AddCounts(tx, deltas);
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store::internal
