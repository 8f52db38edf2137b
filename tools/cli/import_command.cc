#include "tools/cli/import_command.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <utility>

#include "tools/cli/commands.h"
#include "tools/cli/connection.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

constexpr char kCommand[] = "import";
// Errors printed in human mode; --json prints all the server returned.
constexpr int kMaxPrintedErrors = 20;

const FlagSpec& ImportFlags() {
  static const FlagSpec* const kSpec =
      new FlagSpec{{"kind", "agency", "format", "request-id"}, {"dry-run"}};
  return *kSpec;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

constexpr char kImportUsage[] = R"(Usage: kinerja import --kind unor|data-utama --agency ID FILE
                      [--format jsonl|csv] [--dry-run] [--request-id X]
                      [--addr HOST:PORT] [--token JWT] [--timeout DURATION] [--json]

Uploads a SIASN export to ImportRecords: --kind unor for the UNOR reference tree (import it
first), data-utama for employee master data. FILE is JSON Lines (one record per line) or CSV
with a header row of SIASN field names; --format defaults from the extension (.jsonl, .ndjson,
.json, .csv). FILE "-" reads standard input (then --format is required).

  --dry-run        validate and report without writing
  --request-id X   idempotency key: a retry with the same X returns the first summary
  --timeout        deadline of the whole upload (default 10m)

Prints the summary (received, created, updated, unchanged, failed and the first errors with
line and field). Exit status: 0 all records accepted, 1 some record failed or the call failed,
2 usage error.
)";

}  // namespace

absl::StatusOr<v1::ImportFormat> FormatFromPath(std::string_view path) {
  std::string lower = Lower(path);
  for (const char* ext : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWith(lower, ext)) return v1::IMPORT_FORMAT_JSONL;
  }
  if (EndsWith(lower, ".csv")) return v1::IMPORT_FORMAT_CSV;
  return absl::InvalidArgumentError("cannot tell the format of \"" + std::string(path) +
                                    "\" from its extension: give --format jsonl or --format csv");
}

absl::StatusOr<ImportOptions> ParseImportOptions(const ParsedArgs& args) {
  ImportOptions options;
  v1::ImportHeader& header = options.header;

  absl::StatusOr<std::string> kind = Required(args, "kind");
  if (!kind.ok()) return kind.status();
  if (*kind == "unor") {
    header.set_kind(v1::IMPORT_KIND_UNOR);
  } else if (*kind == "data-utama") {
    header.set_kind(v1::IMPORT_KIND_DATA_UTAMA);
  } else {
    return absl::InvalidArgumentError("--kind must be unor or data-utama (got \"" + *kind + "\")");
  }

  absl::StatusOr<std::string> agency = Required(args, "agency");
  if (!agency.ok()) return agency.status();
  header.set_agency_id(*agency);

  const std::vector<std::string>& files = args.positionals();
  if (files.empty()) return absl::InvalidArgumentError("missing FILE to import");
  if (files.size() > 1) {
    return absl::InvalidArgumentError("expected one FILE, got " + std::to_string(files.size()) +
                                      " (unexpected \"" + files[1] + "\")");
  }
  options.path = files[0];

  if (std::optional<std::string> format = args.Get("format")) {
    if (*format == "jsonl") {
      header.set_format(v1::IMPORT_FORMAT_JSONL);
    } else if (*format == "csv") {
      header.set_format(v1::IMPORT_FORMAT_CSV);
    } else {
      return absl::InvalidArgumentError("--format must be jsonl or csv (got \"" + *format + "\")");
    }
  } else if (options.path == "-") {
    return absl::InvalidArgumentError("--format is required when FILE is - (standard input)");
  } else {
    absl::StatusOr<v1::ImportFormat> format = FormatFromPath(options.path);
    if (!format.ok()) return format.status();
    header.set_format(*format);
  }

  header.set_dry_run(args.Has("dry-run"));
  if (std::optional<std::string> request_id = args.Get("request-id")) {
    if (request_id->empty()) return absl::InvalidArgumentError("--request-id must not be empty");
    header.set_request_id(*request_id);
  }
  return options;
}

ChunkResult SendInChunks(std::istream& in, size_t chunk_size,
                         const std::function<bool(std::string&& chunk)>& sink) {
  chunk_size = std::max<size_t>(chunk_size, 1);
  while (true) {
    std::string chunk(chunk_size, '\0');
    in.read(chunk.data(), static_cast<std::streamsize>(chunk_size));
    size_t got = static_cast<size_t>(in.gcount());
    if (in.bad()) return ChunkResult::kReadError;
    if (got == 0) return ChunkResult::kDone;
    chunk.resize(got);
    if (!sink(std::move(chunk))) return ChunkResult::kSinkClosed;
    if (in.eof()) return ChunkResult::kDone;
  }
}

int RunImportWithChunkSize(const std::vector<std::string>& args, const CliEnv& env,
                           size_t chunk_size) {
  if (WantsHelp(args)) {
    *env.out << kImportUsage;
    return kExitOk;
  }
  absl::StatusOr<ParsedArgs> parsed =
      ParsedArgs::Parse(args, Merge(ConnectionFlags(), ImportFlags()));
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  absl::StatusOr<ImportOptions> options = ParseImportOptions(*parsed);
  if (!options.ok()) return UsageError(env, kCommand, options.status());
  absl::StatusOr<ConnectionOptions> connection_options =
      ResolveConnection(*parsed, env, kImportTimeout);
  if (!connection_options.ok()) return UsageError(env, kCommand, connection_options.status());

  std::ifstream file;
  std::istream* in = &std::cin;
  if (options->path != "-") {
    file.open(options->path, std::ios::binary);
    if (!file) return Failure(env, kCommand, "cannot open " + options->path);
    in = &file;
  }

  Connection connection(*connection_options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::ImportSummary summary;
  std::unique_ptr<grpc::ClientWriter<v1::ImportRecordsRequest>> writer =
      connection.stub().ImportRecords(&context, &summary);

  v1::ImportRecordsRequest first;
  *first.mutable_header() = options->header;
  ChunkResult result = ChunkResult::kSinkClosed;
  if (writer->Write(first)) {
    result = SendInChunks(*in, chunk_size, [&](std::string&& chunk) {
      v1::ImportRecordsRequest request;
      request.set_data(std::move(chunk));
      return writer->Write(request);
    });
  }
  if (result == ChunkResult::kReadError) {
    // Abandon the upload: the server must not take a truncated file for the whole one.
    context.TryCancel();
    writer->Finish();
    return Failure(env, kCommand, "reading " + options->path + " failed; upload cancelled");
  }
  // After a refused write the stream is broken; Finish reports why.
  if (result == ChunkResult::kDone) writer->WritesDone();
  grpc::Status status = writer->Finish();
  if (!status.ok()) return RpcError(env, kCommand, connection_options->addr, status, &context);

  if (connection_options->json) {
    *env.out << ToJson(summary, /*pretty=*/true) << "\n";
  } else {
    *env.out << FormatImportSummary(summary, kMaxPrintedErrors);
  }
  return summary.failed() > 0 ? kExitFailure : kExitOk;
}

int RunImport(const std::vector<std::string>& args, const CliEnv& env) {
  return RunImportWithChunkSize(args, env, kImportChunkSize);
}

}  // namespace kinerja::cli
