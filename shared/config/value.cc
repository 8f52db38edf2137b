#include "shared/config/value.h"

#include <charconv>
#include <limits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "shared/text/text.h"

namespace kinerja::config {
namespace {

absl::Status Bad(const Option& option, std::string_view what, std::string_view text) {
  if (option.secret) return absl::InvalidArgumentError(ToAbsl(what));
  return absl::InvalidArgumentError(
      absl::StrCat(ToAbsl(what), ", got \"", absl::CHexEscape(ToAbsl(text)), "\""));
}

bool ParseInt64(std::string_view text, int64_t* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return !text.empty() && ec == std::errc() && ptr == end;
}

std::string RangeText(const Option& option) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (option.min != kMin && option.max != kMax) {
    return absl::StrCat("must be between ", option.min, " and ", option.max);
  }
  if (option.min != kMin) return absl::StrCat("must be at least ", option.min);
  return absl::StrCat("must be at most ", option.max);
}

absl::StatusOr<OptionValue> ParseInt(const Option& option, std::string_view text) {
  int64_t value = 0;
  if (!ParseInt64(text, &value)) return Bad(option, "must be an integer", text);
  if (value < option.min || value > option.max) return Bad(option, RangeText(option), text);
  return value;
}

absl::StatusOr<OptionValue> ParseDuration(const Option& option, std::string_view text) {
  absl::Duration d;
  if (!absl::ParseDuration(ToAbsl(text), &d) || d < absl::ZeroDuration() ||
      d == absl::InfiniteDuration()) {
    return Bad(option, "must be a duration like 5s or 250ms", text);
  }
  return d;
}

absl::StatusOr<OptionValue> ParseBool(const Option& option, std::string_view text) {
  std::string lower = absl::AsciiStrToLower(ToAbsl(text));
  if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") return true;
  if (lower == "false" || lower == "0" || lower == "no" || lower == "off") return false;
  return Bad(option, "must be true or false", text);
}

absl::StatusOr<OptionValue> ParseAddress(const Option& option, std::string_view text) {
  const absl::Status bad =
      Bad(option, "must be host:port, e.g. 0.0.0.0:50051 or [::1]:50051", text);
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad;
  std::string_view host = text.substr(0, colon);
  int64_t port = -1;
  if (!ParseInt64(text.substr(colon + 1), &port) || port < 0 || port > 65535 ||
      text[colon + 1] == '-' || text[colon + 1] == '+') {
    return bad;
  }
  if (host.starts_with('[') && host.ends_with(']') && host.size() > 2) {
    host = host.substr(1, host.size() - 2);  // IPv6 literal
  } else if (host.find_first_of(":[] \t") != std::string_view::npos) {
    return bad;  // an unbracketed IPv6 address is ambiguous
  }
  return Address{std::string(host), static_cast<int>(port)};
}

// One resolver URI: "dns:" with the name after the last slash, or "ipv4:"/"ipv6:" with a
// comma-separated list; every address names a host (nothing to dial otherwise).
absl::StatusOr<OptionValue> ParseTarget(const Option& option, std::string_view text) {
  const absl::Status bad = Bad(option,
                               "must be host:port, dns:///host:port or ipv4:host:port,host:port "
                               "(ipv6:[addr]:port,...)",
                               text);
  std::vector<std::string_view> addresses;
  if (text.starts_with("dns:")) {
    std::string_view rest = text.substr(4);
    if (rest.starts_with("//")) {  // dns://authority/name: the authority is the DNS server
      const size_t slash = rest.find('/', 2);
      if (slash == std::string_view::npos) return bad;
      rest = rest.substr(slash + 1);
    }
    addresses.push_back(rest);
  } else if (text.starts_with("ipv4:") || text.starts_with("ipv6:")) {
    for (absl::string_view a : absl::StrSplit(ToAbsl(text.substr(5)), ',')) {
      addresses.push_back(ToStd(a));
    }
  } else {
    absl::StatusOr<OptionValue> address = ParseAddress(option, text);
    if (!address.ok()) return bad;
    return Target{.uri = "", .address = std::get<Address>(*address)};
  }
  for (std::string_view a : addresses) {
    absl::StatusOr<OptionValue> address = ParseAddress(option, a);
    if (!address.ok() || std::get<Address>(*address).host.empty()) return bad;
  }
  return Target{.uri = std::string(text), .address = {}};
}

}  // namespace

absl::StatusOr<OptionValue> ParseOptionValue(const Option& option, std::string_view text) {
  switch (option.type) {
    case OptionType::kString:
      return std::string(text);
    case OptionType::kInt:
      return ParseInt(option, text);
    case OptionType::kDuration:
      return ParseDuration(option, text);
    case OptionType::kBool:
      return ParseBool(option, text);
    case OptionType::kAddress:
      return ParseAddress(option, text);
    case OptionType::kTarget:
      return ParseTarget(option, text);
  }
  return absl::InternalError("unknown option type");
}

}  // namespace kinerja::config
