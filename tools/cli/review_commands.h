// The subcommands of "kinerja review", each given the arguments starting with its own last
// word (e.g. {"set", "--agency", "A1"} for "review policy set"); RunReview (commands.h) picks
// one. They share the usage text and the unary call-and-print helper below.
#pragma once

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/goals_common.h"
#include "tools/cli/review_connection.h"

namespace kinerja::cli {

extern const char kReviewUsage[];

// policy get|set
int RunReviewPolicy(const std::vector<std::string>& args, const CliEnv& env);
// org-predicate set|list
int RunReviewOrgPredicate(const std::vector<std::string>& args, const CliEnv& env);
// rate --plan ID --kind K [--window-date D] [--results R] --behaviour R [...]
int RunReviewRate(const std::vector<std::string>& args, const CliEnv& env);
// finalise ID [--justification T]
int RunReviewFinalise(const std::vector<std::string>& args, const CliEnv& env);
// assessments list|get
int RunReviewAssessments(const std::vector<std::string>& args, const CliEnv& env);
// objection file|explain|decide|get|list
int RunReviewObjection(const std::vector<std::string>& args, const CliEnv& env);
// export --agency ID --period ID [--unit ID [--subunits]] [--kind K] [--all] --out DIR
int RunReviewExport(const std::vector<std::string>& args, const CliEnv& env);
// import-surveys --agency ID FILE [--dry-run] [--request-id X]
int RunReviewImportSurveys(const std::vector<std::string>& args, const CliEnv& env);
// The same with another chunk size, for tests.
int RunReviewImportSurveysWithChunkSize(const std::vector<std::string>& args, const CliEnv& env,
                                        size_t chunk_size);

// One unary call on a fresh context; prints the answer (as `text` or --json) or the error.
// `call(stub, context, response)` returns the call's status.
template <typename Response, typename Call, typename Text>
int ReviewUnary(const CliEnv& env, std::string_view command, const ConnectionOptions& options,
                Call&& call, Text&& text) {
  ReviewConnection connection(options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  Response response;
  grpc::Status status = call(connection.stub(), &context, &response);
  if (!status.ok()) return RpcError(env, command, options.addr, status, &context);
  return PrintResult(env, options, response, text(response));
}

}  // namespace kinerja::cli
