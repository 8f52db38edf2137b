// kinerja review: the choice of every review subcommand, its usage, and the policy and
// organisation-predicate commands.
#include <optional>
#include <string>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/goals_args.h"
#include "tools/cli/paging.h"
#include "tools/cli/review_args.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {

namespace v1 = ::kinerja::review::v1;

const char kReviewUsage[] =
    R"(Usage: kinerja review policy get --agency ID
       kinerja review policy set --agency ID [--objection-days N]
                 [--working-days | --calendar-days] [--holiday YYYY-MM-DD]... [--no-holidays]
                 [--anonymity-threshold K] [--distribution block|warn] [--grace-days N]
                 [--koefisien-id X] [--request-id X]
       kinerja review org-predicate set --unit ID --period ID --predicate P [--note N]
       kinerja review org-predicate list [--agency ID] [--period ID] [--unit ID]
       kinerja review rate --plan ID --kind annual|periodic [--window-date YYYY-MM-DD]
                 [--results R] --behaviour R [--value CORE_VALUE=R]... [--results-note N]
                 [--behaviour-note N] [--etag E]
       kinerja review finalise ID [--justification TEXT] [--etag E]
       kinerja review assessments get ID
       kinerja review assessments list [--agency ID] [--period ID] [--unit ID] [--employee ID]
                 [--nip NIP] [--plan ID] [--kind annual|periodic] [--state draft|finalised]
       kinerja review objection file ASSESSMENT_ID --explanation TEXT
       kinerja review objection explain ID --explanation TEXT
       kinerja review objection decide ID --results R --behaviour R --note N
       kinerja review objection get ID
       kinerja review objection list [--agency ID] [--assessment ID] [--employee ID] [--nip NIP]
                 [--state filed|decided]
       kinerja review export --agency ID --period ID [--unit ID [--subunits]]
                 [--kind annual|periodic] [--all] --out DIR
       kinerja review import-surveys --agency ID FILE.csv [--dry-run]
       [--request-id X] (mutations)  [--filter F] [--page-size N] [--page-token T] [--all] (lists)
       [--review-addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Performance review (penilaian kinerja). R is a rating: above, as-expected or below (di atas /
sesuai / di bawah ekspektasi, national codes 1 / 2 / 3). The predicate (predikat kinerja) is
derived by the service from the two ratings, never typed in.

policy set: an HR admin of the agency changes only the settings given (read, then written
  back with the read etag): the objection window in calendar or working days, the holidays
  working days skip (--holiday repeated replaces the list, --no-holidays empties it), the 360
  anonymity threshold, whether the distribution bands block finalisation or warn (then
  finalise needs --justification), the days realisations stay open after a window, and the
  koefisienId of periodic SIASN pushes.
org-predicate set: the unit's performance (predikat kinerja organisasi) for the period:
  istimewa, baik, butuh-perbaikan, kurang or sangat-kurang; by the leader one level up of the
  day (for a unit under a NON-ASN regional head: the agency's HR admin records it).
rate: the assessor of the day rates a plan (creating the draft on the first call); periodic
  needs --window-date (any day of the month or quarter), annual takes none. A unit head's
  results follow the unit's predicate and may be left out. --value rates one BerAKHLAK core
  value (service-oriented, accountable, competent, harmonious, loyal, adaptive,
  collaborative), each at most once, e.g. --value accountable=below; every rate gives the
  draft's whole rating, so the values given replace the earlier ones (none given: none kept).
  --behaviour stays your own overall judgement, not derived from the values.
finalise: delivers the assessment to the employee; the objection window starts.
objection: the employee files against a finalised assessment, the assessor explains, the
  assessor's superior of the day decides (the ratings as decided; final).
export: streams the SIASN bodies not exported yet (or changed by an objection since; --all:
  every finalised one) and writes each to DIR as ENDPOINT_ASSESSMENTID.json (skp22-save_...,
  kinerjaperiodik-save_...); prints how many were new and changed. The service marks records
  exported as it sends them: if writing fails, re-run with --all.
import-surveys: uploads a public satisfaction survey CSV (IKM) in chunks, reporting progress on
  standard error, then the summary with the errors per line (--timeout default 10m).
List filters: the flags become 'field = "value"' conditions joined by AND, with --filter.

The review service is at --review-addr (env REVIEW_ADDR). Exit status: 0 done, 1 the call
failed (or an import had failed lines), 2 usage error.
)";

namespace {

constexpr char kCommand[] = "review";

// ---- policy ----

constexpr char kPolicyGet[] = "review policy get";
constexpr char kPolicySet[] = "review policy set";

int RunPolicyGet(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, FlagSpec{{"agency"}, {}});
  if (!parsed.ok()) return UsageError(env, kPolicyGet, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kPolicyGet, extra);
  }
  absl::StatusOr<std::string> agency = Required(*parsed, "agency");
  if (!agency.ok()) return UsageError(env, kPolicyGet, agency.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kPolicyGet, options.status());
  v1::GetReviewPolicyRequest request;
  request.set_agency_id(*agency);
  return ReviewUnary<v1::ReviewPolicy>(
      env, kPolicyGet, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetReviewPolicy(context, request, response);
      },
      [](const v1::ReviewPolicy& p) { return FormatPolicy(p); });
}

