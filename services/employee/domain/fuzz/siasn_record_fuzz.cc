// Fuzzes the readers of national registry (SIASN) import files: every line of the input is read
// as a JSON Lines record of data-utama and of UNOR, and the first line as the CSV header of both
// kinds with the other lines as their rows, as the employee service's ImportRecords does.
// Properties, besides no crash, no exception and no sanitizer finding: every violation names a
// field and says what is wrong; a record without violations has what the import relies on (ids,
// a name, an identity number valid for the employee kind, a root unit without itself as parent).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "services/employee/domain/siasn_record.h"
#include "tests/harness/fuzz_check.h"
#include "tests/harness/fuzz_lines.h"

namespace {

namespace employee = ::kinerja::employee;

constexpr size_t kMaxLineBytes = 1 << 16;

template <typename Record>
bool Checked(const employee::ParsedRecord<Record>& parsed) {
  for (const employee::FieldViolation& violation : parsed.errors) {
    KINERJA_FUZZ_CHECK(!violation.field.empty() && !violation.description.empty());
  }
  return parsed.ok();
}

void Check(const employee::ParsedRecord<employee::SiasnEmployeeRecord>& parsed) {
  if (!Checked(parsed)) return;
  const employee::SiasnEmployeeRecord& r = parsed.value;
  KINERJA_FUZZ_CHECK(!r.siasn_id.empty() && !r.name.empty() && !r.unor_id.empty() &&
                     !r.agency_id.empty());
  KINERJA_FUZZ_CHECK(r.kind == employee::EmployeeKind::kPppk ? employee::ParseNiPppk(r.nip).ok()
                                                             : employee::ParseNip(r.nip).ok());
}

void Check(const employee::ParsedRecord<employee::SiasnUnorRecord>& parsed) {
  if (!Checked(parsed)) return;
  const employee::SiasnUnorRecord& r = parsed.value;
  KINERJA_FUZZ_CHECK(!r.id.empty() && !r.name.empty() && !r.agency_id.empty());
  KINERJA_FUZZ_CHECK(r.parent_id != r.id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::optional<employee::SiasnEmployeeCsv> employee_csv;
  std::optional<employee::SiasnUnorCsv> unor_csv;
  bool header_seen = false;
  for (const kinerja::fuzz::FuzzLine& line : kinerja::fuzz::LinesOf(input, kMaxLineBytes)) {
    if (line.too_long || line.text.empty()) continue;
    Check(employee::ParseSiasnEmployeeJson(line.text));
    Check(employee::ParseSiasnUnorJson(line.text));
    if (!header_seen) {
      header_seen = true;
      if (auto csv = employee::SiasnEmployeeCsv::Create(line.text); csv.ok()) {
        employee_csv.emplace(*std::move(csv));
      }
      if (auto csv = employee::SiasnUnorCsv::Create(line.text); csv.ok())
        unor_csv.emplace(*std::move(csv));
      continue;
    }
    if (employee_csv) Check(employee_csv->Parse(line.text));
    if (unor_csv) Check(unor_csv->Parse(line.text));
  }
  return 0;
}
