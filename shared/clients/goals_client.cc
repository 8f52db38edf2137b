#include "shared/clients/goals_client.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace kinerja::clients {

std::string FilterLiteral(const std::string& value) {
  return absl::StrCat("\"", absl::StrReplaceAll(value, {{"\\", "\\\\"}, {"\"", "\\\""}}), "\"");
}

}  // namespace kinerja::clients
