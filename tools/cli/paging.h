// Paged List calls shared by the list commands: --page-size / --page-token / --all, and a loop
// that follows next_page_token and prints the items as JSON or as a table.
#pragma once

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/flags.h"
#include "tools/cli/print.h"

namespace kinerja::cli {

inline constexpr int32_t kMaxPageSize = 500;  // the APIs' documented maximum

struct Paging {
  int32_t page_size = 0;
  std::string page_token;
  bool all = false;
};

// --page-size, --page-token (value flags) and --all.
const FlagSpec& PagingFlags();

absl::StatusOr<Paging> ParsePaging(const ParsedArgs& args);

template <typename Request, typename Response>
using ListCall = std::function<grpc::Status(grpc::ClientContext*, const Request&, Response*)>;

// Calls page after page (only the first without --all), appending each page's items to one
// response; prints it as JSON or as a table of `rows` (header first). Without --all, a further
// page is announced on standard error.
template <typename Request, typename Response>
int ListPages(const CliEnv& env, std::string_view command, const ConnectionOptions& options,
              Request request, const Paging& paging, const ListCall<Request, Response>& call,
              const std::function<std::vector<Row>(const Response&)>& rows) {
  request.set_page_size(paging.page_size);
  request.set_page_token(paging.page_token);
  Response all;
  while (true) {
    grpc::ClientContext context;
    PrepareContext(options, &context);
    Response page;
    grpc::Status status = call(&context, request, &page);
    if (!status.ok()) return RpcError(env, command, options.addr, status, &context);
    std::string next = page.next_page_token();
    all.MergeFrom(page);  // appends the repeated items
    all.set_next_page_token(next);
    if (!paging.all || next.empty()) break;
    if (next == request.page_token()) {
      return Failure(env, command, "the server returned the same page token twice; stopping");
    }
    request.set_page_token(next);
  }
  if (options.json) {
    *env.out << ToJson(all, /*pretty=*/true) << "\n";
  } else {
    std::vector<Row> table = rows(all);
    *env.out << (table.size() > 1 ? FormatTable(table) : "(none)\n");
  }
  if (!all.next_page_token().empty() && !options.json) {
    *env.err << "more results: --page-token " << all.next_page_token() << " (or --all)\n";
  }
  return kExitOk;
}

}  // namespace kinerja::cli
