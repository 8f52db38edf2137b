// Civil servant identity numbers (DOMAIN.md "Organisation"):
// - NIP (Nomor Induk Pegawai, PNS), 18 digits: birth date YYYYMMDD (1-8), first appointment
//   YYYYMM (9-14, TMT CPNS), sex 1 male / 2 female (15), serial 001..999 (16-18).
// - NI PPPK (Nomor Induk PPPK), 18 digits: birth date (1-8), appointment year (9-12), two
//   digits whose meaning varies and are NOT validated as a month (13-14), sex (15), serial
//   (16-18).
// Errors are InvalidArgument "<field>: <reason> (positions a-b)"; field is "nip" or "ni_pppk".
// Input must be exactly 18 ASCII digits: no spaces (callers strip display spacing first).
#pragma once

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/employee/domain/sex.h"

namespace kinerja::employee {

// Plausibility bounds. Not law: defaults chosen to reject typos, overridable by config.
struct NipOptions {
  // Age in completed years on the first day of the appointment month (PNS), or the age
  // reached during the appointment year (PPPK, whose id has no month).
  int min_age_at_appointment = 15;
  int max_age_at_appointment = 60;
  // Earliest appointment year: 18-digit NIPs were also issued retroactively to long-serving
  // (now retired) PNS, so this is well before 2008.
  int min_appointment_year = 1950;
  // When set, an appointment starting after this day (month or year) is rejected.
  std::optional<absl::CivilDay> not_after;
};

struct NipInfo {
  absl::CivilDay birth_date;
  absl::CivilMonth first_appointment;  // TMT CPNS year and month
  Sex sex;
  int serial;  // 1..999

  friend bool operator==(const NipInfo&, const NipInfo&) = default;
};

struct NiPppkInfo {
  absl::CivilDay birth_date;
  absl::CivilYear appointment_year;
  int digits_13_14;  // 0..99, meaning varies by issuing period: informational only
  Sex sex;
  int serial;  // 1..999

  friend bool operator==(const NiPppkInfo&, const NiPppkInfo&) = default;
};

absl::StatusOr<NipInfo> ParseNip(std::string_view text, const NipOptions& options = {});
absl::StatusOr<NiPppkInfo> ParseNiPppk(std::string_view text, const NipOptions& options = {});

}  // namespace kinerja::employee
