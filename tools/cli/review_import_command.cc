// kinerja review import-surveys: uploads a public satisfaction survey CSV (IKM) through the
// client-streaming ImportSurveyResults call (a header, then the file in chunks), reporting the
// bytes sent on standard error, then the summary with the errors per line.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "tools/cli/import_command.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;

constexpr char kCommand[] = "review import-surveys";
constexpr int kMaxPrintedErrors = 20;

// "sent 262144 / 1048576 bytes (25%)", or without a total for standard input.
std::string ProgressLine(uint64_t sent, std::optional<uint64_t> total) {
  std::string line = "kinerja review import-surveys: sent " + std::to_string(sent);
  if (!total) return line + " bytes\n";
  const uint64_t percent = *total == 0 ? 100 : sent * 100 / *total;
  return line + " / " + std::to_string(*total) + " bytes (" + std::to_string(percent) + "%)\n";
}

}  // namespace

int RunReviewImportSurveysWithChunkSize(const std::vector<std::string>& args, const CliEnv& env,
                                        size_t chunk_size) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseReviewArgs(args, FlagSpec{{"agency", "request-id"}, {"dry-run"}});
  if (!parsed.ok()) return UsageError(env, kCommand, parsed.status());
  const std::vector<std::string>& rest = parsed->positionals();  // {"import-surveys", FILE}
  if (rest.size() < 2) return UsageError(env, kCommand, "missing FILE to import (a CSV, or -)");
  if (rest.size() > 2) return UsageError(env, kCommand, "unexpected \"" + rest[2] + "\"");
  const std::string path = rest[1];
  if (path.empty()) return UsageError(env, kCommand, "FILE must not be empty");
  v1::SurveyImportHeader header;
  absl::StatusOr<std::string> agency = Required(*parsed, "agency");
  if (!agency.ok()) return UsageError(env, kCommand, agency.status());
  header.set_agency_id(*agency);
  header.set_dry_run(parsed->Has("dry-run"));
  absl::StatusOr<std::string> request_id = OptionalNonEmpty(*parsed, "request-id");
  if (!request_id.ok()) return UsageError(env, kCommand, request_id.status());
  header.set_request_id(*request_id);
  absl::StatusOr<ConnectionOptions> options = ResolveReviewConnection(*parsed, env, kImportTimeout);
  if (!options.ok()) return UsageError(env, kCommand, options.status());

  std::ifstream file;
  std::istream* in = &std::cin;
  std::optional<uint64_t> total;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Failure(env, kCommand, "cannot open " + path);
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (!error) total = size;
    in = &file;
  }

  ReviewConnection connection(*options, env);
  grpc::ClientContext context;
  connection.Prepare(&context);
  v1::ImportSurveyResultsSummary summary;
  std::unique_ptr<grpc::ClientWriter<v1::ImportSurveyResultsRequest>> writer =
      connection.stub().ImportSurveyResults(&context, &summary);

  v1::ImportSurveyResultsRequest first;
  *first.mutable_header() = header;
  uint64_t sent = 0;
  int64_t last_percent = -1;
  ChunkResult result = ChunkResult::kSinkClosed;
  if (writer->Write(first)) {
    result = SendInChunks(*in, chunk_size, [&](std::string&& chunk) {
      const size_t size = chunk.size();
      v1::ImportSurveyResultsRequest request;
      request.set_data(std::move(chunk));
      if (!writer->Write(request)) return false;
      sent += size;
      // One line per whole percent (every chunk when the total is unknown).
      const int64_t percent =
          total && *total > 0 ? static_cast<int64_t>(sent * 100 / *total) : last_percent + 1;
      if (percent != last_percent) {
        *env.err << ProgressLine(sent, total);
        last_percent = percent;
      }
      return true;
    });
  }
  if (result == ChunkResult::kReadError) {
    // Abandon the upload: the service must not take a truncated file for the whole one.
    context.TryCancel();
    writer->Finish();
    return Failure(env, kCommand, "reading " + path + " failed; upload cancelled");
  }
  if (result == ChunkResult::kDone) writer->WritesDone();
  grpc::Status status = writer->Finish();
  if (!status.ok()) {
    int rc = RpcError(env, kCommand, options->addr, status, &context);
    *env.err << "  " << sent << " bytes were sent before the call ended\n";
    return rc;
  }
  if (options->json) {
    *env.out << ToJson(summary, /*pretty=*/true) << "\n";
  } else {
    *env.out << FormatSurveySummary(summary, kMaxPrintedErrors);
  }
  return summary.failed() > 0 ? kExitFailure : kExitOk;
}

int RunReviewImportSurveys(const std::vector<std::string>& args, const CliEnv& env) {
  return RunReviewImportSurveysWithChunkSize(args, env, kImportChunkSize);
}

}  // namespace kinerja::cli
