// kinerja review objection file|explain|decide|get|list: an objection (keberatan) against a
// finalised assessment; the employee files, the assessor explains, the assessor's superior of
// the day decides (final).
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/paging.h"
#include "tools/cli/review_args.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;

constexpr char kGroup[] = "review objection";
constexpr char kExpected[] = "file, explain, decide, get or list";

std::string Command(const std::string& verb) { return std::string(kGroup) + " " + verb; }

// The verb's own flags; --request-id for every mutation.
FlagSpec OwnFlags(const std::string& verb) {
  if (verb == "file" || verb == "explain") return FlagSpec{{"explanation", "request-id"}, {}};
  if (verb == "decide") return FlagSpec{{"results", "behaviour", "note", "request-id"}, {}};
  return FlagSpec{};
}

// Calls the verb's method with the parsed flags (validated before any call).
int RunMutation(const std::vector<std::string>& args, const CliEnv& env) {
  const std::string verb = args.at(0);
  const std::string command = Command(verb);
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, OwnFlags(verb));
  if (!parsed.ok()) return UsageError(env, command, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, verb == "file" ? "assessment" : "objection");
  if (!id.ok()) return UsageError(env, command, id.status());
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return UsageError(env, command, request_id.status());

  v1::FileObjectionRequest file;
  v1::ExplainObjectionRequest explain;
  v1::DecideObjectionRequest decide;
  if (verb == "decide") {
    decide.set_id(*id);
    for (const char* flag : {"results", "behaviour"}) {
      absl::StatusOr<std::string> text = Required(*parsed, flag);
      if (!text.ok()) return UsageError(env, command, text.status());
      absl::StatusOr<v1::Rating> rating = ParseRating(flag, *text);
      if (!rating.ok()) return UsageError(env, command, rating.status());
      std::string_view which = flag;
      if (which == "results") {
        decide.set_results_rating(*rating);
      } else {
        decide.set_behaviour_rating(*rating);
      }
    }
    absl::StatusOr<std::string> note = Required(*parsed, "note");
    if (!note.ok()) return UsageError(env, command, note.status());
    decide.set_note(*note);
    decide.set_request_id(*request_id);
  } else {
    absl::StatusOr<std::string> explanation = Required(*parsed, "explanation");
    if (!explanation.ok()) return UsageError(env, command, explanation.status());
    file.set_assessment_id(*id);
    file.set_explanation(*explanation);
    file.set_request_id(*request_id);
    explain.set_id(*id);
    explain.set_explanation(*explanation);
    explain.set_request_id(*request_id);
  }
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, command, options.status());
  return ReviewUnary<v1::Objection>(
      env, command, *options,
      [&](auto& stub, auto* context, auto* response) {
        if (verb == "file") return stub.FileObjection(context, file, response);
        if (verb == "explain") return stub.ExplainObjection(context, explain, response);
        return stub.DecideObjection(context, decide, response);
      },
      [](const v1::Objection& o) { return FormatObjection(o); });
}

int RunGet(const std::vector<std::string>& args, const CliEnv& env) {
  const std::string command = Command("get");
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, FlagSpec{});
  if (!parsed.ok()) return UsageError(env, command, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "objection");
  if (!id.ok()) return UsageError(env, command, id.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, command, options.status());
  v1::GetObjectionRequest request;
  request.set_id(*id);
  return ReviewUnary<v1::Objection>(
      env, command, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetObjection(context, request, response);
      },
      [](const v1::Objection& o) { return FormatObjection(o); });
}

int RunList(const std::vector<std::string>& args, const CliEnv& env) {
  const std::string command = Command("list");
  FlagSpec own = PagingFlags();
  own.value_flags.insert({"filter", "agency", "assessment", "employee", "nip", "state"});
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, own);
  if (!parsed.ok()) return UsageError(env, command, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, command, extra);
  }
  std::vector<std::string> extra;
  if (std::optional<std::string> state = parsed->Get("state")) {
    if (*state != "filed" && *state != "decided") {
      return UsageError(env, command, "--state must be filed or decided (got \"" + *state + "\")");
    }
    // The service's filter names a filed objection OPEN (its stored state name).
    extra.push_back(FilterCondition("state", *state == "filed" ? "FILED" : "DECIDED"));
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return UsageError(env, command, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, command, options.status());

  ReviewConnection connection(*options, env);
  v1::ListObjectionsRequest request;
  request.set_filter(BuildFilter(*parsed,
                                 {{"agency", "agency_id"},
                                  {"assessment", "assessment_id"},
                                  {"employee", "employee_id"},
                                  {"nip", "employee_nip"}},
                                 extra));
  return ListPages<v1::ListObjectionsRequest, v1::ListObjectionsResponse>(
      env, command, *options, request, *paging,
      [&](auto* context, const auto& r, auto* response) {
        return connection.stub().ListObjections(context, r, response);
      },
      [](const v1::ListObjectionsResponse& response) {
        std::vector<Row> table{ObjectionHeader()};
        for (const auto& o : response.objections()) table.push_back(ObjectionRow(o));
        return table;
      });
}

}  // namespace

int RunReviewObjection(const std::vector<std::string>& args, const CliEnv& env) {
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kGroup, std::string("missing what to do: ") + kExpected);
  }
  const std::string& verb = args[0];
  if (verb == "file" || verb == "explain" || verb == "decide") return RunMutation(args, env);
  if (verb == "get") return RunGet(args, env);
  if (verb == "list") return RunList(args, env);
  return UsageError(env, kGroup,
                    "unknown subcommand \"" + verb + "\" (expected " + kExpected + ")");
}

}  // namespace kinerja::cli
