#include "services/analytics/store/compliance_refresh.h"

#include <algorithm>

#include <nlohmann/json.hpp>

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

absl::Status RefreshCompliance(pqxx::work& tx, const std::string& unit_id,
                               const std::string& period_id) {
  if (unit_id.empty() || period_id.empty()) return absl::OkStatus();
  db::Exec(tx, queries::kLockUnitCompliance, period_id, unit_id);
  pqxx::result facts = db::Exec(tx, queries::kComplianceFacts, unit_id, period_id);
  if (facts.empty()) {
    db::Exec(tx, queries::kDeleteUnitCompliance, period_id, unit_id);
    return absl::OkStatus();
  }
  const pqxx::row row = facts[0];
  ComplianceFacts f{.unit_id = unit_id,
                    .period_id = period_id,
                    .agency_id = row[1].as<std::string>(),
                    .year = row[2].as<int>(),
                    .org_predicate = row[0].as<int>(),
                    .unit_staff = row[3].as<int>()};
  for (int code = 1; code <= 5; ++code) f.finalised[code - 1] = row[3 + code].as<int>();
  absl::StatusOr<std::optional<ComplianceRow>> evaluated = EvaluateComplianceFacts(f);
  if (!evaluated.ok()) return evaluated.status();
  if (!evaluated->has_value()) return absl::OkStatus();
  const ComplianceRow& r = **evaluated;
  db::Exec(tx, queries::kUpsertUnitCompliance, r.period_id, r.unit_id, r.agency_id, r.year,
           r.org_predicate, r.unit_staff, IntArrayLiteral(r.counts), r.violations, r.breaking,
           r.excess_staff, r.skipped_small_unit);
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store::internal
