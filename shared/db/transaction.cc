#include "shared/db/transaction.h"

#include <pqxx/except>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "shared/log/log.h"

namespace kinerja::db {
namespace {

// What a caller is told for each class of database failure. The server's own text names tables,
// constraints and values (and may quote personal data), so it stays in the log.
absl::Status FromSqlState(const std::string& state) {
  if (state == "23505") {
    return absl::AlreadyExistsError("a record with the same identifying values already exists");
  }
  if (state == "23503") {
    return absl::FailedPreconditionError(
        "a record this change refers to does not exist, or "
        "other records still refer to this one");
  }
  if (state == "23514" || state == "23P01") {
    return absl::FailedPreconditionError("the change conflicts with a stored rule of the data");
  }
  if (state == "23502") return absl::InvalidArgumentError("a required value is missing");
  if (state == "22001") return absl::InvalidArgumentError("a value is longer than allowed");
  if (state == "22003") return absl::InvalidArgumentError("a number is out of range");
  if (absl::StartsWith(state, "22")) {
    return absl::InvalidArgumentError("a value is not valid for the kind of data it stands for");
  }
  if (state == "40001" || state == "40P01") {
    return absl::AbortedError("the change collided with a concurrent one; retry it");
  }
  if (absl::StartsWith(state, "08") || state == "57P01" || state == "57P02" || state == "57P03") {
    return absl::UnavailableError("the database is not reachable; retry later");
  }
  if (state == "57014") {
    return absl::DeadlineExceededError("the database work did not finish within the deadline");
  }
  if (state == "42501") return absl::PermissionDeniedError("database permission denied");
  return absl::InternalError(absl::StrCat("database error ", state));
}

std::string FirstLine(const char* what) {
  std::string text(what);
  // Only the first line: the rest echoes the query, which may hold personal data.
  return text.substr(0, text.find('\n'));
}

}  // namespace

absl::Status DetailedStatusFromException(const std::exception& e) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return absl::UnavailableError(absl::StrCat("database connection lost: ", FirstLine(e.what())));
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return absl::UnavailableError("database commit outcome unknown");
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    absl::Status mapped = FromSqlState(sql->sqlstate());
    return absl::Status(mapped.code(), FirstLine(sql->what()));
  }
  return absl::InternalError(absl::StrCat("database client error: ", FirstLine(e.what())));
}

absl::Status StatusFromException(const std::exception& e) {
  absl::Status detailed = DetailedStatusFromException(e);
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  log::Warn("database error", {{"sqlstate", sql != nullptr ? sql->sqlstate() : std::string()},
                               {"error", detailed.message()}});
  if (sql != nullptr) return FromSqlState(sql->sqlstate());
  if (absl::IsUnavailable(detailed)) {
    return absl::Status(detailed.code(), dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr
                                             ? "database commit outcome unknown"
                                             : "database connection lost");
  }
  return absl::InternalError("database client error");
}

bool IsRetryable(const absl::Status& status) {
  return absl::IsAborted(status) || absl::IsUnavailable(status);
}

}  // namespace kinerja::db
