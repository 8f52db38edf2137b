#include "tools/cli/goals_connection.h"

namespace kinerja::cli {

const FlagSpec& GoalsConnectionFlags() {
  static const FlagSpec* const kSpec = new FlagSpec{{"goals-addr", "token", "timeout"}, {"json"}};
  return *kSpec;
}

absl::StatusOr<ConnectionOptions> ResolveGoalsConnection(const ParsedArgs& args,
                                                         const CliEnv& env) {
  return ResolveConnectionFrom({"goals-addr", "GOALS_ADDR", "the goals service"}, args, env,
                               kDefaultTimeout);
}

GoalsConnection::GoalsConnection(const ConnectionOptions& options, const CliEnv& env)
    : options_(options),
      stub_(kinerja::goals::v1::GoalService::NewStub(env.open_channel(options.addr))) {}

}  // namespace kinerja::cli
