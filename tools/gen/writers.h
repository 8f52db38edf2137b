#ifndef KINERJA_TOOLS_GEN_WRITERS_H_
#define KINERJA_TOOLS_GEN_WRITERS_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/gen/dates.h"

namespace kinerja::gen {

enum class OutputFormat : uint8_t { kJsonl, kCsv };

// SIASN field names, in output order.
inline constexpr std::string_view kUnorFields[] = {
    "id", "diatasanId", "namaUnor", "namaJabatan", "pemimpinPnsId", "eselonId", "instansiId"};
inline constexpr std::string_view kEmployeeFields[] = {"id",
                                                       "nipBaru",
                                                       "nama",
                                                       "tglLahir",
                                                       "jenisKelamin",
                                                       "golRuangAkhirId",
                                                       "jenisJabatanId",
                                                       "jabatanNama",
                                                       "eselonId",
                                                       "unorId",
                                                       "instansiIndukId",
                                                       "statusPegawai",
                                                       "tmtCpns",
                                                       "tmtJabatan"};

// One UNOR reference record; empty strings for absent values.
struct UnorRow {
  std::string_view id;
  std::string_view parent_id;         // diatasanId
  std::string_view name;              // namaUnor
  std::string_view leader_title;      // namaJabatan
  std::string_view leader_person_id;  // pemimpinPnsId
  std::string_view eselon;            // eselonId
  std::string_view agency_id;         // instansiId
};

// One employee master-data record (SIASN data-utama).
struct EmployeeRow {
  std::string_view id;
  std::string_view nip;
  std::string_view name;
  Date birth;
  bool female = false;
  std::string_view golongan;
  std::string_view job_type;
  std::string_view position_title;
  std::string_view eselon;
  std::string_view unit_id;
  std::string_view agency_id;
  std::string_view status;
  Date tmt_cpns;
  Date tmt_jabatan;
};

struct AgencyRow {
  std::string id;
  std::string name;
  std::string_view kind;        // "CITY", "REGENCY", "PROVINCE"
  std::string_view head_title;  // "Wali Kota", ...
};

// JSON string literal (with quotes) with the escapes RFC 8259 requires.
void AppendJsonString(std::string_view text, std::string* out);
// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF.
void AppendCsvField(std::string_view text, std::string* out);

// A file written through one large buffer: the generator formats straight into buffer().
class BufferedFile {
 public:
  static absl::StatusOr<std::unique_ptr<BufferedFile>> Open(const std::string& path);
  ~BufferedFile();
  BufferedFile(const BufferedFile&) = delete;
  BufferedFile& operator=(const BufferedFile&) = delete;

  std::string& buffer() { return buffer_; }
  // Writes the buffer out once it is large; cheap to call after every record.
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  absl::Status Close();
  int64_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;

  BufferedFile(std::string path, std::FILE* file);
  void Flush();

  std::string path_;
  std::FILE* file_;
  std::string buffer_;
  int64_t bytes_ = 0;
  bool failed_ = false;
};

// Writes unor.{jsonl,csv}, data-utama.{jsonl,csv}, agency.json and agencies.jsonl to a folder.
class DatasetWriter {
 public:
  static absl::StatusOr<std::unique_ptr<DatasetWriter>> Open(const std::string& dir,
                                                             OutputFormat format);

  void WriteUnit(const UnorRow& row);
  void WriteEmployee(const EmployeeRow& row);
  // Writes the agency files and closes everything; the first error wins.
  absl::Status Finish(std::span<const AgencyRow> agencies);
  int64_t bytes() const;

 private:
  DatasetWriter(std::string dir, OutputFormat format, std::unique_ptr<BufferedFile> units,
                std::unique_ptr<BufferedFile> employees);

  std::string dir_;
  OutputFormat format_;
  std::unique_ptr<BufferedFile> units_;
  std::unique_ptr<BufferedFile> employees_;
  int64_t agency_bytes_ = 0;
};

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_WRITERS_H_
