// Turns the bytes of an uploaded SIASN file (JSON Lines or CSV with a header row, in chunks
// split anywhere) into parsed records for the store's import session, in batches of records
// on consecutive lines. Bad records are counted and reported with their 1-based line number and
// SIASN field; the error list keeps the first kMaxImportErrors. Memory is bounded by one line,
// one chunk and one batch, whatever the file's size. Not thread-safe (one import at a time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "kinerja/employee/v1/employee_service.pb.h"
#include "services/employee/api/line_splitter.h"
#include "services/employee/domain/siasn_record.h"
#include "services/employee/store/employee_store.h"

namespace kinerja::employee::api {

namespace v1 = ::kinerja::employee::v1;

inline constexpr size_t kMaxImportErrors = 1000;
inline constexpr size_t kMaxImportLineBytes = 1 << 20;
inline constexpr size_t kImportBatchSize = 1000;

class ImportParser {
 public:
  // kind and format must be specified (the caller validates the header). `session` receives the
  // good records (AddUnor or AddEmployees) and must outlive the parser.
  // `nip_options` checks data-utama ids (e.g. not_after = today: no appointment in a later
  // month).
  ImportParser(v1::ImportKind kind, v1::ImportFormat format, store::ImportSession* session,
               size_t batch_size = kImportBatchSize, NipOptions nip_options = {});

  // Parses every line the chunk completes. Fails only for what stops the whole import: a
  // malformed CSV header (INVALID_ARGUMENT "data: line N: csv: ...") or a store error.
  absl::Status Feed(std::string_view chunk);
  // End of file: the last line (without a line end) and the last batch.
  absl::Status Finish();

  int64_t received() const { return received_; }  // records (not the CSV header, not blanks)
  int64_t failed() const { return failed_; }      // records rejected while parsing
  // Per-field parse errors in line order; the first kMaxImportErrors.
  const std::vector<store::ImportRecordError>& errors() const { return errors_; }

 private:
  void OnLine(const Line& line);
  void ParseRecord(int64_t number, std::string_view text);
  template <typename Record>
  void Accept(int64_t number, ParsedRecord<Record> parsed, std::vector<Record>& batch);
  void Reject(int64_t number, std::string field, std::string message);
  void Flush();

  const v1::ImportKind kind_;
  const v1::ImportFormat format_;
  store::ImportSession* session_;
  const size_t batch_size_;
  const NipOptions nip_options_;
  LineSplitter lines_;
  absl::Status status_;
  bool header_seen_ = false;
  std::optional<SiasnEmployeeCsv> employee_csv_;
  std::optional<SiasnUnorCsv> unor_csv_;
  std::vector<SiasnEmployeeRecord> employees_;
  std::vector<SiasnUnorRecord> units_;
  int64_t batch_first_line_ = 0;  // line of the batch's first record
  int64_t batch_next_line_ = 0;   // line a record must be on to extend the batch
  int64_t received_ = 0;
  int64_t failed_ = 0;
  std::vector<store::ImportRecordError> errors_;
};

// The ImportSummary of an import: parse results merged with the store's counts (errors in line
// order, the first kMaxImportErrors).
v1::ImportSummary MakeImportSummary(const ImportParser& parser, const store::ImportCounts& counts,
                                    bool dry_run);

}  // namespace kinerja::employee::api
