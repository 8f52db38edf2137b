// Hash-map key for a child's label values. Lookups take a span of string_views so that
// WithLabels() on the hot path does not allocate.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kinerja::metrics {

using LabelValues = std::vector<std::string>;
using LabelValuesView = absl::Span<const std::string_view>;

struct LabelValuesHash {
  using is_transparent = void;

  template <typename Values>
  size_t operator()(const Values& values) const {
    size_t h = values.size();
    for (const auto& v : values) {
      std::string_view s(v);
      // Debian's Abseil hashes its own string_view type, not std's.
      h = absl::HashOf(h, absl::string_view(s.data(), s.size()));
    }
    return h;
  }
};

struct LabelValuesEq {
  using is_transparent = void;

  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::string_view(a[i]) != std::string_view(b[i])) return false;
    }
    return true;
  }
};

}  // namespace kinerja::metrics
