#include "tools/gen/writers.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kinerja::gen {
namespace {

constexpr std::string_view kCsvLineEnd = "\r\n";  // RFC 4180 records end with CRLF

// Starts a JSON member: `{"key":` for the first, `,"key":` after.
void AppendJsonKey(std::string_view key, bool first, std::string* out) {
  out->push_back(first ? '{' : ',');
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendJsonDate(const Date& date, std::string* out) {
  out->push_back('"');
  AppendDdMmYyyy(date, out);
  out->push_back('"');
}

// Formats a record whose fields are given in order by `emit(index, out)`.
template <typename Emit>
void AppendJsonRecord(std::span<const std::string_view> keys, Emit emit, std::string* out) {
  for (size_t i = 0; i < keys.size(); ++i) {
    AppendJsonKey(keys[i], i == 0, out);
    emit(i, out);
  }
  out->append("}\n");
}

void AppendCsvHeader(std::span<const std::string_view> keys, std::string* out) {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(keys[i], out);
  }
  out->append(kCsvLineEnd);
}

absl::Status WriteSmallFile(const std::string& path, std::string_view text) {
  auto file = BufferedFile::Open(path);
  if (!file.ok()) return file.status();
  (*file)->buffer().append(text);
  return (*file)->Close();
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (byte < 0x20) {
      switch (c) {
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          out->append("\\u00");
          out->push_back(kHex[byte >> 4]);
          out->push_back(kHex[byte & 0xF]);
      }
    } else {
      out->push_back(c);  // UTF-8 passes through unchanged
    }
  }
  out->push_back('"');
}

void AppendCsvField(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

absl::StatusOr<std::unique_ptr<BufferedFile>> BufferedFile::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return absl::UnavailableError(absl::StrCat("cannot create ", path, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<BufferedFile>(new BufferedFile(path, file));
}

BufferedFile::BufferedFile(std::string path, std::FILE* file)
    : path_(std::move(path)), file_(file) {
  buffer_.reserve(kFlushBytes + (64 << 10));
}

BufferedFile::~BufferedFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void BufferedFile::Flush() {
  if (!failed_ && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  bytes_ += static_cast<int64_t>(buffer_.size());
  buffer_.clear();
}

absl::Status BufferedFile::Close() {
  Flush();
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed_ || close_failed) {
    return absl::UnavailableError(absl::StrCat("cannot write ", path_, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> DatasetWriter::Open(const std::string& dir,
                                                                   OutputFormat format) {
  const std::string_view extension = format == OutputFormat::kCsv ? ".csv" : ".jsonl";
  auto units = BufferedFile::Open(dir + "/unor" + std::string(extension));
  if (!units.ok()) return units.status();
  auto employees = BufferedFile::Open(dir + "/data-utama" + std::string(extension));
  if (!employees.ok()) return employees.status();
  if (format == OutputFormat::kCsv) {
    AppendCsvHeader(kUnorFields, &(*units)->buffer());
    AppendCsvHeader(kEmployeeFields, &(*employees)->buffer());
  }
  return std::unique_ptr<DatasetWriter>(
      new DatasetWriter(dir, format, std::move(*units), std::move(*employees)));
}

DatasetWriter::DatasetWriter(std::string dir, OutputFormat format,
                             std::unique_ptr<BufferedFile> units,
                             std::unique_ptr<BufferedFile> employees)
    : dir_(std::move(dir)),
      format_(format),
      units_(std::move(units)),
      employees_(std::move(employees)) {}

void DatasetWriter::WriteUnit(const UnorRow& row) {
  const std::string_view values[] = {row.id,           row.parent_id,        row.name,
                                     row.leader_title, row.leader_person_id, row.eselon,
                                     row.agency_id};
  std::string* out = &units_->buffer();
  if (format_ == OutputFormat::kJsonl) {
    AppendJsonRecord(
        kUnorFields, [&](size_t i, std::string* o) { AppendJsonString(values[i], o); }, out);
  } else {
    for (size_t i = 0; i < std::size(values); ++i) {
      if (i > 0) out->push_back(',');
      AppendCsvField(values[i], out);
    }
    out->append(kCsvLineEnd);
  }
  units_->MaybeFlush();
}

void DatasetWriter::WriteEmployee(const EmployeeRow& row) {
  const std::string_view sex = row.female ? "F" : "M";
  // Index of each field in kEmployeeFields; dates are formatted in place.
  const std::string_view texts[] = {row.id,
                                    row.nip,
                                    row.name,
                                    {},
                                    sex,
                                    row.golongan,
                                    row.job_type,
                                    row.position_title,
                                    row.eselon,
                                    row.unit_id,
                                    row.agency_id,
                                    row.status,
                                    {},
                                    {}};
  auto date_at = [&](size_t i) -> const Date* {
    if (i == 3) return &row.birth;
    if (i == 12) return &row.tmt_cpns;
    if (i == 13) return &row.tmt_jabatan;
    return nullptr;
  };
  std::string* out = &employees_->buffer();
  if (format_ == OutputFormat::kJsonl) {
    AppendJsonRecord(
        kEmployeeFields,
        [&](size_t i, std::string* o) {
          if (const Date* date = date_at(i)) {
            AppendJsonDate(*date, o);
          } else {
            AppendJsonString(texts[i], o);
          }
        },
        out);
  } else {
    for (size_t i = 0; i < std::size(texts); ++i) {
      if (i > 0) out->push_back(',');
      if (const Date* date = date_at(i)) {
        AppendDdMmYyyy(*date, out);
      } else {
        AppendCsvField(texts[i], out);
      }
    }
    out->append(kCsvLineEnd);
  }
  employees_->MaybeFlush();
}

absl::Status DatasetWriter::Finish(std::span<const AgencyRow> agencies) {
  std::string lines;  // agencies.jsonl: one object per line, whatever the count
  for (const AgencyRow& agency : agencies) {
    lines.append("{\"id\":");
    AppendJsonString(agency.id, &lines);
    lines.append(",\"name\":");
    AppendJsonString(agency.name, &lines);
    lines.append(",\"kind\":");
    AppendJsonString(agency.kind, &lines);
    lines.append(",\"head_title\":");
    AppendJsonString(agency.head_title, &lines);
    lines.append("}\n");
  }
  // agency.json: the object itself for one agency, an array of them for several.
  std::string single;
  if (agencies.size() == 1) {
    single = lines;
  } else {
    single = "[\n";
    std::string_view rest = lines;
    bool first = true;
    while (!rest.empty()) {
      const size_t end = rest.find('\n');
      if (!first) single.append(",\n");
      single.append(rest.substr(0, end));
      rest.remove_prefix(end + 1);
      first = false;
    }
    single.append("\n]\n");
  }
  absl::Status status = units_->Close();
  absl::Status employees = employees_->Close();
  if (status.ok()) status = employees;
  absl::Status agency = WriteSmallFile(absl::StrCat(dir_, "/agency.json"), single);
  if (status.ok()) status = agency;
  absl::Status all = WriteSmallFile(absl::StrCat(dir_, "/agencies.jsonl"), lines);
  if (status.ok()) status = all;
  agency_bytes_ = static_cast<int64_t>(single.size() + lines.size());
  return status;
}

int64_t DatasetWriter::bytes() const {
  return units_->bytes() + employees_->bytes() + agency_bytes_;
}

}  // namespace kinerja::gen
