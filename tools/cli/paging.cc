#include "tools/cli/paging.h"

#include <optional>

namespace kinerja::cli {

const FlagSpec& PagingFlags() {
  static const FlagSpec* const kSpec = new FlagSpec{{"page-size", "page-token"}, {"all"}};
  return *kSpec;
}

absl::StatusOr<Paging> ParsePaging(const ParsedArgs& args) {
  Paging paging;
  if (std::optional<std::string> size = args.Get("page-size")) {
    absl::StatusOr<int32_t> parsed = ParsePositiveInt("page-size", *size, kMaxPageSize);
    if (!parsed.ok()) return parsed.status();
    paging.page_size = *parsed;
  }
  paging.page_token = args.Get("page-token").value_or("");
  paging.all = args.Has("all");
  return paging;
}

}  // namespace kinerja::cli
