// Where the review service is and how to call it: --review-addr / REVIEW_ADDR, and the token,
// timeout and --json handling every command shares (connection.h).
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

// Flags every review command accepts: --review-addr, --token, --timeout, --json.
const FlagSpec& ReviewConnectionFlags();

// Parses `args` with `own` plus the review connection flags.
absl::StatusOr<ParsedArgs> ParseReviewArgs(const std::vector<std::string>& args,
                                           const FlagSpec& own);

// Flags win over the environment (REVIEW_ADDR, KINERJA_TOKEN); `default_timeout` applies when
// --timeout is absent.
absl::StatusOr<ConnectionOptions> ResolveReviewConnection(
    const ParsedArgs& args, const CliEnv& env,
    std::optional<absl::Duration> default_timeout = kDefaultTimeout);

class ReviewConnection {
 public:
  ReviewConnection(const ConnectionOptions& options, const CliEnv& env);

  // Sets the deadline and the authorization metadata on a fresh context.
  void Prepare(grpc::ClientContext* context) const { PrepareContext(options_, context); }

  kinerja::review::v1::ReviewService::Stub& stub() { return *stub_; }
  const ConnectionOptions& options() const { return options_; }

 private:
  ConnectionOptions options_;
  std::unique_ptr<kinerja::review::v1::ReviewService::Stub> stub_;
};

}  // namespace kinerja::cli
