// Small text helpers every part of the project uses, in namespace kinerja so that any nested
// namespace finds them unqualified.
//
// Debian's Abseil 20220623 is built with ABSL_OPTION_USE_STD_STRING_VIEW 0: absl::string_view is
// a distinct class that does not convert from std::string_view, so ToAbsl / ToStd bridge the two
// at Abseil call sites (no copy).
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace kinerja {

inline absl::string_view ToAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

inline std::string_view ToStd(absl::string_view text) {
  return std::string_view(text.data(), text.size());
}

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Without leading and trailing ASCII whitespace.
inline std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// True when the text is empty or only ASCII whitespace: a "required" text must not be blank.
inline bool IsBlank(std::string_view text) { return TrimAscii(text).empty(); }

inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

}  // namespace kinerja
