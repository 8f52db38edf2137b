// kinerja cascade PLAN_ID: the cascade tree (pohon kinerja) from one plan down through the
// plans of everyone the employee assesses, with orphans and uncovered results.
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/goals_common.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/goals_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

constexpr char kCommand[] = "cascade";

constexpr char kCascadeUsage[] =
    R"(Usage: kinerja cascade PLAN_ID
       [--goals-addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Prints the cascade tree from the plan (usually a unit head's) downwards, indented a level per
report: each employee with their position and plan state, each work result with its text and
how many reports' results cascade from it; then the orphans (main results of non-JPT plans
naming no parent result) and the uncovered results (results of plans with reports from which
no report's result cascades).

The goals service is at --goals-addr (env GOALS_ADDR). Exit status: 0 printed, 1 the call
failed, 2 usage error.
)";

}  // namespace

int RunCascade(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kCascadeUsage;
    return kExitOk;
  }
  // OnlyId expects a subcommand word before the ID; the cascade command has none.
  std::vector<std::string> with_word{kCommand};
  with_word.insert(with_word.end(), args.begin(), args.end());
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(with_word, FlagSpec{});
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "plan");
  if (!id.ok()) return UsageError(env, kCommand, id.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  GoalsConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::GetCascadeTreeRequest request;
  request.set_plan_id(*id);
  v1::CascadeTree tree;
  grpc::Status status = connection.stub().GetCascadeTree(&context, request, &tree);
  if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  return PrintResult(env, *options, tree, FormatCascadeTree(tree));
}

}  // namespace kinerja::cli
