// kinerja import: uploads a SIASN export (UNOR or data-utama, JSON Lines or CSV) through the
// client-streaming ImportRecords call: a header message, then the file in chunks.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/employee/v1/employee_service.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

inline constexpr size_t kImportChunkSize = 256 * 1024;

struct ImportOptions {
  kinerja::employee::v1::ImportHeader header;
  std::string path;  // "-" reads standard input
};

// Parses the import command's own flags and FILE (connection flags are read elsewhere).
absl::StatusOr<ImportOptions> ParseImportOptions(const ParsedArgs& args);

// --format from FILE's extension: .jsonl/.ndjson/.json -> JSONL, .csv -> CSV (any case).
absl::StatusOr<kinerja::employee::v1::ImportFormat> FormatFromPath(std::string_view path);

enum class ChunkResult {
  kDone,        // the whole input went to the sink
  kSinkClosed,  // the sink refused a chunk (the stream broke); the rest was not read
  kReadError,   // the input failed before its end
};

// Reads `in` to its end and hands it to `sink` in chunks of exactly chunk_size bytes (the last
// one shorter; none for empty input). Stops when the sink returns false.
ChunkResult SendInChunks(std::istream& in, size_t chunk_size,
                         const std::function<bool(std::string&& chunk)>& sink);

// RunImport (commands.h) with another chunk size, for tests.
int RunImportWithChunkSize(const std::vector<std::string>& args, const CliEnv& env,
                           size_t chunk_size);

}  // namespace kinerja::cli
