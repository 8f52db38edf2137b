#include "shared/db/transaction.h"

#include <pqxx/except>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::db {
namespace {

absl::Status FromSqlState(const std::string& state, const std::string& what) {
  // Only the first line: the rest echoes the query, which may hold personal data.
  std::string reason = what.substr(0, what.find('\n'));
  if (state == "23505") return absl::AlreadyExistsError(reason);
  if (state == "23503" || state == "23514" || state == "23P01") {
    return absl::FailedPreconditionError(reason);
  }
  if (state == "23502" || absl::StartsWith(state, "22")) return absl::InvalidArgumentError(reason);
  if (state == "40001" || state == "40P01") return absl::AbortedError(reason);
  if (absl::StartsWith(state, "08") || state == "57P01" || state == "57P02" || state == "57P03") {
    return absl::UnavailableError(reason);
  }
  if (state == "57014") return absl::DeadlineExceededError(reason);
  if (state == "42501") return absl::PermissionDeniedError(reason);
  return absl::InternalError(absl::StrCat("database error ", state, ": ", reason));
}

}  // namespace

absl::Status StatusFromException(const std::exception& e) {
  if (const auto* broken = dynamic_cast<const pqxx::broken_connection*>(&e)) {
    return absl::UnavailableError(absl::StrCat("database connection lost: ", broken->what()));
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return absl::UnavailableError("database commit outcome unknown");
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    return FromSqlState(sql->sqlstate(), sql->what());
  }
  return absl::InternalError(absl::StrCat("database client error: ", e.what()));
}

bool IsRetryable(const absl::Status& status) {
  return absl::IsAborted(status) || absl::IsUnavailable(status);
}

}  // namespace kinerja::db
