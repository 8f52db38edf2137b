#include "tools/cli/dispatch.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/goals_connection.h"
#include "tools/cli/review_connection.h"

namespace kinerja::cli {

const char kMainUsage[] =
    R"(kinerja: command-line client of the Kinerja employee, goals and review services.

Usage: kinerja [CONNECTION] COMMAND [ARGS] [CONNECTION]

Commands:
  create-agency --id ID --name NAME [--kind central|province|regency|city]
         [--head-title TITLE] [--if-missing] [--request-id X]
                                     create the agency (instansi) to import into
  import --kind unor|data-utama --agency ID FILE [--format jsonl|csv] [--dry-run]
         [--request-id X]            upload a SIASN export (ImportRecords)
  get employee (--id ID | --nip NIP) | get agency ID | get unit ID
  list employees [--filter F] [--order-by name] [--page-size N] [--all]
  list units [--filter F] | list agencies
  reporting-line (--id ID | --nip NIP) [--date YYYY-MM-DD]
                                     employee, assessor and assessor's superior
  events [--after CURSOR] [--follow] the service's events (StreamEvents)

Goals commands (the goals service, at --goals-addr):
  period create --agency ID --year Y --deadline YYYY-MM-DD [--cadence monthly|quarterly]
         [--name N] [--start YYYY-MM-DD --end YYYY-MM-DD] [--request-id X]
                                     open the agency's annual performance period
  period list [--filter F]
  plan create --period ID (--employee-id ID | --nip NIP) [--request-id X]
                                     a performance plan (SKP) with its reporting line
  plan get ID | plan list [--filter F] [--page-size N] [--all]
  plan add-result ID --text T [--parent RESULT_ID] [--perspective P] [--additional]
         --indicator "TEXT;ASPECT;MIN;MAX;UNIT"...
                                     append a work result (RHK) with its indicators (IKI)
  plan submit ID | plan approve ID | plan return ID --note N | plan revise ID --reason R
  cascade PLAN_ID                    the cascade tree, orphans and uncovered results

Review commands (the review service, at --review-addr; 'kinerja review --help' for all flags):
  review policy get|set --agency ID [...]
                                     objection window, holidays, distribution enforcement
  review org-predicate set --unit ID --period ID --predicate P | org-predicate list
  review rate --plan ID --kind annual|periodic [--window-date D] [--results R] --behaviour R
                                     [--value CORE_VALUE=R]...
  review finalise ID [--justification T]
  review assessments get ID | assessments list [--agency ID] [--period ID] [--state S] ...
  review objection file ASSESSMENT_ID --explanation T | explain ID --explanation T
  review objection decide ID --results R --behaviour R --note N | get ID | list [...]
  review export --agency ID --period ID [--unit ID [--subunits]] [--kind K] [--all] --out DIR
                                     SIASN bodies, one JSON file each
  review import-surveys --agency ID FILE.csv [--dry-run]
                                     public satisfaction survey results (IKM)

CONNECTION (flags win over the environment):
  --addr HOST:PORT     employee service address (env EMPLOYEE_ADDR)
  --goals-addr HOST:PORT
                       goals service address, for period, plan and cascade (env GOALS_ADDR)
  --review-addr HOST:PORT
                       review service address, for review (env REVIEW_ADDR)
  --token JWT          bearer token, sent as "authorization: Bearer JWT" (env KINERJA_TOKEN)
  --timeout DURATION   deadline per call, e.g. 30s, 2m (default 30s; import 10m)
  --json               print protobuf JSON instead of text

Flags take "--name value" or "--name=value". 'kinerja COMMAND --help' describes a command.
Exit status: 0 success, 1 a call failed or an import had failed records, 2 usage error.
)";

int Dispatch(const std::vector<std::string>& args, const CliEnv& env) {
  static const std::map<std::string, CommandFn, std::less<>>* const kCommands =
      new std::map<std::string, CommandFn, std::less<>>{
          {"create-agency", RunCreateAgency},
          {"import", RunImport},
          {"get", RunGet},
          {"list", RunList},
          {"events", RunEvents},
          {"reporting-line", RunReportingLine},
          {"period", RunPeriod},
          {"plan", RunPlan},
          {"cascade", RunCascade},
          {"review", RunReview},
      };
  const FlagSpec connection_flags =
      Merge(Merge(ConnectionFlags(), GoalsConnectionFlags()), ReviewConnectionFlags());
  // Leading connection flags, kept to pass on after the command's own arguments.
  std::vector<std::string> leading;
  size_t i = 0;
  for (; i < args.size() && args[i].starts_with("-"); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      *env.out << kMainUsage;
      return kExitOk;
    }
    leading.push_back(arg);
    std::string name =
        arg.substr(2, arg.find('=') == std::string::npos ? std::string::npos : arg.find('=') - 2);
    if (!connection_flags.value_flags.contains(name) &&
        !connection_flags.bool_flags.contains(name)) {
      *env.err << "kinerja: unknown flag " << arg << " before the command\n"
               << "Run 'kinerja --help' for usage.\n";
      return kExitUsage;
    }
    if (arg.find('=') == std::string::npos && connection_flags.value_flags.contains(name) &&
        i + 1 < args.size()) {
      leading.push_back(args[++i]);
    }
  }
  if (i >= args.size()) {
    *env.err << kMainUsage;
    return kExitUsage;
  }
  if (args[i] == "help") {
    *env.out << kMainUsage;
    return kExitOk;
  }
  auto command = kCommands->find(args[i]);
  if (command == kCommands->end()) {
    *env.err << "kinerja: unknown command \"" << args[i]
             << "\" (expected create-agency, import, get, list, reporting-line, events, period, "
                "plan, cascade or review)\n"
             << "Run 'kinerja --help' for usage.\n";
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
  // After the command's own arguments, but before any "--" that ends its flags.
  auto end_of_flags = std::find(rest.begin(), rest.end(), "--");
  rest.insert(end_of_flags, leading.begin(), leading.end());
  return command->second(rest, env);
}

}  // namespace kinerja::cli