// The settings given on the command line, applied to `policy`; the mask paths they touch.
absl::StatusOr<std::vector<std::string>> ApplyPolicyFlags(const ParsedArgs& args,
                                                          v1::ReviewPolicy& policy) {
  std::vector<std::string> paths;
  if (std::optional<std::string> days = args.Get("objection-days")) {
    absl::StatusOr<int32_t> n = ParsePositiveInt("objection-days", *days, 366);
    if (!n.ok()) return n.status();
    policy.set_objection_days(*n);
    paths.push_back("objection_days");
  }
  if (args.Has("working-days") && args.Has("calendar-days")) {
    return absl::InvalidArgumentError("give only one of --working-days and --calendar-days");
  }
  if (args.Has("working-days") || args.Has("calendar-days")) {
    policy.set_objection_working_days(args.Has("working-days"));
    paths.push_back("objection_working_days");
  }
  std::vector<std::string> holidays = args.GetAll("holiday");
  if (!holidays.empty() && args.Has("no-holidays")) {
    return absl::InvalidArgumentError("--holiday does not go with --no-holidays");
  }
  if (!holidays.empty() || args.Has("no-holidays")) {
    policy.clear_holidays();
    for (const std::string& text : holidays) {
      absl::StatusOr<absl::CivilDay> day = ParseDay("holiday", text);
      if (!day.ok()) return day.status();
      *policy.add_holidays() = DateOf(*day);
    }
    paths.push_back("holidays");
  }
  if (std::optional<std::string> k = args.Get("anonymity-threshold")) {
    absl::StatusOr<int32_t> n = ParsePositiveInt("anonymity-threshold", *k, 1000);
    if (!n.ok()) return n.status();
    policy.set_anonymity_threshold(*n);
    paths.push_back("anonymity_threshold");
  }
  if (std::optional<std::string> mode = args.Get("distribution")) {
    if (*mode != "block" && *mode != "warn") {
      return absl::InvalidArgumentError("--distribution must be block or warn (got \"" + *mode +
                                        "\")");
    }
    policy.set_distribution_block(*mode == "block");
    paths.push_back("distribution_block");
  }
  if (std::optional<std::string> grace = args.Get("grace-days")) {
    absl::StatusOr<int32_t> n = ParseNonNegativeInt("grace-days", *grace, 366);
    if (!n.ok()) return n.status();
    policy.set_realisation_grace_days(*n);
    paths.push_back("realisation_grace_days");
  }
  if (args.Has("koefisien-id")) {
    absl::StatusOr<std::string> id = OptionalNonEmpty(args, "koefisien-id");
    if (!id.ok()) return id.status();
    policy.set_koefisien_id(*id);
    paths.push_back("koefisien_id");
  }
  if (paths.empty()) {
    return absl::InvalidArgumentError(
        "nothing to change: give at least one of --objection-days, --working-days, "
        "--calendar-days, --holiday, --no-holidays, --anonymity-threshold, --distribution, "
        "--grace-days, --koefisien-id");
  }
  return paths;
}

