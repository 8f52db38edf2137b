// kinerja plan create|get|list, and the choice of every plan subcommand.
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/goals_common.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/goals_print.h"
#include "tools/cli/paging.h"
#include "tools/cli/plan_commands.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

constexpr char kCommand[] = "plan";
constexpr char kCreate[] = "plan create";
constexpr char kGet[] = "plan get";
constexpr char kList[] = "plan list";

constexpr char kPlanUsage[] =
    R"(Usage: kinerja plan create --period ID (--employee-id ID | --nip NIP) [--request-id X]
       kinerja plan get ID
       kinerja plan list [--filter F] [--page-size N] [--page-token T] [--all]
       kinerja plan add-result ID --text T [--parent RESULT_ID] [--perspective P]
                               [--additional] --indicator "TEXT;ASPECT;MIN;MAX;UNIT"...
       kinerja plan submit ID | kinerja plan approve ID
       kinerja plan return ID --note N | kinerja plan revise ID --reason R
       [--etag E] [--request-id X] (mutations)
       [--goals-addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Performance plans (SKP, sasaran kinerja pegawai). create snapshots the employee's position and
reporting line (pejabat penilai, atasan pejabat penilai). list filter fields: period_id,
agency_id, employee_id, employee_nip, assessor_employee_id, assessor_nip, unit_id, state.

add-result reads the plan, appends one work result (RHK) and replaces the plan's results
(UpdatePlan, update_mask "results", the plan's etag):
  --text T          the result, e.g. "Meningkatnya mutu layanan pendidikan dasar"
  --parent R        the assessor's result this one contributes to (intervensi); required for
                    the main results of a non-JPT plan whose assessor is a civil servant
  --perspective P   JPT plans only: service-recipients, business-process,
                    internal-strengthening or budget
  --additional      an additional result (RHK tambahan); default a main one (RHK utama)
  --indicator I     an indicator (IKI), repeatable: "TEXT;ASPECT;MIN;MAX;UNIT" with ASPECT
                    quantity, quality, time or cost, e.g. "Dokumen tersusun;quantity;1;1;dokumen"
submit: the employee (or the agency's HR admin) sends a DRAFT or RETURNED plan to the assessor.
approve / return (--note what to change): the assessor decides; a plan whose assessor is the
NON-ASN political head is decided by the agency's HR admin.
revise (--reason why): starts a new version of an APPROVED plan.

The goals service is at --goals-addr (env GOALS_ADDR). Exit status: 0 done, 1 the call failed,
2 usage error.
)";

int Usage(const CliEnv& env, const char* command, const absl::Status& status) {
  return UsageError(env, command, status);
}

}  // namespace

int RunPlanCreate(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseGoalsArgs(args, FlagSpec{{"period", "employee-id", "nip", "request-id"}, {}});
  if (!parsed.ok()) return Usage(env, kCreate, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return Usage(env, kCreate, extra);
  }
  v1::CreatePlanRequest request;
  absl::StatusOr<std::string> period = Required(*parsed, "period");
  if (!period.ok()) return Usage(env, kCreate, period.status());
  request.set_period_id(*period);
  absl::StatusOr<OneOf> who = ExactlyOne(*parsed, "employee-id", "nip");
  if (!who.ok()) return Usage(env, kCreate, who.status());
  if (who->flag == "nip") {
    request.set_nip(who->value);
  } else {
    request.set_employee_id(who->value);
  }
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return Usage(env, kCreate, request_id.status());
  request.set_request_id(*request_id);
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return Usage(env, kCreate, options.status());

  GoalsConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::Plan plan;
  grpc::Status status = connection.stub().CreatePlan(&context, request, &plan);
  if (!status.ok()) return RpcError(env, kCreate, options->addr, status, &context);
  return PrintResult(env, *options, plan, FormatPlan(plan));
}

int RunPlanGet(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(args, FlagSpec{});
  if (!parsed.ok()) return Usage(env, kGet, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "plan");
  if (!id.ok()) return Usage(env, kGet, id.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return Usage(env, kGet, options.status());

  GoalsConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::GetPlanRequest request;
  request.set_id(*id);
  v1::Plan plan;
  grpc::Status status = connection.stub().GetPlan(&context, request, &plan);
  if (!status.ok()) return RpcError(env, kGet, options->addr, status, &context);
  return PrintResult(env, *options, plan, FormatPlan(plan));
}

int RunPlanList(const std::vector<std::string>& args, const CliEnv& env) {
  FlagSpec own = PagingFlags();
  own.value_flags.insert("filter");
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(args, own);
  if (!parsed.ok()) return Usage(env, kList, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return Usage(env, kList, extra);
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return Usage(env, kList, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return Usage(env, kList, options.status());

  GoalsConnection connection(*options, env);
  v1::ListPlansRequest request;
  request.set_filter(parsed->Get("filter").value_or(""));
  return ListPages<v1::ListPlansRequest, v1::ListPlansResponse>(
      env, kList, *options, request, *paging,
      [&](auto* context, const auto& r, auto* response) {
        return connection.stub().ListPlans(context, r, response);
      },
      [](const v1::ListPlansResponse& response) {
        std::vector<Row> table{PlanHeader()};
        for (const v1::Plan& plan : response.plans()) table.push_back(PlanRow(plan));
        return table;
      });
}

int RunPlan(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kPlanUsage;
    return kExitOk;
  }
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kCommand,
                      "missing what to do: create, get, list, add-result, submit, approve, "
                      "return or revise");
  }
  const std::string& word = args[0];
  if (word == "create") return RunPlanCreate(args, env);
  if (word == "get") return RunPlanGet(args, env);
  if (word == "list") return RunPlanList(args, env);
  if (word == "add-result") return RunPlanAddResult(args, env);
  if (word == "submit" || word == "approve" || word == "return" || word == "revise") {
    return RunPlanWorkflow(args, env);
  }
  return UsageError(env, kCommand,
                    "unknown subcommand \"" + word +
                        "\" (expected create, get, list, add-result, submit, approve, return "
                        "or revise)");
}

}  // namespace kinerja::cli
