// Bridges std::string_view and Debian's absl::string_view (a distinct class in abseil
// 20220623), so absl::StrCat and friends can take what the domain and protobuf hand out.
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace kinerja::employee::api {

inline absl::string_view Absl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

}  // namespace kinerja::employee::api