int RunPolicySet(const std::vector<std::string>& args, const CliEnv& env) {
  FlagSpec own{{"agency", "objection-days", "holiday", "anonymity-threshold", "distribution",
                "grace-days", "koefisien-id", "request-id"},
               {"working-days", "calendar-days", "no-holidays"},
               {"holiday"}};
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, own);
  if (!parsed.ok()) return UsageError(env, kPolicySet, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kPolicySet, extra);
  }
  absl::StatusOr<std::string> agency = Required(*parsed, "agency");
  if (!agency.ok()) return UsageError(env, kPolicySet, agency.status());
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return UsageError(env, kPolicySet, request_id.status());
  // Validate every flag before any call: a scratch policy takes them first.
  v1::ReviewPolicy scratch;
  absl::StatusOr<std::vector<std::string>> paths = ApplyPolicyFlags(*parsed, scratch);
  if (!paths.ok()) return UsageError(env, kPolicySet, paths.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kPolicySet, options.status());

  ReviewConnection connection(*options, env);
  v1::UpdateReviewPolicyRequest request;
  {
    grpc::ClientContext context;
    connection.Prepare(&context);
    v1::GetReviewPolicyRequest get;
    get.set_agency_id(*agency);
    grpc::Status status =
        connection.stub().GetReviewPolicy(&context, get, request.mutable_policy());
    if (!status.ok()) return RpcError(env, kPolicySet, options->addr, status, &context);
  }
  v1::ReviewPolicy& policy = *request.mutable_policy();
  policy.set_agency_id(*agency);
  (void)ApplyPolicyFlags(*parsed, policy);  // validated above
  for (const std::string& path : *paths) request.mutable_update_mask()->add_paths(path);
  request.set_request_id(*request_id);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::ReviewPolicy saved;
  grpc::Status status = connection.stub().UpdateReviewPolicy(&context, request, &saved);
  if (!status.ok()) return RpcError(env, kPolicySet, options->addr, status, &context);
  return PrintResult(env, *options, saved, FormatPolicy(saved));
}

// ---- organisation predicate ----

constexpr char kOrgSet[] = "review org-predicate set";
constexpr char kOrgList[] = "review org-predicate list";

int RunOrgPredicateSet(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseReviewArgs(args, FlagSpec{{"unit", "period", "predicate", "note", "request-id"}, {}});
  if (!parsed.ok()) return UsageError(env, kOrgSet, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kOrgSet, extra);
  }
  v1::SetOrgPredicateRequest request;
  absl::StatusOr<std::string> unit = Required(*parsed, "unit");
  if (!unit.ok()) return UsageError(env, kOrgSet, unit.status());
  request.set_unit_id(*unit);
  absl::StatusOr<std::string> period = Required(*parsed, "period");
  if (!period.ok()) return UsageError(env, kOrgSet, period.status());
  request.set_period_id(*period);
  absl::StatusOr<std::string> text = Required(*parsed, "predicate");
  if (!text.ok()) return UsageError(env, kOrgSet, text.status());
  absl::StatusOr<v1::OrgPredicate> predicate = ParseOrgPredicate(*text);
  if (!predicate.ok()) return UsageError(env, kOrgSet, predicate.status());
  request.set_predicate(*predicate);
  absl::StatusOr<std::string> note = OptionalNonEmpty(*parsed, "note");
  if (!note.ok()) return UsageError(env, kOrgSet, note.status());
  request.set_note(*note);
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return UsageError(env, kOrgSet, request_id.status());
  request.set_request_id(*request_id);
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kOrgSet, options.status());
  return ReviewUnary<v1::OrgPredicateDecision>(
      env, kOrgSet, *options,
      [&](auto& stub, auto* context, auto* response) {
        return stub.SetOrgPredicate(context, request, response);
      },
      [](const v1::OrgPredicateDecision& d) { return FormatOrgPredicateDecision(d); });
}

