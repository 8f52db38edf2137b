#include "tools/cli/goals_common.h"

#include "tools/cli/goals_connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {

absl::StatusOr<ParsedArgs> ParseGoalsArgs(const std::vector<std::string>& args,
                                          const FlagSpec& own) {
  return ParsedArgs::Parse(args, Merge(GoalsConnectionFlags(), own));
}

absl::StatusOr<std::string> OnlyId(const ParsedArgs& args, std::string_view what) {
  const std::vector<std::string>& rest = args.positionals();
  if (rest.size() < 2) return absl::InvalidArgumentError("missing " + std::string(what) + " ID");
  if (rest.size() > 2) return absl::InvalidArgumentError("unexpected \"" + rest[2] + "\"");
  if (rest[1].empty()) {
    return absl::InvalidArgumentError(std::string(what) + " ID must not be empty");
  }
  return rest[1];
}

absl::Status NoMorePositionals(const ParsedArgs& args) {
  if (args.positionals().size() <= 1) return absl::OkStatus();
  return absl::InvalidArgumentError("unexpected \"" + args.positionals()[1] + "\"");
}

absl::StatusOr<std::string> OptionalNonEmpty(const ParsedArgs& args, std::string_view name) {
  std::optional<std::string> value = args.Get(name);
  if (value && value->empty()) {
    return absl::InvalidArgumentError("--" + std::string(name) + " must not be empty");
  }
  return value.value_or("");
}

int PrintResult(const CliEnv& env, const ConnectionOptions& options,
                const google::protobuf::Message& message, const std::string& text) {
  *env.out << (options.json ? ToJson(message, /*pretty=*/true) + "\n" : text);
  return kExitOk;
}

}  // namespace kinerja::cli
