#include "shared/rpc/proto_time.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::rpc {

bool IsSet(const google::type::Date& date) {
  return date.year() != 0 || date.month() != 0 || date.day() != 0;
}

absl::StatusOr<absl::CivilDay> DayFromProto(const google::type::Date& date,
                                            std::string_view field) {
  const std::string name(field);
  if (!IsSet(date)) return errors::InvalidField(name, "is required");
  if (date.year() < 1 || date.year() > 9999 || date.month() < 1 || date.month() > 12 ||
      date.day() < 1 || date.day() > 31) {
    return errors::InvalidField(name, "must be a full date (year, month and day)");
  }
  absl::CivilDay day(date.year(), date.month(), date.day());
  if (day.year() != date.year() || day.month() != date.month() || day.day() != date.day()) {
    return errors::InvalidField(name, absl::StrCat(date.year(), "-", date.month(), "-", date.day(),
                                                   " is not a calendar date"));
  }
  return day;
}

absl::StatusOr<std::optional<absl::CivilDay>> OptionalDayFromProto(const google::type::Date& date,
                                                                   std::string_view field) {
  if (!IsSet(date)) return std::optional<absl::CivilDay>();
  absl::StatusOr<absl::CivilDay> day = DayFromProto(date, field);
  if (!day.ok()) return day.status();
  return std::optional<absl::CivilDay>(*day);
}

void DayToProto(absl::CivilDay day, google::type::Date* out) {
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
}

google::type::Date DayToProto(absl::CivilDay day) {
  google::type::Date out;
  DayToProto(day, &out);
  return out;
}

absl::CivilDay TodayInJakarta(absl::Time now) {
  static const absl::TimeZone kJakarta = absl::FixedTimeZone(7 * 60 * 60);
  return absl::ToCivilDay(now, kJakarta);
}

void TimeToProto(absl::Time time, google::protobuf::Timestamp* out) {
  if (time == absl::Time()) return;
  const int64_t micros = absl::ToUnixMicros(time);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rest * 1000));
}

absl::Time TimeFromProto(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return absl::Time();
  return absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
}

}  // namespace kinerja::rpc
