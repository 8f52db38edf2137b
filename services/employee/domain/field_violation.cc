#include "services/employee/domain/field_violation.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

// Length of a leading "<word>: " (word = letters, digits, '_', '.', '[', ']'), or 0.
size_t FieldPrefixLength(std::string_view message) {
  size_t i = 0;
  while (i < message.size()) {
    char c = message[i];
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '[' &&
        c != ']') {
      break;
    }
    ++i;
  }
  if (i == 0 || message.substr(i, 2) != ": ") return 0;
  return i + 2;
}

}  // namespace

FieldViolation ViolationFromStatus(std::string_view field, const absl::Status& status) {
  std::string_view message = ToStd(status.message());
  message.remove_prefix(FieldPrefixLength(message));
  return FieldViolation{std::string(field), std::string(message)};
}

FieldViolation ViolationFromPrefixedStatus(const absl::Status& status) {
  std::string_view message = ToStd(status.message());
  size_t prefix = FieldPrefixLength(message);
  std::string field(message.substr(0, prefix == 0 ? 0 : prefix - 2));
  return FieldViolation{std::move(field), std::string(message.substr(prefix))};
}

absl::Status ViolationsToStatus(const std::vector<FieldViolation>& violations) {
  if (violations.empty()) return absl::OkStatus();
  std::string message;
  for (const FieldViolation& v : violations) {
    absl::StrAppend(&message, message.empty() ? "" : "; ", v.field, ": ", v.description);
  }
  return absl::InvalidArgumentError(message);
}

}  // namespace kinerja::employee
