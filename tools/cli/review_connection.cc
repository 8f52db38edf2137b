#include "tools/cli/review_connection.h"

namespace kinerja::cli {

const FlagSpec& ReviewConnectionFlags() {
  static const FlagSpec* const kSpec = new FlagSpec{{"review-addr", "token", "timeout"}, {"json"}};
  return *kSpec;
}

absl::StatusOr<ParsedArgs> ParseReviewArgs(const std::vector<std::string>& args,
                                           const FlagSpec& own) {
  return ParsedArgs::Parse(args, Merge(ReviewConnectionFlags(), own));
}

absl::StatusOr<ConnectionOptions> ResolveReviewConnection(
    const ParsedArgs& args, const CliEnv& env, std::optional<absl::Duration> default_timeout) {
  return ResolveConnectionFrom({"review-addr", "REVIEW_ADDR", "the review service"}, args, env,
                               default_timeout);
}

ReviewConnection::ReviewConnection(const ConnectionOptions& options, const CliEnv& env)
    : options_(options),
      stub_(kinerja::review::v1::ReviewService::NewStub(env.open_channel(options.addr))) {}

}  // namespace kinerja::cli
