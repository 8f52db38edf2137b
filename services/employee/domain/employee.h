// The employee (pegawai ASN) record and its validation (DOMAIN.md "Who and how many",
// "Organisation"). Ids of positions, units and agencies are the store's opaque ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/field_violation.h"
#include "services/employee/domain/nip.h"
#include "services/employee/domain/rank.h"
#include "services/employee/domain/sex.h"

namespace kinerja::employee {

enum class EmployeeKind {
  kPns,   // Pegawai Negeri Sivil (incl. CPNS, see Employee::candidate): id is a NIP
  kPppk,  // Pegawai Pemerintah dengan Perjanjian Kerja: id is an NI PPPK
};

// Employment status. The first three are "in service" (still an ASN of this agency, takes part
// in performance management); the others end the employment here and are kept for history.
enum class EmployeeStatus {
  kActive,          // aktif
  kOnLeave,         // cuti (incl. unpaid leave, cuti di luar tanggungan negara)
  kSuspended,       // diberhentikan sementara (e.g. while detained)
  kRetired,         // pensiun (incl. end of a PPPK contract that is not renewed)
  kDeceased,        // meninggal dunia
  kDismissed,       // diberhentikan (with or without honour)
  kTransferredOut,  // pindah instansi: now with another agency
};

// "PNS", "PPPK".
std::string_view EmployeeKindName(EmployeeKind kind);
absl::StatusOr<EmployeeKind> ParseEmployeeKind(std::string_view name);  // "kind: ..."
// "ACTIVE", "ON_LEAVE", "SUSPENDED", "RETIRED", "DECEASED", "DISMISSED", "TRANSFERRED_OUT".
std::string_view EmployeeStatusName(EmployeeStatus status);
absl::StatusOr<EmployeeStatus> ParseEmployeeStatus(std::string_view name);  // "status: ..."
// kActive, kOnLeave, kSuspended.
bool IsInService(EmployeeStatus status);

inline constexpr size_t kMaxIdLength = 64;

struct Employee {
  std::string id;  // store id; empty before creation
  EmployeeKind kind = EmployeeKind::kPns;
  bool candidate = false;     // CPNS (calon PNS, on probation); only for kPns
  std::string nip;            // NIP (kPns) or NI PPPK (kPppk), 18 digits
  std::string name;           // nama, normalised (see person_name.h)
  Sex sex = Sex::kMale;       // must match id digit 15
  absl::CivilDay birth_date;  // must match id digits 1-8
  Rank rank;                  // Golongan for kPns, PppkGrade for kPppk
  EmployeeStatus status = EmployeeStatus::kActive;
  std::string position_id;  // jabatan; required while in service
  std::string unit_id;      // unit organisasi; required while in service
  std::string agency_id;    // instansi; always required
  std::string siasn_id;     // SIASN person id (pnsOrangId), optional
};

// Every violated rule, in field order; field names are the API's snake_case names:
// nip, name, sex, birth_date, rank, candidate, position_id, unit_id, agency_id, id, siasn_id.
// Sex and birth date are compared with the id only when the id itself parses.
std::vector<FieldViolation> EmployeeViolations(const Employee& employee,
                                               const NipOptions& options = {});

// The first appointment (TMT CPNS / TMT PPPK) against the id (DOMAIN.md: "the record's ...
// first appointment must agree with the NIP's digits; an appointment in the future is not
// valid"): a NIP's year and month (positions 9-14), an NI PPPK's year (9-12; 13-14 are not a
// month). A month after options.not_after (the caller's today) is refused first. Field
// "appointment_date"; nothing when the id itself does not parse (EmployeeViolations reports
// that on "nip").
std::vector<FieldViolation> AppointmentViolations(const Employee& employee,
                                                  absl::CivilDay appointment_date,
                                                  const NipOptions& options = {});

// ViolationsToStatus(EmployeeViolations(...)): InvalidArgument starting with the first field.
absl::Status ValidateEmployee(const Employee& employee, const NipOptions& options = {});

}  // namespace kinerja::employee
