// For store and service test fixtures: seals a schema's audit rows and verifies its hash chain, so
// that every test's real audit rows (names, nested JSON, numbers) also prove that the database's
// sealer and db::VerifyAuditChain encode and hash them alike.
#pragma once

#include <string>

#include "absl/status/status.h"

namespace kinerja::testing {

// OK when the chain of `schema` in the database at `dsn` is intact once all rows are sealed;
// otherwise names the first broken row.
absl::Status SealAndVerifyAuditChain(const std::string& dsn, const std::string& schema);

}  // namespace kinerja::testing
