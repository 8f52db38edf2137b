// Where the goals service is and how to call it: --goals-addr / GOALS_ADDR, and the token,
// timeout and --json handling every command shares (connection.h).
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

// Flags every goals command accepts: --goals-addr, --token, --timeout, --json.
const FlagSpec& GoalsConnectionFlags();

// Flags win over the environment (GOALS_ADDR, KINERJA_TOKEN); the default timeout is 30s.
absl::StatusOr<ConnectionOptions> ResolveGoalsConnection(const ParsedArgs& args, const CliEnv& env);

class GoalsConnection {
 public:
  GoalsConnection(const ConnectionOptions& options, const CliEnv& env);

  // Sets the deadline and the authorization metadata on a fresh context.
  void Prepare(grpc::ClientContext* context) const { PrepareContext(options_, context); }

  kinerja::goals::v1::GoalService::Stub& stub() { return *stub_; }
  const ConnectionOptions& options() const { return options_; }

 private:
  ConnectionOptions options_;
  std::unique_ptr<kinerja::goals::v1::GoalService::Stub> stub_;
};

}  // namespace kinerja::cli
