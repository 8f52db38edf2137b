// kinerja create-agency: creates an agency (instansi), the container every import needs first.
// With --if-missing an agency that already exists is success, so scripts can run it every time.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "create-agency";

constexpr char kCreateAgencyUsage[] =
    R"(Usage: kinerja create-agency --id ID --name NAME [--kind central|province|regency|city]
                             [--head-title TITLE] [--if-missing] [--request-id X]
                             [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Creates an agency (instansi) through CreateAgency; SIASN files are imported into an existing
agency (kinerja import --agency ID).

  --id ID           the agency's identifier, e.g. the SIASN instansiId (immutable)
  --name NAME       the agency's name, e.g. "Pemerintah Kota Contoh"
  --kind K          central (kementerian / lembaga), province, regency (kabupaten) or city
                    (kota); the employee service requires it
  --head-title T    title of the political head, e.g. "Wali Kota"
  --if-missing      an agency with this id that already exists is success (ALREADY_EXISTS
                    is reported, not failed); the existing agency is left unchanged
  --request-id X    idempotency key: a retry with the same X returns the first answer

Prints the created agency. Exit status: 0 created (or, with --if-missing, already there),
1 the call failed (e.g. ALREADY_EXISTS, PERMISSION_DENIED), 2 usage error.
)";

absl::StatusOr<v1::AgencyKind> ParseKind(std::string_view text) {
  if (text == "central") return v1::AGENCY_KIND_CENTRAL;
  if (text == "province") return v1::AGENCY_KIND_PROVINCE;
  if (text == "regency") return v1::AGENCY_KIND_REGENCY;
  if (text == "city") return v1::AGENCY_KIND_CITY;
  return absl::InvalidArgumentError("--kind must be central, province, regency or city (got \"" +
                                    std::string(text) + "\")");
}

}  // namespace

int RunCreateAgency(const std::vector<std::string>& args, const CliEnv& env) {
  if (WantsHelp(args)) {
    *env.out << kCreateAgencyUsage;
    return kExitOk;
  }
  absl::StatusOr<ParsedArgs> parsed = ParsedArgs::Parse(
      args, Merge(ConnectionFlags(),
                  FlagSpec{{"id", "name", "kind", "head-title", "request-id"}, {"if-missing"}}));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  if (!parsed->positionals().empty()) {
    return UsageError(env, kCommand, "unexpected \"" + parsed->positionals()[0] + "\"");
  }

  // Validate the request before connecting: a usage error never needs the server.
  v1::CreateAgencyRequest request;
  v1::Agency& agency = *request.mutable_agency();
  absl::StatusOr<std::string> id = Required(*parsed, "id");
  if (!id.ok()) return UsageError(env, kCommand, id.status());
  agency.set_id(*id);
  absl::StatusOr<std::string> name = Required(*parsed, "name");
  if (!name.ok()) return UsageError(env, kCommand, name.status());
  agency.set_name(*name);
  if (std::optional<std::string> text = parsed->Get("kind")) {
    absl::StatusOr<v1::AgencyKind> kind = ParseKind(*text);
    if (!kind.ok()) return UsageError(env, kCommand, kind.status());
    agency.set_kind(*kind);
  }
  agency.set_head_title(parsed->Get("head-title").value_or(""));
  if (std::optional<std::string> request_id = parsed->Get("request-id")) {
    if (request_id->empty()) return UsageError(env, kCommand, "--request-id must not be empty");
    request.set_request_id(*request_id);
  }
  const bool if_missing = parsed->Has("if-missing");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(*parsed, env, kDefaultTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  Connection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::Agency created;
  grpc::Status status = connection.stub().CreateAgency(&context, request, &created);
  if (if_missing && status.error_code() == grpc::ALREADY_EXISTS) {
    // Standard output stays pure JSON under --json; the note goes to standard error there.
    *(options->json ? env.err : env.out) << "agency " << agency.id() << " already exists\n";
    return kExitOk;
  }
  if (!status.ok()) return RpcError(env, kCommand, options->addr, status, &context);
  *env.out << (options->json ? ToJson(created, /*pretty=*/true) + "\n" : FormatAgency(created));
  return kExitOk;
}

}  // namespace kinerja::cli
