#include "services/analytics/store/compliance_refresh.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "services/analytics/domain/compliance.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"

namespace kinerja::analytics::store::internal {

absl::StatusOr<std::optional<ComplianceRow>> EvaluateComplianceFacts(const ComplianceFacts& facts) {
  if (facts.org_predicate < 1 || facts.org_predicate > 5) return std::nullopt;
  rating::PredicateCounts counts;
  for (int code = 1; code <= 5; ++code) {
    counts[static_cast<rating::Predicate>(code)] = facts.finalised[code - 1];
  }
  absl::StatusOr<UnitComplianceResult> result = EvaluateCompliance(
      static_cast<rating::OrgPredicate>(facts.org_predicate), counts, facts.unit_staff);
  if (!result.ok()) return result.status();
  nlohmann::json violations = nlohmann::json::array();
  for (const BandExcess& v : result->violations) {
    violations.push_back({{"rule", v.rule},
                          {"count", v.count},
                          {"pending", v.pending},
                          {"unit_staff", v.unit_staff},
                          {"actual_percent", v.actual_percent},
                          {"limit", v.limit},
                          {"excess_percent", v.excess_percent},
                          {"excess_staff", v.excess_staff}});
  }
  return ComplianceRow{.period_id = facts.period_id,
                       .unit_id = facts.unit_id,
                       .agency_id = facts.agency_id,
                       .year = facts.year,
                       .org_predicate = facts.org_predicate,
                       .unit_staff = std::max(facts.unit_staff, counts.Total()),
                       .counts = {facts.finalised.begin(), facts.finalised.end()},
                       .violations = violations.dump(),
                       .breaking = !result->violations.empty(),
                       .excess_staff = result->excess_staff,
                       .skipped_small_unit = result->skipped_small_unit};
}

absl::Status RefreshCompliance(pqxx::work& tx,
                               const std::set<std::pair<std::string, std::string>>& units) {
  if (units.empty()) return absl::OkStatus();
  nlohmann::json wanted = nlohmann::json::array();
  for (const auto& [period_id, unit_id] : units) {
    wanted.push_back({{"period_id", period_id}, {"unit_id", unit_id}});
  }
  const std::string wanted_text = JsonParam(wanted);
  db::Exec(tx, queries::kLockUnitsCompliance, wanted_text);
  nlohmann::json rows = nlohmann::json::array();
  std::set<std::pair<std::string, std::string>> gone = units;
  for (const pqxx::row& row : db::Exec(tx, queries::kComplianceFacts, wanted_text)) {
    ComplianceFacts f{.unit_id = row[1].as<std::string>(),
                      .period_id = row[0].as<std::string>(),
                      .agency_id = row[3].as<std::string>(),
                      .year = row[4].as<int>(),
                      .org_predicate = row[2].as<int>(),
                      .unit_staff = row[5].as<int>()};
    for (int code = 1; code <= 5; ++code) f.finalised[code - 1] = row[5 + code].as<int>();
    absl::StatusOr<std::optional<ComplianceRow>> evaluated = EvaluateComplianceFacts(f);
    if (!evaluated.ok()) return evaluated.status();
    if (!evaluated->has_value()) continue;  // not a known predicate: no row
    const ComplianceRow& r = **evaluated;
    gone.erase({r.period_id, r.unit_id});
    rows.push_back({{"period_id", r.period_id},
                    {"unit_id", r.unit_id},
                    {"agency_id", r.agency_id},
                    {"year", r.year},
                    {"org_predicate", r.org_predicate},
                    {"unit_staff", r.unit_staff},
                    {"counts", r.counts},
                    {"violations", nlohmann::json::parse(r.violations)},
                    {"breaking", r.breaking},
                    {"excess_staff", r.excess_staff},
                    {"skipped_small_unit", r.skipped_small_unit}});
  }
  if (!rows.empty()) db::Exec(tx, queries::kUpsertUnitCompliance, JsonParam(rows));
  if (!gone.empty()) {
    nlohmann::json deleted = nlohmann::json::array();
    for (const auto& [period_id, unit_id] : gone) {
      deleted.push_back({{"period_id", period_id}, {"unit_id", unit_id}});
    }
    db::Exec(tx, queries::kDeleteUnitCompliance, JsonParam(deleted));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store::internal
