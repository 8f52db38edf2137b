// kinerja reporting-line: an employee's assessor (pejabat penilai) and the assessor's superior
// (atasan pejabat penilai) on a date.
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "reporting-line";

constexpr char kReportingUsage[] =
    R"(Usage: kinerja reporting-line (--id ID | --nip NIP) [--date YYYY-MM-DD]
       [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Prints the employee, the assessor (pejabat penilai kinerja) and the assessor's superior
(atasan pejabat penilai) on --date (default: today in Asia/Jakarta, decided by the server).
Acting officials are marked [Plt] / [Plh]; political heads without NIP are marked [NON-ASN].
Exit status: 0 found, 1 the call failed, 2 usage error.
)";

}  // namespace

int RunReportingLine(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kReportingUsage;
    return kExitOk;
  }
  absl::StatusOr<ParsedArgs> parsed =
      ParsedArgs::Parse(args, Merge(ConnectionFlags(), FlagSpec{{"id", "nip", "date"}, {}}));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  if (!parsed->positionals().empty()) {
    return UsageError(env, kCommand,
                      "unexpected \"" + parsed->positionals()[0] + "\" (use --id ID or --nip NIP)");
  }
  v1::GetReportingLineRequest request;
  absl::StatusOr<OneOf> key = ExactlyOne(*parsed, "id", "nip");
  if (!key.ok()) return UsageError(env, kCommand, key.status());
  if (key->flag == "id") {
    request.set_employee_id(key->value);
  } else {
    request.set_nip(key->value);
  }
  if (std::optional<std::string> date = parsed->Get("date")) {
    absl::StatusOr<absl::CivilDay> day = ParseDay("date", *date);
    if (!day.ok()) return UsageError(env, kCommand, day.status());
    request.mutable_date()->set_year(static_cast<int32_t>(day->year()));
    request.mutable_date()->set_month(day->month());
    request.mutable_date()->set_day(day->day());
  }
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(*parsed, env, kDefaultTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  Connection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::ReportingLine line;
  grpc::Status status = connection.stub().GetReportingLine(&context, request, &line);
  if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  *env.out << (options->json ? ToJson(line, /*pretty=*/true) + "\n" : FormatReportingLine(line));
  return kExitOk;
}

}  // namespace kinerja::cli
