#include "services/analytics/store/rebuild.h"

#include <pqxx/pqxx>

#include "services/analytics/store/compliance_refresh.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics::store {

absl::Status RebuildDerived(pqxx::work& tx) {
  db::Exec(tx, queries::kClearPredicateCounts);
  db::Exec(tx, queries::kClearAgencyPredicateCounts);
  db::Exec(tx, queries::kRecountPredicates);
  db::Exec(tx, queries::kRecountAgencyPredicates);
  db::Exec(tx, queries::kClearUnitCompliance);
  for (const pqxx::row& row : db::Exec(tx, queries::kUnitsWithOrgPredicate)) {
    RETURN_IF_ERROR(
        internal::RefreshCompliance(tx, row[0].as<std::string>(), row[1].as<std::string>()));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store
