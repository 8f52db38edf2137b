// kinerja plan submit|approve|return|revise: one step of the plan workflow; prints the plan's
// new state.
#include <string>
#include <vector>

#include "tools/cli/goals_common.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/goals_print.h"
#include "tools/cli/plan_commands.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

// The step's request fields, validated before connecting.
struct Step {
  std::string verb;  // submit, approve, return, revise
  std::string id;
  std::string etag;
  std::string text;  // the note (return) or the reason (revise)
  std::string request_id;
};

// The flag carrying the step's text: --note for return, --reason for revise, none otherwise.
std::string TextFlag(const std::string& verb) {
  if (verb == "return") return "note";
  if (verb == "revise") return "reason";
  return "";
}

absl::StatusOr<Step> ParseStep(const ParsedArgs& args, const std::string& verb) {
  Step step;
  step.verb = verb;
  absl::StatusOr<std::string> id = OnlyId(args, "plan");
  if (!id.ok()) return id.status();
  step.id = *id;
  absl::StatusOr<std::string> etag = OptionalNonEmpty(args, "etag");
  if (!etag.ok()) return etag.status();
  step.etag = *etag;
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(args, "request-id");
  if (!request_id.ok()) return request_id.status();
  step.request_id = *request_id;
  if (std::string flag = TextFlag(verb); !flag.empty()) {
    absl::StatusOr<std::string> text = Required(args, flag);
    if (!text.ok()) return text.status();
    step.text = *text;
  }
  return step;
}

grpc::Status Call(GoalsConnection& connection, grpc::ClientContext* context, const Step& step,
                  v1::Plan* plan) {
  auto& stub = connection.stub();
  if (step.verb == "submit") {
    v1::SubmitPlanRequest request;
    request.set_id(step.id);
    request.set_etag(step.etag);
    request.set_request_id(step.request_id);
    return stub.SubmitPlan(context, request, plan);
  }
  if (step.verb == "approve") {
    v1::ApprovePlanRequest request;
    request.set_id(step.id);
    request.set_etag(step.etag);
    request.set_request_id(step.request_id);
    return stub.ApprovePlan(context, request, plan);
  }
  if (step.verb == "return") {
    v1::ReturnPlanRequest request;
    request.set_id(step.id);
    request.set_note(step.text);
    request.set_etag(step.etag);
    request.set_request_id(step.request_id);
    return stub.ReturnPlan(context, request, plan);
  }
  v1::RevisePlanRequest request;
  request.set_id(step.id);
  request.set_reason(step.text);
  request.set_etag(step.etag);
  request.set_request_id(step.request_id);
  return stub.RevisePlan(context, request, plan);
}

}  // namespace

int RunPlanWorkflow(const std::vector<std::string>& args, const CliEnv& env) {
  const std::string verb = args.at(0);
  const std::string command = "plan " + verb;
  FlagSpec own{{"etag", "request-id"}, {}};
  if (std::string flag = TextFlag(verb); !flag.empty()) own.value_flags.insert(flag);
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(args, own);
  if (!parsed.ok()) return UsageError(env, command, parsed.status());
  absl::StatusOr<Step> step = ParseStep(*parsed, verb);
  if (!step.ok()) return UsageError(env, command, step.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, command, options.status());

  GoalsConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::Plan plan;
  grpc::Status status = Call(connection, &context, *step, &plan);
  if (!status.ok()) return RpcError(env, command, options->addr, status, &context);
  return PrintResult(env, *options, plan, FormatPlanSummary(plan));
}

}  // namespace kinerja::cli
