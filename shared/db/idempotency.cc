#include "shared/db/idempotency.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"

namespace kinerja::db {

absl::StatusOr<std::optional<std::string>> LookupResponse(pqxx::work& tx,
                                                          const IdempotencyKey& key) {
  tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                 absl::StrCat(key.principal, "\x1f", key.method, "\x1f", key.request_id));
  pqxx::result r = tx.exec_params(
      "SELECT fingerprint, response FROM idempotency_keys "
      "WHERE principal = $1 AND method = $2 AND request_id = $3",
      key.principal, key.method, key.request_id);
  if (r.empty()) return std::optional<std::string>();
  if (r[0][0].as<std::string>() != key.fingerprint) {
    return absl::InvalidArgumentError(
        "request_id: already used for a different request; use a new request_id");
  }
  return std::optional<std::string>(pqxx::binarystring(r[0][1]).str());
}

void StoreResponse(pqxx::work& tx, const IdempotencyKey& key, const std::string& response) {
  tx.exec_params0(
      "INSERT INTO idempotency_keys (principal, method, request_id, fingerprint, response) "
      "VALUES ($1, $2, $3, $4, $5)",
      key.principal, key.method, key.request_id, key.fingerprint, pqxx::binarystring(response));
}

}  // namespace kinerja::db