int RunOrgPredicateList(const std::vector<std::string>& args, const CliEnv& env) {
  FlagSpec own = PagingFlags();
  own.value_flags.insert({"filter", "agency", "period", "unit"});
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(args, own);
  if (!parsed.ok()) return UsageError(env, kOrgList, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kOrgList, extra);
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return UsageError(env, kOrgList, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kOrgList, options.status());

  ReviewConnection connection(*options, env);
  v1::ListOrgPredicatesRequest request;
  request.set_filter(BuildFilter(
      *parsed, {{"agency", "agency_id"}, {"period", "period_id"}, {"unit", "unit_id"}}));
  return ListPages<v1::ListOrgPredicatesRequest, v1::ListOrgPredicatesResponse>(
      env, kOrgList, *options, request, *paging,
      [&](auto* context, const auto& r, auto* response) {
        return connection.stub().ListOrgPredicates(context, r, response);
      },
      [](const v1::ListOrgPredicatesResponse& response) {
        std::vector<Row> table{OrgPredicateHeader()};
        for (const auto& d : response.decisions()) table.push_back(OrgPredicateRow(d));
        return table;
      });
}

// {"set", ...} of "review org-predicate set": the word after the group, checked.
int Missing(const CliEnv& env, const std::string& group, const char* expected) {
  return UsageError(env, "review " + group, std::string("missing what to do: ") + expected);
}

int Unknown(const CliEnv& env, const std::string& group, const std::string& word,
            const char* expected) {
  return UsageError(env, "review " + group,
                    "unknown subcommand \"" + word + "\" (expected " + expected + ")");
}

}  // namespace

int RunReviewPolicy(const std::vector<std::string>& args, const CliEnv& env) {
  if (args.empty() || args[0].starts_with("-")) return Missing(env, "policy", "get or set");
  if (args[0] == "get") return RunPolicyGet(args, env);
  if (args[0] == "set") return RunPolicySet(args, env);
  return Unknown(env, "policy", args[0], "get or set");
}

int RunReviewOrgPredicate(const std::vector<std::string>& args, const CliEnv& env) {
  if (args.empty() || args[0].starts_with("-")) {
    return Missing(env, "org-predicate", "set or list");
  }
  if (args[0] == "set") return RunOrgPredicateSet(args, env);
  if (args[0] == "list") return RunOrgPredicateList(args, env);
  return Unknown(env, "org-predicate", args[0], "set or list");
}

int RunReview(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kReviewUsage;
    return kExitOk;
  }
  constexpr char kExpected[] =
      "policy, org-predicate, rate, finalise, assessments, objection, export or import-surveys";
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kCommand, std::string("missing what to do: ") + kExpected);
  }
  const std::string& word = args[0];
  // Groups get the words after their own; single-word commands get theirs (the ID follows it).
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (word == "policy") return RunReviewPolicy(rest, env);
  if (word == "org-predicate") return RunReviewOrgPredicate(rest, env);
  if (word == "assessments") return RunReviewAssessments(rest, env);
  if (word == "objection") return RunReviewObjection(rest, env);
  if (word == "rate") return RunReviewRate(args, env);
  if (word == "finalise") return RunReviewFinalise(args, env);
  if (word == "export") return RunReviewExport(args, env);
  if (word == "import-surveys") return RunReviewImportSurveys(args, env);
  return UsageError(env, kCommand,
                    "unknown subcommand \"" + word + "\" (expected " + kExpected + ")");
}

}  // namespace kinerja::cli
