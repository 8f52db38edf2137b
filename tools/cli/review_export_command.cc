// kinerja review export: streams an agency's SIASN bodies (ExportAssessments) and writes each
// to its own file in --out, named by endpoint and assessment id, then prints how many were new
// and how many changed by an objection since an earlier export.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "tools/cli/review_args.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;
namespace fs = std::filesystem;

constexpr char kCommand[] = "review export";

struct ExportTally {
  int records = 0;
  int fresh = 0;    // reason NEW
  int changed = 0;  // reason CHANGED
  int other = 0;    // any other reason the service may add
  std::map<std::string, int> by_endpoint;
  std::vector<std::string> files;
};

absl::StatusOr<v1::ExportAssessmentsRequest> ExportRequest(const ParsedArgs& args) {
  v1::ExportAssessmentsRequest request;
  absl::StatusOr<std::string> agency = Required(args, "agency");
  if (!agency.ok()) return agency.status();
  request.set_agency_id(*agency);
  absl::StatusOr<std::string> period = Required(args, "period");
  if (!period.ok()) return period.status();
  request.set_period_id(*period);
  absl::StatusOr<std::string> unit = OptionalNonEmpty(args, "unit");
  if (!unit.ok()) return unit.status();
  request.set_unit_id(*unit);
  if (args.Has("subunits") && unit->empty()) {
    return absl::InvalidArgumentError("--subunits needs --unit");
  }
  request.set_include_subunits(args.Has("subunits"));
  if (std::optional<std::string> kind = args.Get("kind")) {
    absl::StatusOr<v1::AssessmentKind> k = ParseKind("kind", *kind);
    if (!k.ok()) return k.status();
    request.set_kind(*k);
  }
  request.set_all(args.Has("all"));
  return request;
}

// Writes `body` to dir/name through a temporary file renamed into place, so that a file with
// the final name is always a whole body.
absl::Status WriteBody(const fs::path& dir, const std::string& name, const std::string& body) {
  const fs::path target = dir / name;
  const fs::path temporary = dir / ("." + name + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << body << "\n";
    out.close();
    if (!out) {
      return absl::InternalError("writing " + temporary.string() +
                                 " failed: " + std::strerror(errno));
    }
  }
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    return absl::InternalError("renaming " + temporary.string() + " to " + target.string() +
                               " failed: " + error.message());
  }
  return absl::OkStatus();
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string TallyText(const ExportTally& t, const std::string& dir) {
  std::string out = "exported " + std::to_string(t.records) + " record" +
                    (t.records == 1 ? "" : "s") + " to " + dir + ": " + std::to_string(t.fresh) +
                    " new, " + std::to_string(t.changed) + " changed";
  if (t.other > 0) out += ", " + std::to_string(t.other) + " other";
  out += "\n";
  for (const auto& [endpoint, count] : t.by_endpoint) {
    out += "  " + endpoint + ": " + std::to_string(count) + "\n";
  }
  return out;
}

std::string TallyJson(const ExportTally& t, const std::string& dir) {
  std::string out = "{\n  \"out\": " + JsonString(dir) +
                    ",\n  \"records\": " + std::to_string(t.records) +
                    ",\n  \"new\": " + std::to_string(t.fresh) +
                    ",\n  \"changed\": " + std::to_string(t.changed) + ",\n  \"endpoints\": {";
  bool first = true;
  for (const auto& [endpoint, count] : t.by_endpoint) {
    out += std::string(first ? "" : ",") + "\n    " + JsonString(endpoint) + ": " +
           std::to_string(count);
    first = false;
  }
  out += std::string(first ? "" : "\n  ") + "},\n  \"files\": [";
  first = true;
  for (const std::string& file : t.files) {
    out += std::string(first ? "" : ",") + "\n    " + JsonString(file);
    first = false;
  }
  return out + std::string(first ? "" : "\n  ") + "]\n}\n";
}

}  // namespace

int RunReviewExport(const std::vector<std::string>& args, const CliEnv& env) {
  absl::StatusOr<ParsedArgs> parsed = ParseReviewArgs(
      args, FlagSpec{{"agency", "period", "unit", "kind", "out"}, {"subunits", "all"}});
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  if (absl::Status extra = NoMorePositionals(*parsed); !extra.ok()) {
    return UsageError(env, kCommand, extra);
  }
  absl::StatusOr<v1::ExportAssessmentsRequest> request = ExportRequest(*parsed);
  if (!request.ok()) return UsageError(env, kCommand, request.status());
  absl::StatusOr<std::string> out_dir = Required(*parsed, "out");
  if (!out_dir.ok()) return UsageError(env, kCommand, out_dir.status());
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env, kImportTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  const fs::path dir(*out_dir);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir)) {
    return Failure(env, kCommand,
                   "cannot create the output directory " + *out_dir + ": " +
                       (error ? error.message() : "not a directory"));
  }

  ReviewConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  std::unique_ptr<grpc::ClientReader<v1::ExportRecord>> reader =
      connection.stub().ExportAssessments(&context, *request);
  ExportTally tally;
  v1::ExportRecord record;
  absl::Status written = absl::OkStatus();
  while (reader->Read(&record)) {
    absl::StatusOr<std::string> name = ExportFileName(record.endpoint(), record.assessment_id());
    written = name.ok() ? WriteBody(dir, *name, record.body_json()) : name.status();
    if (!written.ok()) {
      // Stop the stream: the fewer records the service marks exported without a file, the better.
      context.TryCancel();
      while (reader->Read(&record)) {
      }
      break;
    }
    ++tally.records;
    if (record.reason() == "NEW") {
      ++tally.fresh;
    } else if (record.reason() == "CHANGED") {
      ++tally.changed;
    } else {
      ++tally.other;
    }
    ++tally.by_endpoint[record.endpoint()];
    tally.files.push_back((dir / *name).string());
  }
  grpc::Status status = reader->Finish();
  if (!written.ok()) {
    *env.err << "kinerja " << kCommand << ": " << written.message() << "\n"
             << "  " << tally.records << " records were written before; the service may have "
             << "marked the rest of its batch exported: re-run with --all to write them\n";
    return kExitFailure;
  }
  if (!status.ok()) {
    int rc = RpcError(env, kCommand, options->addr, status, &context);
    *env.err << "  " << tally.records << " records were written to " << *out_dir
             << " before the stream ended\n";
    return rc;
  }
  *env.out << (options->json ? TallyJson(tally, *out_dir) : TallyText(tally, *out_dir));
  return kExitOk;
}

}  // namespace kinerja::cli
