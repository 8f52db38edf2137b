#include "services/analytics/web/html.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::analytics::web {

std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string GroupedInt(int64_t value) {
  std::string digits =
      absl::StrCat(value < 0 ? -static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
  std::string out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";
    out += digits[i];
  }
  return out;
}

std::string Decimal(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, value);
  absl::string_view shown = text;
  if (absl::StartsWith(shown, "-") && shown.find_first_not_of("-0.") == absl::string_view::npos) {
    shown.remove_prefix(1);
  }
  return std::string(shown);
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto encode = [](absl::string_view text, std::string* out) {
    for (char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (absl::ascii_isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
        *out += c;
      } else {
        *out += '%';
        *out += kHex[byte >> 4];
        *out += kHex[byte & 0xF];
      }
    }
  };
  std::string out;
  for (const auto& [key, value] : params) {
    if (value.empty()) continue;
    if (!out.empty()) out += '&';
    encode(key, &out);
    out += '=';
    encode(value, &out);
  }
  return out;
}

}  // namespace kinerja::analytics::web
