// kinerja period create|list: annual performance periods (periode penilaian) of an agency.
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/goals_args.h"
#include "tools/cli/goals_common.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/goals_print.h"
#include "tools/cli/paging.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;

constexpr char kCommand[] = "period";
constexpr char kCreate[] = "period create";
constexpr char kList[] = "period list";

constexpr char kPeriodUsage[] =
    R"(Usage: kinerja period create --agency ID --year Y --deadline YYYY-MM-DD
                             [--cadence monthly|quarterly] [--name N]
                             [--start YYYY-MM-DD --end YYYY-MM-DD] [--request-id X]
       kinerja period list [--filter F] [--page-size N] [--page-token T] [--all]
       [--goals-addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

create: opens the agency's annual performance period (an HR admin of the agency).
  --agency ID       the agency (instansi)
  --year Y          the period's year
  --deadline D      last day to submit a first plan (batas pengisian), within the period
  --cadence C       periodic assessment: monthly (bulanan) or quarterly (triwulanan, default)
  --name N          default "Periode penilaian kinerja Y"
  --start, --end    the period's first and last day (default the whole year)
  --request-id X    idempotency key: a retry with the same X returns the first answer
list: filter fields agency_id, year, state, e.g. --filter 'agency_id = "A1" AND year = 2025'.

The goals service is at --goals-addr (env GOALS_ADDR). Exit status: 0 done, 1 the call failed,
2 usage error.
)";

// --start/--end: both or neither (the whole year).
absl::Status SetDates(const ParsedArgs& args, int32_t year, v1::Period& period) {
  std::optional<std::string> start = args.Get("start"), end = args.Get("end");
  if (start.has_value() != end.has_value()) {
    return absl::InvalidArgumentError(
        std::string(start ? "--start needs --end" : "--end needs --start") +
        " (give both, or neither for the whole year)");
  }
  absl::CivilDay first(year, 1, 1), last(year, 12, 31);
  if (start) {
    absl::StatusOr<absl::CivilDay> s = ParseDay("start", *start);
    if (!s.ok()) return s.status();
    absl::StatusOr<absl::CivilDay> e = ParseDay("end", *end);
    if (!e.ok()) return e.status();
    if (*e < *s) return absl::InvalidArgumentError("--end must not be before --start");
    first = *s;
    last = *e;
  }
  *period.mutable_start_date() = DateOf(first);
  *period.mutable_end_date() = DateOf(last);
  return absl::OkStatus();
}

absl::StatusOr<v1::CreatePeriodRequest> CreateRequest(const ParsedArgs& args) {
  v1::CreatePeriodRequest request;
  v1::Period& period = *request.mutable_period();
  absl::StatusOr<std::string> agency = Required(args, "agency");
  if (!agency.ok()) return agency.status();
  period.set_agency_id(*agency);
  absl::StatusOr<std::string> year_text = Required(args, "year");
  if (!year_text.ok()) return year_text.status();
  absl::StatusOr<int32_t> year = ParsePositiveInt("year", *year_text, 9999);
  if (!year.ok()) return year.status();
  period.set_year(*year);
  absl::StatusOr<std::string> deadline_text = Required(args, "deadline");
  if (!deadline_text.ok()) return deadline_text.status();
  absl::StatusOr<absl::CivilDay> deadline = ParseDay("deadline", *deadline_text);
  if (!deadline.ok()) return deadline.status();
  *period.mutable_filling_deadline() = DateOf(*deadline);
  absl::StatusOr<v1::Cadence> cadence = ParseCadence(args.Get("cadence").value_or("quarterly"));
  if (!cadence.ok()) return cadence.status();
  period.set_cadence(*cadence);
  absl::Status dates = SetDates(args, *year, period);
  if (!dates.ok()) return dates;
  absl::StatusOr<std::string> name = OptionalNonEmpty(args, "name");
  if (!name.ok()) return name.status();
  period.set_name(name->empty() ? "Periode penilaian kinerja " + std::to_string(*year) : *name);
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(args, "request-id");
  if (!request_id.ok()) return request_id.status();
  request.set_request_id(*request_id);
  return request;
}

int RunPeriodCreate(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(
      args,
      FlagSpec{{"agency", "year", "deadline", "cadence", "name", "start", "end", "request-id"},
               {}});
  if (!parsed.ok()) return UsageError(env, kCreate, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kCreate, extra);
  }
  absl::StatusOr<v1::CreatePeriodRequest> request = CreateRequest(*parsed);
  if (!request.ok()) return UsageError(env, kCreate, request.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kCreate, options.status());

  GoalsConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::Period period;
  grpc::Status status = connection.stub().CreatePeriod(&context, *request, &period);
  if (!status.ok()) return RpcError(env, kCreate, options->addr, status, &context);
  return PrintResult(env, *options, period, FormatPeriod(period));
}

int RunPeriodList(const std::vector<std::string>& args, const CliEnv& env) {
  FlagSpec own = PagingFlags();
  own.value_flags.insert("filter");
  absl::StatusOr<ParsedArgs> parsed = ParseGoalsArgs(args, own);
  if (!parsed.ok()) return UsageError(env, kList, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kList, extra);
  }
  absl::StatusOr<Paging> paging = ParsePaging(*parsed);
  if (!paging.ok()) return UsageError(env, kList, paging.status());
  absl::StatusOr<ConnectionOptions> options = ResolveGoalsConnection(*parsed, env);
  if (!options.ok()) return UsageError(env, kList, options.status());

  GoalsConnection connection(*options, env);
  v1::ListPeriodsRequest request;
  request.set_filter(parsed->Get("filter").value_or(""));
  return ListPages<v1::ListPeriodsRequest, v1::ListPeriodsResponse>(
      env, kList, *options, request, *paging,
      [&](auto* context, const auto& r, auto* response) {
        return connection.stub().ListPeriods(context, r, response);
      },
      [](const v1::ListPeriodsResponse& response) {
        std::vector<Row> table{PeriodHeader()};
        for (const v1::Period& p : response.periods()) table.push_back(PeriodRow(p));
        return table;
      });
}

}  // namespace

int RunPeriod(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kPeriodUsage;
    return kExitOk;
  }
  if (args.empty() || args[0].starts_with("-")) {
    return UsageError(env, kCommand, "missing what to do: create or list");
  }
  if (args[0] == "create") return RunPeriodCreate(args, env);
  if (args[0] == "list") return RunPeriodList(args, env);
  return UsageError(env, kCommand,
                    "unknown subcommand \"" + args[0] + "\" (expected create or list)");
}

}  // namespace kinerja::cli
