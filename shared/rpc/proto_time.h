// google.type.Date <-> absl::CivilDay and google.protobuf.Timestamp <-> absl::Time for every
// service's API and event payloads. Conversions from the wire validate and name the offending
// request field (INVALID_ARGUMENT "period.start_date: ..."); conversions to the wire cannot fail.
#pragma once

#include <optional>
#include <string_view>

#include <google/protobuf/timestamp.pb.h>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/type/date.pb.h"

namespace kinerja::rpc {

// A google.type.Date with year, month and day all zero is "unset".
bool IsSet(const google::type::Date& date);
// A full, real calendar date (no partial dates, no 2023-02-30), else INVALID_ARGUMENT naming
// `field`. Unset is an error too ("is required").
absl::StatusOr<absl::CivilDay> DayFromProto(const google::type::Date& date, std::string_view field);
// nullopt when unset; otherwise as DayFromProto.
absl::StatusOr<std::optional<absl::CivilDay>> OptionalDayFromProto(const google::type::Date& date,
                                                                   std::string_view field);
void DayToProto(absl::CivilDay day, google::type::Date* out);
google::type::Date DayToProto(absl::CivilDay day);

// Today in Asia/Jakarta (UTC+7, no daylight saving): the default date of reporting queries and
// the day deadlines are judged on.
absl::CivilDay TodayInJakarta(absl::Time now = absl::Now());

// absl::Time() (the epoch) is written as an unset Timestamp and read back as absl::Time().
void TimeToProto(absl::Time time, google::protobuf::Timestamp* out);
absl::Time TimeFromProto(const google::protobuf::Timestamp& time);

}  // namespace kinerja::rpc
