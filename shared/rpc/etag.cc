#include "shared/rpc/etag.h"

#include <algorithm>
#include <charconv>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace kinerja::rpc {
namespace {

constexpr std::string_view kPrefix = "W/\"";
constexpr std::string_view kSuffix = "\"";

// Digits with an optional '-', no leading zeros: one spelling per version, so etags compare
// equal exactly when versions do.
bool IsCanonicalInteger(std::string_view s) {
  std::string_view digits = s.starts_with('-') ? s.substr(1) : s;
  if (digits.empty() || (digits.size() > 1 && digits[0] == '0') || s == "-0") return false;
  return std::all_of(digits.begin(), digits.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string EtagFor(int64_t version) {
  return absl::StrFormat("%s%d%s", kPrefix, version, kSuffix);
}

absl::StatusOr<int64_t> VersionFromEtag(std::string_view etag) {
  if (etag.empty()) return absl::InvalidArgumentError("etag: empty");
  if (etag.size() > 32 || !etag.starts_with(kPrefix) || !etag.ends_with(kSuffix) ||
      etag.size() < kPrefix.size() + kSuffix.size()) {
    return absl::InvalidArgumentError("etag: not an etag issued by this service");
  }
  std::string_view inner = etag.substr(kPrefix.size(), etag.size() - kPrefix.size() - 1);
  int64_t version = 0;
  const char* end = inner.data() + inner.size();
  auto [ptr, ec] = std::from_chars(inner.data(), end, version);
  if (!IsCanonicalInteger(inner) || ec != std::errc() || ptr != end) {
    return absl::InvalidArgumentError("etag: not an etag issued by this service");
  }
  return version;
}

}  // namespace kinerja::rpc
