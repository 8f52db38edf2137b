#include "services/analytics/store/compliance_refresh.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/analytics/domain/compliance.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"

namespace kinerja::analytics::store::internal {

absl::Status RefreshCompliance(pqxx::work& tx, const std::string& unit_id,
                               const std::string& period_id) {
  if (unit_id.empty() || period_id.empty()) return absl::OkStatus();
  pqxx::result facts = db::Exec(tx, queries::kComplianceFacts, unit_id, period_id);
  if (facts.empty()) {
    db::Exec(tx, queries::kDeleteUnitCompliance, period_id, unit_id);
    return absl::OkStatus();
  }
  const pqxx::row row = facts[0];
  const int org = row[0].as<int>();
  if (org < 1 || org > 5) return absl::OkStatus();
  rating::PredicateCounts counts;
  std::vector<int> by_code;
  for (int code = 1; code <= 5; ++code) {
    const int n = row[3 + code].as<int>();
    counts[static_cast<rating::Predicate>(code)] = n;
    by_code.push_back(n);
  }
  absl::StatusOr<UnitComplianceResult> result =
      EvaluateCompliance(static_cast<rating::OrgPredicate>(org), counts, row[3].as<int>());
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
  const int staff = std::max(row[3].as<int>(), counts.Total());
  db::Exec(tx, queries::kUpsertUnitCompliance, period_id, unit_id, row[1].as<std::string>(),
           row[2].as<int>(), org, staff, IntArrayLiteral(by_code), violations.dump(),
           !result->violations.empty(), result->excess_staff, result->skipped_small_unit);
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store::internal
