// Parsing national registry (SIASN) exports into domain structs (DOMAIN.md "National
// systems"): employee master data (data-utama) and the UNOR reference tree. Input is one
// record at a time: a JSON object (one line of JSON Lines) or a CSV row read through its
// header (see csv.h; a record may not span lines). Parsers never throw and never stop at the
// first problem: every bad field is reported, named as in SIASN ("nipBaru", "tglLahir", ...).
//
// Accepted forms: dates dd-mm-yyyy (SIASN's usual form) or yyyy-mm-dd; jenisKelamin M/F, L/P
// or 1/2; statusPegawai PNS, CPNS or PPPK (case-insensitive); ids and codes as JSON strings
// or integers. Empty strings and JSON null count as missing. Text is trimmed of ASCII spaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/csv.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/field_violation.h"
#include "services/employee/domain/nip.h"
#include "services/employee/domain/position.h"
#include "services/employee/domain/position_classifier.h"
#include "services/employee/domain/rank.h"
#include "services/employee/domain/sex.h"

namespace kinerja::employee {

template <typename T>
struct ParsedRecord {
  T value;                             // best effort: use only when ok()
  std::vector<FieldViolation> errors;  // field = SIASN name; "record" for the record as a whole

  bool ok() const { return errors.empty(); }
};

// GET /pns/data-utama/{nip}. nipBaru is checked as a NIP for PNS/CPNS and as an NI PPPK for
// PPPK, and must agree with tglLahir, jenisKelamin and tmtCpns (NIP: year and month; NI PPPK:
// year) (a disagreement is reported on those). With options.not_after, a tmtCpns or an id
// appointment in a later month is refused.
struct SiasnEmployeeRecord {
  std::string siasn_id;                         // id (SIASN person id)
  std::string nip;                              // nipBaru: NIP or NI PPPK
  std::string name;                             // nama, normalised (person_name.h)
  absl::CivilDay birth_date;                    // tglLahir
  Sex sex = Sex::kMale;                         // jenisKelamin
  EmployeeKind kind = EmployeeKind::kPns;       // statusPegawai PNS/CPNS -> kPns, PPPK -> kPppk
  bool candidate = false;                       // statusPegawai CPNS
  Rank rank;                                    // golRuangAkhirId: golongan (PNS) or grade (PPPK)
  PositionClass position;                       // jenisJabatanId + eselonId + jabatanNama
  std::optional<Eselon> eselon;                 // eselonId, read for structural positions only
  std::string position_name;                    // jabatanNama (optional except for functional ones)
  std::string unor_id;                          // unorId
  std::string agency_id;                        // instansiIndukId
  std::optional<absl::CivilDay> cpns_date;      // tmtCpns (optional)
  std::optional<absl::CivilDay> position_date;  // tmtJabatan (optional)
};

// UNOR reference tree. A diatasanId equal to the unit's own id is read as "root".
struct SiasnUnorRecord {
  std::string id;                    // id
  std::string parent_id;             // diatasanId; empty at the root
  std::string name;                  // namaUnor
  std::string leader_position_name;  // namaJabatan (optional)
  std::string leader_siasn_id;       // pemimpinPnsId: SIASN person id (optional)
  std::optional<Eselon> eselon;      // eselonId (optional)
  std::string agency_id;             // instansiId
};

ParsedRecord<SiasnEmployeeRecord> ParseSiasnEmployeeJson(std::string_view json_line,
                                                         const NipOptions& options = {});
ParsedRecord<SiasnUnorRecord> ParseSiasnUnorJson(std::string_view json_line);

// CSV exports: create once from the header row, then parse each data row. Create fails
// (InvalidArgument "csv: ...") on a malformed header, a repeated column name or a missing
// required column; optional columns may be absent. Not thread-safe (reuses buffers).
class SiasnEmployeeCsv {
 public:
  static absl::StatusOr<SiasnEmployeeCsv> Create(std::string_view header_line);
  ParsedRecord<SiasnEmployeeRecord> Parse(std::string_view line, const NipOptions& options = {});

 private:
  explicit SiasnEmployeeCsv(CsvHeader header) : header_(std::move(header)) {}
  CsvHeader header_;
  CsvLineSplitter splitter_;
};

class SiasnUnorCsv {
 public:
  static absl::StatusOr<SiasnUnorCsv> Create(std::string_view header_line);
  ParsedRecord<SiasnUnorRecord> Parse(std::string_view line);

 private:
  explicit SiasnUnorCsv(CsvHeader header) : header_(std::move(header)) {}
  CsvHeader header_;
  CsvLineSplitter splitter_;
};

}  // namespace kinerja::employee
