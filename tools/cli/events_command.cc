// kinerja events: the employee service's outbox events after a cursor (StreamEvents).
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

constexpr char kCommand[] = "events";

constexpr char kEventsUsage[] = R"(Usage: kinerja events [--after CURSOR] [--types T1,T2] [--follow]
       [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Prints the employee service's events after CURSOR (default: from the oldest retained one),
one per line: time, type, aggregate and cursor (pass the last cursor back as --after to
resume). --types keeps only the named event types (e.g. EmployeeCreated,EmployeeTransferred).
Without --follow the command stops after the backlog; with it, it waits for live events until
interrupted (no deadline unless --timeout is given). --json prints one JSON object per line.
Exit status: 0 done, 1 the call failed, 2 usage error.
)";

}  // namespace

int RunEvents(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kEventsUsage;
    return kExitOk;
  }
  absl::StatusOr<ParsedArgs> parsed =
      ParsedArgs::Parse(args, Merge(ConnectionFlags(), FlagSpec{{"after", "types"}, {"follow"}}));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  if (!parsed->positionals().empty()) {
    return UsageError(env, kCommand, "unexpected \"" + parsed->positionals()[0] + "\"");
  }
  const bool follow = parsed->Has("follow");
  kinerja::common::v1::StreamEventsRequest request;
  request.set_after_cursor(parsed->Get("after").value_or(""));
  request.set_backlog_only(!follow);
  if (std::optional<std::string> types = parsed->Get("types")) {
    for (const auto& type : absl::StrSplit(*types, ',', absl::SkipWhitespace())) {
      request.add_types(std::string(absl::StripAsciiWhitespace(type)));
    }
    if (request.types().empty()) return UsageError(env, kCommand, "--types must name a type");
  }
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(
      *parsed, env, follow ? std::nullopt : std::optional<absl::Duration>(kDefaultTimeout));
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  Connection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  auto reader = connection.stub().StreamEvents(&context, request);
  kinerja::common::v1::EventEnvelope event;
  while (reader->Read(&event)) {
    *env.out << (options->json ? ToJson(event, /*pretty=*/false) + "\n" : FormatEvent(event));
    env.out->flush();  // a follower sees each event as it arrives
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  return kExitOk;
}

}  // namespace kinerja::cli
