#include "tools/gen/people.h"

#include <algorithm>

namespace kinerja::gen {
namespace {

// Latest age at a first CPNS appointment (35 in most formations).
constexpr int kMaxCpnsAge = 35;
// Years between regular promotions (*kenaikan pangkat reguler*) is four; two is the fastest.
constexpr int kFastestYearsPerRank = 2;

// PPPK intakes by contract start year: the first appointments in 2019, big teacher waves from
// 2021, technical and health waves in 2023-2025.
constexpr Weighted<int> kPppkYears[] = {{2019, 1}, {2021, 3}, {2022, 4},
                                        {2023, 3}, {2024, 3}, {2025, 2}};

}  // namespace

std::string_view EmploymentStatusCode(EmploymentStatus status) {
  switch (status) {
    case EmploymentStatus::kPns:
      return "PNS";
    case EmploymentStatus::kCpns:
      return "CPNS";
    case EmploymentStatus::kPppk:
      return "PPPK";
  }
  return "PNS";
}

void PersonFactory::MakeIdentity(const PositionSpec& position, Region home, Rng& rng, Person* out) {
  out->female = rng.Chance(position.female_share);
  out->name.clear();
  AppendPersonName(PickRegion(home, rng), out->female, rng, &out->name);
}

Date PersonFactory::BirthDateForAge(int age, Rng& rng) const {
  // Someone who is `age` on as_of_ was born in the year before AddYears(as_of_, -age).
  const int32_t latest = ToDays(AddYears(as_of_, -age));
  return FromDays(latest - static_cast<int32_t>(rng.Below(365)));
}

Date PersonFactory::RandomDateBetween(Date from, Date to, Rng& rng) const {
  if (to <= from) return from;
  const int32_t start = ToDays(from);
  Date date = FromDays(start + static_cast<int32_t>(rng.Below(ToDays(to) - start + 1)));
  // Most decrees take effect on the first of a month.
  if (rng.Chance(0.6)) {
    date.day = 1;
    if (date < from) date = from;
  }
  return date;
}

void PersonFactory::MakePns(const PositionSpec& position, Region home, Rng& rng, Person* out) {
  MakeIdentity(position, home, rng, out);
  const int entry = position.entry_golongan;
  const int entry_age = EntryAge(entry);
  const int needed = std::max(0, position.golongan_min - entry);  // promotions required
  const int possible = std::max(needed, position.golongan_max - entry);
  const int age_max = position.age_max;
  const int age_min = std::min(
      age_max, std::max<int>(position.age_min, entry_age + kFastestYearsPerRank * needed + 1));

  int age = 0;
  int appointment_age = 0;
  if (needed == 0 && rng.Chance(0.22)) {
    // Recent intakes (2019-2025 formations) are a visible share of every agency.
    const int tenure = rng.Between(0, 6);
    appointment_age = rng.Between(entry_age, std::min(kMaxCpnsAge, age_max - tenure));
    age = appointment_age + tenure;
  } else {
    age = rng.Between(age_min, age_max);
    if (rng.Chance(0.4)) age = std::max(age, rng.Between(age_min, age_max));  // older skew
    const int latest = std::clamp(age - kFastestYearsPerRank * needed - 1, entry_age,
                                  std::max(entry_age, std::min(kMaxCpnsAge, age)));
    appointment_age = std::min(rng.Between(entry_age, latest), rng.Between(entry_age, latest));
  }
  out->birth = BirthDateForAge(age, rng);

  // First appointment: the first of a month after the birthday in the appointment year.
  Date appointment = AddMonths(out->birth, appointment_age * 12 + rng.Between(1, 11));
  appointment.day = 1;
  const Date this_month{as_of_.year, as_of_.month, 1};
  if (appointment > this_month) appointment = this_month;

  const int sex_digit = out->female ? 2 : 1;
  int serial = registry_->NextPnsSerial(out->birth, appointment, sex_digit);
  while (serial == 0) {  // 999 namesakes of birth date and appointment month: move a month
    appointment = AddMonths(appointment, -1);
    serial = registry_->NextPnsSerial(out->birth, appointment, sex_digit);
  }
  WritePnsNip(out->birth, appointment, sex_digit, serial, out->nip);
  out->tmt_cpns = appointment;

  const int tenure_months = MonthIndex(as_of_) - MonthIndex(appointment);
  const bool candidate = tenure_months < 12;
  out->status = candidate ? EmploymentStatus::kCpns : EmploymentStatus::kPns;
  int promotions = 0;
  if (!candidate) {
    const int years = tenure_months / 12;
    promotions = std::clamp(years / rng.Between(3, 5), needed, possible);
    promotions = std::min(promotions, std::max(needed, years / kFastestYearsPerRank));
  }
  out->golongan = GolonganCode(entry + promotions);

  if (candidate) {
    out->tmt_jabatan = appointment;
  } else {
    // Leaders were placed within the last few years; others moved or were promoted lately.
    const int lookback_years = position.type == JobType::kStructural ? 8 : 6;
    Date from = std::max(appointment, AddYears(as_of_, -lookback_years));
    if (position.type == JobType::kStructural) {
      from = std::max(from, std::min(as_of_, AddYears(appointment, kFastestYearsPerRank * needed)));
    }
    out->tmt_jabatan = RandomDateBetween(from, as_of_, rng);
  }
}

void PersonFactory::MakePppk(const PositionSpec& position, Region home, Rng& rng, Person* out) {
  MakeIdentity(position, home, rng, out);
  int year = PickWeighted<int>(kPppkYears, rng);
  if (year > as_of_.year) year = as_of_.year;
  const int month = rng.Between(1, year == as_of_.year ? as_of_.month : 12);
  const Date appointment{year, month, 1};
  const int years_since = as_of_.year - year;

  // PPPK are recruited up to a year before retirement age, many after years as contract staff.
  const int lowest = std::max(20, EntryAge(position.entry_golongan));
  const int highest = std::max(lowest, position.age_max - years_since - 1);
  int age_at_appointment = (rng.Between(lowest, highest) + rng.Between(lowest, highest)) / 2;
  out->birth = FromDays(ToDays(AddYears(appointment, -age_at_appointment)) -
                        static_cast<int32_t>(rng.Below(365)) - 1);

  const int sex_digit = out->female ? 2 : 1;
  int serial = registry_->NextPppkSerial(out->birth, year, sex_digit);
  while (serial == 0) {  // exhausted prefix: shift the birth date by a day
    out->birth = FromDays(ToDays(out->birth) - 1);
    serial = registry_->NextPppkSerial(out->birth, year, sex_digit);
  }
  WritePppkNi(out->birth, year, sex_digit, serial, out->nip);
  out->status = EmploymentStatus::kPppk;
  out->golongan = PppkGradeText(position.pppk_grade);
  out->tmt_cpns = appointment;
  out->tmt_jabatan = rng.Chance(0.8) ? appointment : RandomDateBetween(appointment, as_of_, rng);
}

}  // namespace kinerja::gen
