#include "shared/errors/errors.h"

#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kinerja::errors {
namespace {

constexpr absl::string_view kReasonUrl = "type.kinerja.dev/reason";
constexpr absl::string_view kFieldsUrl = "type.kinerja.dev/field-violations";
constexpr absl::string_view kRetryDelayUrl = "type.kinerja.dev/retry-delay";

// Field violations travel as "field\tdescription\n" lines.
std::string EncodeViolations(const std::vector<FieldViolation>& violations) {
  std::string out;
  for (const auto& v : violations) absl::StrAppend(&out, v.field, "\t", v.description, "\n");
  return out;
}

bool LooksLikeFieldPath(absl::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '[' &&
        c != ']') {
      return false;
    }
  }
  return true;
}

}  // namespace

absl::Status InvalidField(absl::string_view field, absl::string_view description) {
  return InvalidFields({{std::string(field), std::string(description)}});
}

absl::Status InvalidFields(const std::vector<FieldViolation>& violations) {
  std::string message = violations.empty()
                            ? "invalid request"
                            : absl::StrCat(violations[0].field, ": ", violations[0].description);
  if (violations.size() > 1) absl::StrAppend(&message, " (and ", violations.size() - 1, " more)");
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kFieldsUrl, absl::Cord(EncodeViolations(violations)));
  return status;
}

absl::Status RuleViolation(absl::string_view reason, absl::string_view message) {
  return WithReason(absl::FailedPreconditionError(message), reason);
}

absl::Status NotFound(absl::string_view what, absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(what, " ", id, " not found"));
}

absl::Status WithReason(absl::Status status, absl::string_view reason) {
  status.SetPayload(kReasonUrl, absl::Cord(reason));
  return status;
}

std::optional<std::string> ReasonOf(const absl::Status& status) {
  auto payload = status.GetPayload(kReasonUrl);
  if (!payload.has_value()) return std::nullopt;
  return std::string(*payload);
}

absl::Status Overloaded(absl::string_view message, absl::Duration delay) {
  absl::Status status = absl::ResourceExhaustedError(message);
  status.SetPayload(kRetryDelayUrl, absl::Cord(absl::StrCat(absl::ToInt64Milliseconds(delay))));
  return WithReason(std::move(status), "OVERLOADED");
}

std::optional<absl::Duration> RetryDelayOf(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryDelayUrl);
  int64_t ms = 0;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &ms)) return std::nullopt;
  return absl::Milliseconds(ms);
}

std::vector<FieldViolation> ViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  if (auto payload = status.GetPayload(kFieldsUrl); payload.has_value()) {
    for (absl::string_view line : absl::StrSplit(std::string(*payload), '\n', absl::SkipEmpty())) {
      std::pair<absl::string_view, absl::string_view> kv =
          absl::StrSplit(line, absl::MaxSplits('\t', 1));
      out.push_back({std::string(kv.first), std::string(kv.second)});
    }
    return out;
  }
  if (status.code() != absl::StatusCode::kInvalidArgument) return out;
  absl::string_view message = status.message();
  size_t colon = message.find(": ");
  if (colon != absl::string_view::npos && LooksLikeFieldPath(message.substr(0, colon))) {
    out.push_back({std::string(message.substr(0, colon)), std::string(message.substr(colon + 2))});
  }
  return out;
}

absl::Status PrefixField(absl::Status status, absl::string_view prefix) {
  if (status.code() != absl::StatusCode::kInvalidArgument) return status;
  std::vector<FieldViolation> violations = ViolationsOf(status);
  if (violations.empty()) return status;
  for (auto& v : violations) v.field = absl::StrCat(prefix, v.field);
  absl::Status out = InvalidFields(violations);
  if (auto reason = ReasonOf(status)) out = WithReason(out, *reason);
  return out;
}

}  // namespace kinerja::errors
