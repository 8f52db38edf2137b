#include "services/employee/api/import_parser.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee::api {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

ImportParser::ImportParser(v1::ImportKind kind, v1::ImportFormat format,
                           store::ImportSession* session, size_t batch_size, NipOptions nip_options)
    : kind_(kind),
      format_(format),
      session_(session),
      batch_size_(batch_size),
      nip_options_(nip_options),
      lines_(kMaxImportLineBytes) {}

absl::Status ImportParser::Feed(std::string_view chunk) {
  if (!status_.ok()) return status_;
  lines_.Feed(chunk, [this](const Line& line) { OnLine(line); });
  return status_;
}

absl::Status ImportParser::Finish() {
  if (!status_.ok()) return status_;
  lines_.Finish([this](const Line& line) { OnLine(line); });
  if (status_.ok()) Flush();
  return status_;
}

void ImportParser::OnLine(const Line& line) {
  if (!status_.ok()) return;
  if (line.too_long) {
    ++received_;
    ++failed_;
    Reject(line.number, "record",
           absl::StrCat("line is longer than ", kMaxImportLineBytes, " bytes"));
    return;
  }
  std::string_view text = Trim(line.text);
  if (text.empty()) return;  // blank lines (e.g. a trailing one) are not records
  if (format_ == v1::IMPORT_FORMAT_CSV && !header_seen_) {
    header_seen_ = true;
    absl::Status header;
    if (kind_ == v1::IMPORT_KIND_UNOR) {
      absl::StatusOr<SiasnUnorCsv> csv = SiasnUnorCsv::Create(text);
      if (csv.ok()) unor_csv_.emplace(*std::move(csv));
      header = csv.status();
    } else {
      absl::StatusOr<SiasnEmployeeCsv> csv = SiasnEmployeeCsv::Create(text);
      if (csv.ok()) employee_csv_.emplace(*std::move(csv));
      header = csv.status();
    }
    if (!header.ok()) {
      status_ = errors::InvalidField(
          "data", absl::StrCat("line ", line.number, " (CSV header): ", header.message()));
    }
    return;
  }
  ++received_;
  ParseRecord(line.number, text);
}

void ImportParser::ParseRecord(int64_t number, std::string_view text) {
  const bool csv = format_ == v1::IMPORT_FORMAT_CSV;
  if (kind_ == v1::IMPORT_KIND_UNOR) {
    Accept(number, csv ? unor_csv_->Parse(text) : ParseSiasnUnorJson(text), units_);
  } else {
    Accept(
        number,
        csv ? employee_csv_->Parse(text, nip_options_) : ParseSiasnEmployeeJson(text, nip_options_),
        employees_);
  }
}

template <typename Record>
void ImportParser::Accept(int64_t number, ParsedRecord<Record> parsed, std::vector<Record>& batch) {
  if (!parsed.ok()) {
    ++failed_;
    for (FieldViolation& v : parsed.errors) {
      Reject(number, std::move(v.field), std::move(v.description));
    }
    return;
  }
  // The session numbers a batch's records consecutively: a gap (bad or blank line) or a full
  // batch starts a new one.
  if (!batch.empty() && (number != batch_next_line_ || batch.size() >= batch_size_)) Flush();
  if (!status_.ok()) return;
  if (batch.empty()) batch_first_line_ = number;
  batch.push_back(std::move(parsed.value));
  batch_next_line_ = number + 1;
}

void ImportParser::Reject(int64_t number, std::string field, std::string message) {
  if (errors_.size() >= kMaxImportErrors) return;
  errors_.push_back(store::ImportRecordError{
      .line = number, .field = std::move(field), .message = std::move(message)});
}

void ImportParser::Flush() {
  if (!units_.empty()) {
    status_ = session_->AddUnor(units_, batch_first_line_);
    units_.clear();
  }
  if (!employees_.empty()) {
    status_ = session_->AddEmployees(employees_, batch_first_line_);
    employees_.clear();
  }
}

v1::ImportSummary MakeImportSummary(const ImportParser& parser, const store::ImportCounts& counts,
                                    bool dry_run) {
  v1::ImportSummary summary;
  summary.set_received(parser.received());
  summary.set_created(counts.created);
  summary.set_updated(counts.updated);
  summary.set_unchanged(counts.unchanged);
  summary.set_failed(parser.failed() + counts.failed);
  summary.set_dry_run(dry_run);
  std::vector<store::ImportRecordError> all = parser.errors();
  all.insert(all.end(), counts.errors.begin(), counts.errors.end());
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  if (all.size() > kMaxImportErrors) all.resize(kMaxImportErrors);
  for (const store::ImportRecordError& e : all) {
    v1::ImportError* out = summary.add_errors();
    out->set_line(e.line);
    out->set_field(e.field);
    out->set_message(e.message);
  }
  return summary;
}

}  // namespace kinerja::employee::api
