// kinerja review rate | finalise | assessments get|list: the assessor of the day rates a plan
// and finalises (delivers) the assessment; the predicate is derived by the service.
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/goals_args.h"
#include "tools/cli/paging.h"
#include "tools/cli/review_args.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;

constexpr char kRate[] = "review rate";
constexpr char kFinalise[] = "review finalise";
constexpr char kGet[] = "review assessments get";
constexpr char kList[] = "review assessments list";

// One line after a change: "assessment AS1 (Yosef Lado): FINALISED, predikat Baik (2)".
std::string Summary(const v1::Assessment& a) {
  return "assessment " + a.id() + " (" + a.employee().name() +
         "): " + (a.state() == v1::ASSESSMENT_STATE_FINALISED ? "FINALISED" : "DRAFT") +
         ", predikat kinerja " + PredicateLabel(a.predicate()) + "\n";
}

absl::StatusOr<v1::RateAssessmentRequest> RateRequest(const ParsedArgs& args) {
  v1::RateAssessmentRequest request;
  absl::StatusOr<std::string> plan = Required(args, "plan");
  if (!plan.ok()) return plan.status();
  request.set_plan_id(*plan);
  absl::StatusOr<std::string> kind_text = Required(args, "kind");
  if (!kind_text.ok()) return kind_text.status();
  absl::StatusOr<v1::AssessmentKind> kind = ParseKind("kind", *kind_text);
  if (!kind.ok()) return kind.status();
  request.set_kind(*kind);
  std::optional<std::string> window = args.Get("window-date");
  if (*kind == v1::ASSESSMENT_KIND_PERIODIC && !window) {
    return absl::InvalidArgumentError(
        "--kind periodic needs --window-date (any day of the month or quarter rated)");
  }
  if (*kind == v1::ASSESSMENT_KIND_ANNUAL && window) {
    return absl::InvalidArgumentError("--window-date does not go with --kind annual");
  }
  if (window) {
    absl::StatusOr<absl::CivilDay> day = ParseDay("window-date", *window);
    if (!day.ok()) return day.status();
    *request.mutable_window_date() = DateOf(*day);
  }
  // A unit head's results rating follows the unit's predicate: --results may be left out.
  if (std::optional<std::string> results = args.Get("results")) {
    absl::StatusOr<v1::Rating> rating = ParseRating("results", *results);
    if (!rating.ok()) return rating.status();
    request.set_results_rating(*rating);
  }
  absl::StatusOr<std::string> behaviour_text = Required(args, "behaviour");
  if (!behaviour_text.ok()) return behaviour_text.status();
  absl::StatusOr<v1::Rating> behaviour = ParseRating("behaviour", *behaviour_text);
  if (!behaviour.ok()) return behaviour.status();
  request.set_behaviour_rating(*behaviour);
  for (const std::string& text : args.GetAll("value")) {
    absl::StatusOr<ValueRating> value = ParseValueRating("value", text);
    if (!value.ok()) return value.status();
    v1::BehaviourValueRating* out = request.add_behaviour_values();
    out->set_value(value->value);
    out->set_rating(value->rating);
  }
  for (const char* flag : {"results-note", "behaviour-note", "etag", "request-id"}) {
    absl::StatusOr<std::string> value = OptionalNonEmpty(args, flag);
    if (!value.ok()) return value.status();
  }
  request.set_results_note(args.Get("results-note").value_or(""));
  request.set_behaviour_note(args.Get("behaviour-note").value_or(""));
  request.set_etag(args.Get("etag").value_or(""));
  request.set_request_id(args.Get("request-id").value_or(""));
  return request;
}

int RunGet(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, FlagSpec{});
  if (!parsed.ok()) return UsageError(env, kGet, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "assessment");
  if (!id.ok()) return UsageError(env, kGet, id.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kGet, options.status());
  v1::GetAssessmentRequest request;
  request.set_id(*id);
  return ReviewUnary<v1::Assessment>(
      env, kGet, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetAssessment(context, request, response);
      },
      [](const v1::Assessment& a) { return FormatAssessment(a); });
}

