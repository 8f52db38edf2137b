// Small text helpers shared by the goals domain files.
// Debian's abseil 20220623 is built with ABSL_OPTION_USE_STD_STRING_VIEW 0: absl::string_view is
// a distinct class that does not convert from std::string_view, so ToAbsl bridges the two at
// absl call sites (no copy).
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace kinerja::goals {

inline absl::string_view ToAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// True when the text is empty or only ASCII whitespace: a "required" text must not be blank.
inline bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (!IsAsciiSpace(c)) return false;
  }
  return true;
}

}  // namespace kinerja::goals
