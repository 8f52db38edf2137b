// kinerja plan add-result: reads the plan, appends one work result (RHK) with its indicators
// (IKI), and replaces the results with UpdatePlan (update_mask "results", the read etag, so a
// concurrent change fails with ABORTED instead of being overwritten).
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/goals_args.h"
#include "tools/cli/goals_common.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/goals_print.h"
#include "tools/cli/plan_commands.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

constexpr char kCommand[] = "plan add-result";

absl::Status AddIndicators(const ParsedArgs& args, v1::WorkResult& result) {
  std::vector<std::string> texts = args.GetAll("indicator");
  if (texts.empty()) {
    return absl::InvalidArgumentError(
        "missing required flag --indicator (\"TEXT;ASPECT;MIN;MAX;UNIT\", repeatable)");
  }
  for (const std::string& text : texts) {
    absl::StatusOr<v1::Indicator> indicator = ParseIndicator(text);
    if (!indicator.ok()) return indicator.status();
    *result.add_indicators() = *std::move(indicator);
  }
  return absl::OkStatus();
}

// The new result from the flags; ids are left for the server to assign.
absl::StatusOr<v1::WorkResult> NewResult(const ParsedArgs& args) {
  v1::WorkResult result;
  absl::StatusOr<std::string> text = Required(args, "text");
  if (!text.ok()) return text.status();
  result.set_text(*text);
  const bool additional = args.Has("additional");
  result.set_kind(additional ? v1::RESULT_KIND_ADDITIONAL : v1::RESULT_KIND_MAIN);
  absl::StatusOr<std::string> parent = OptionalNonEmpty(args, "parent");
  if (!parent.ok()) return parent.status();
  if (additional && !parent->empty()) {
    return absl::InvalidArgumentError(
        "--parent does not go with --additional: an additional result (RHK tambahan) cascades "
        "from no result");
  }
  result.set_parent_result_id(*parent);
  if (std::optional<std::string> perspective = args.Get("perspective")) {
    absl::StatusOr<v1::Perspective> parsed = ParsePerspective(*perspective);
    if (!parsed.ok()) return parsed.status();
    result.set_perspective(*parsed);
  }
  absl::Status indicators = AddIndicators(args, result);
  if (!indicators.ok()) return indicators;
  return result;
}

// The plan's results with `result` appended, guarded by the plan's etag.
v1::UpdatePlanRequest AppendRequest(const v1::Plan& plan, const v1::WorkResult& result,
                                    const std::string& request_id) {
  v1::UpdatePlanRequest request;
  v1::Plan& update = *request.mutable_plan();
  update.set_id(plan.id());
  update.set_etag(plan.etag());
  *update.mutable_results() = plan.results();
  *update.add_results() = result;
  request.mutable_update_mask()->add_paths("results");
  request.set_request_id(request_id);
  return request;
}

}  // namespace

int RunPlanAddResult(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseGoalsArgs(args, FlagSpec{{"text", "parent", "perspective", "indicator", "request-id"},
                                    {"additional"},
                                    {"indicator"}});
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "plan");
  if (!id.ok()) return UsageError(env, kCommand, id.status());
  absl::StatusOr<v1::WorkResult> result = NewResult(*parsed);
  if (!result.ok()) return UsageError(env, kCommand, result.status());
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return UsageError(env, kCommand, request_id.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  GoalsConnection connection(*options, env);
  v1::Plan plan;
  {
    grpc::ClientContext context;
    connection.Prepare(&context);
    v1::GetPlanRequest get;
    get.set_id(*id);
    grpc::Status status = connection.stub().GetPlan(&context, get, &plan);
    if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  }
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::Plan updated;
  grpc::Status status =
      connection.stub().UpdatePlan(&context, AppendRequest(plan, *result, *request_id), &updated);
  if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  return PrintResult(env, *options, updated, FormatPlan(updated));
}

}  // namespace kinerja::cli