int RunList(const std::vector<std::string>& args, const CliEnv& env) {
  FlagSpec own = PagingFlags();
  own.value_flags.insert(
      {"filter", "agency", "period", "unit", "employee", "nip", "plan", "kind", "state"});
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, own);
  if (!parsed.ok()) return UsageError(env, kList, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kList, extra);
  }
  std::vector<std::string> extra;
  if (std::optional<std::string> kind = parsed->Get("kind")) {
    absl::StatusOr<v1::AssessmentKind> k = ParseKind("kind", *kind);
    if (!k.ok()) return UsageError(env, kList, k.status());
    extra.push_back(
        FilterCondition("kind", *k == v1::ASSESSMENT_KIND_ANNUAL ? "ANNUAL" : "PERIODIC"));
  }
  if (std::optional<std::string> state = parsed->Get("state")) {
    if (*state != "draft" && *state != "finalised") {
      return UsageError(env, kList, "--state must be draft or finalised (got \"" + *state + "\")");
    }
    extra.push_back(FilterCondition("state", *state == "draft" ? "DRAFT" : "FINALISED"));
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return UsageError(env, kList, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kList, options.status());

  ReviewConnection connection(*options, env);
  v1::ListAssessmentsRequest request;
  request.set_filter(BuildFilter(*parsed,
                                 {{"agency", "agency_id"},
                                  {"period", "period_id"},
                                  {"unit", "unit_id"},
                                  {"employee", "employee_id"},
                                  {"nip", "employee_nip"},
                                  {"plan", "plan_id"}},
                                 extra));
  return ListPages<v1::ListAssessmentsRequest, v1::ListAssessmentsResponse>(
      env, kList, *options, request, *paging,
      [&](auto* context, const auto& r, auto* response) {
        return connection.stub().ListAssessments(context, r, response);
      },
      [](const v1::ListAssessmentsResponse& response) {
        std::vector<Row> table{AssessmentHeader()};
        for (const auto& a : response.assessments()) table.push_back(AssessmentRow(a));
        return table;
      });
}

}  // namespace

int RunReviewRate(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(
      args, FlagSpec{{"plan", "kind", "window-date", "results", "behaviour", "value",
                      "results-note", "behaviour-note", "etag", "request-id"},
                     {},
                     {"value"}});
  if (!parsed.ok()) return UsageError(env, kRate, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kRate, extra);
  }
  absl::StatusOr<v1::RateAssessmentRequest> request = RateRequest(*parsed);
  if (!request.ok()) return UsageError(env, kRate, request.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kRate, options.status());
  return ReviewUnary<v1::Assessment>(
      env, kRate, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.RateAssessment(context, *request, response);
      },
      [](const v1::Assessment& a) { return FormatAssessment(a); });
}

int RunReviewFinalise(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseReviewArgs(args, FlagSpec{{"justification", "etag", "request-id"}, {}});
  if (!parsed.ok()) return UsageError(env, kFinalise, parsed.status());
  absl::StatusOr<std::string> id = OnlyId(*parsed, "assessment");
  if (!id.ok()) return UsageError(env, kFinalise, id.status());
  v1::FinaliseAssessmentRequest request;
  request.set_id(*id);
  for (const char* flag : {"justification", "etag", "request-id"}) {
    absl::StatusOr<std::string> value = OptionalNonEmpty(*parsed, flag);
    if (!value.ok()) return UsageError(env, kFinalise, value.status());
  }
  request.set_distribution_justification(parsed->Get("justification").value_or(""));
  request.set_etag(parsed->Get("etag").value_or(""));
  request.set_request_id(parsed->Get("request-id").value_or(""));
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kFinalise, options.status());
  return ReviewUnary<v1::Assessment>(
      env, kFinalise, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.FinaliseAssessment(context, request, response);
      },
      [](const v1::Assessment& a) {
        std::string out = Summary(a);
        for (const std::string& finding : a.distribution_findings()) {
          out += "  distribution: " + finding + "\n";
        }
        return out;
      });
}

int RunReviewAssessments(const std::vector<std::string>& args, const CliEnv& env) {
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, "review assessments", "missing what to do: get or list");
  }
  if (args[0] == "get") return RunGet(args, env);
  if (args[0] == "list") return RunList(args, env);
  return UsageError(env, "review assessments",
                    "unknown subcommand \"" + args[0] + "\" (expected get or list)");
}

}  // namespace kinerja::cli
