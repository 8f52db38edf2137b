// Error helpers for the domain and store layers, in plain absl::Status (no gRPC types).
//
// Convention: an INVALID_ARGUMENT message starts with the offending field's path ("nip: ...").
// The edge (shared/server/status_mapping) turns that into a google.rpc.BadRequest field
// violation; a reason attached here becomes google.rpc.ErrorInfo.reason.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace kinerja::errors {

struct FieldViolation {
  std::string field;
  std::string description;

  friend bool operator==(const FieldViolation&, const FieldViolation&) = default;
};

// INVALID_ARGUMENT "field: description" carrying the violation.
absl::Status InvalidField(absl::string_view field, absl::string_view description);
// INVALID_ARGUMENT listing several violations (the message names the first).
absl::Status InvalidFields(const std::vector<FieldViolation>& violations);
// FAILED_PRECONDITION with a machine-readable reason (UPPER_SNAKE_CASE).
absl::Status RuleViolation(absl::string_view reason, absl::string_view message);
// NOT_FOUND "<what> <id> not found".
absl::Status NotFound(absl::string_view what, absl::string_view id);

// Attaches / reads the machine-readable reason of any status.
absl::Status WithReason(absl::Status status, absl::string_view reason);
std::optional<std::string> ReasonOf(const absl::Status& status);

// A refusal for lack of capacity (RESOURCE_EXHAUSTED) that the client may retry after `delay`;
// the edge sends it as google.rpc.RetryInfo.
absl::Status Overloaded(absl::string_view message, absl::Duration delay);
std::optional<absl::Duration> RetryDelayOf(const absl::Status& status);

// Field violations carried by the status, or derived from a "field: description" message.
std::vector<FieldViolation> ViolationsOf(const absl::Status& status);

// Prefixes the field paths of an INVALID_ARGUMENT status (e.g. "employee." + "nip"), so domain
// errors name the request field. Other statuses pass through unchanged.
absl::Status PrefixField(absl::Status status, absl::string_view prefix);

}  // namespace kinerja::errors

// Envoy-style early return: RETURN_IF_ERROR(expr) / ASSIGN_OR_RETURN(lhs, expr).
#define KINERJA_CONCAT_INNER(a, b) a##b
#define KINERJA_CONCAT(a, b) KINERJA_CONCAT_INNER(a, b)
#define RETURN_IF_ERROR(expr)                                   \
  do {                                                          \
    if (absl::Status _kinerja_st = (expr); !_kinerja_st.ok()) { \
      return _kinerja_st;                                       \
    }                                                           \
  } while (false)
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(KINERJA_CONCAT(_kinerja_sor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = *std::move(tmp)
