#include "shared/db/version_check.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kinerja::db {

absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view what) {
  if (!expected || *expected == actual) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("etag: ", absl::string_view(what.data(), what.size()),
                                         " was changed by someone else (now version ", actual,
                                         ", expected ", *expected, "); read it again"));
}

}  // namespace kinerja::db
