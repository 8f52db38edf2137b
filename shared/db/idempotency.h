// request_id idempotency (AIP-155): the first answer to a mutating call is stored in the same
// transaction as its write, and a retry with the same request_id gets that answer back.
#pragma once

#include <optional>
#include <string>

#include <pqxx/transaction>

#include "absl/status/statusor.h"

namespace kinerja::db {

struct IdempotencyKey {
  std::string principal;
  std::string method;
  std::string request_id;
  // Digest of the request (without request_id): a reused request_id with a different request is
  // refused rather than answered with an unrelated response.
  std::string fingerprint;
};

// Serialises callers with the same key (transaction-scoped advisory lock), then returns the
// stored response bytes if this key was answered before. INVALID_ARGUMENT on fingerprint
// mismatch.
absl::StatusOr<std::optional<std::string>> LookupResponse(pqxx::work& tx,
                                                          const IdempotencyKey& key);

void StoreResponse(pqxx::work& tx, const IdempotencyKey& key, const std::string& response);

}  // namespace kinerja::db
