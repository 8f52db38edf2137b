#include "shared/rpc/proto_time.h"

#include <gtest/gtest.h>

namespace kinerja::rpc {
namespace {

google::type::Date Date(int y, int m, int d) {
  google::type::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

TEST(ProtoTimeTest, DaysRoundTripAndBadDatesNameTheField) {
  EXPECT_EQ(*DayFromProto(Date(2026, 2, 28), "d"), absl::CivilDay(2026, 2, 28));
  absl::Status bad = DayFromProto(Date(2026, 2, 30), "period.start_date").status();
  EXPECT_TRUE(absl::IsInvalidArgument(bad));
  EXPECT_EQ(bad.message().rfind("period.start_date: ", 0), 0u) << bad;
  EXPECT_TRUE(absl::IsInvalidArgument(DayFromProto(Date(2026, 0, 1), "d").status()));
  EXPECT_NE(DayFromProto(google::type::Date(), "x").status().message().find("required"),
            std::string::npos);
  EXPECT_FALSE(OptionalDayFromProto(google::type::Date(), "x")->has_value());
  google::type::Date out = DayToProto(absl::CivilDay(2026, 12, 2));
  EXPECT_EQ(out.year(), 2026);
  EXPECT_EQ(out.month(), 12);
  EXPECT_EQ(out.day(), 2);
}

TEST(ProtoTimeTest, TimesRoundTripIncludingBeforeTheEpoch) {
  for (absl::Time t : {absl::FromUnixMicros(1764633600123456), absl::FromUnixMicros(-1500001)}) {
    google::protobuf::Timestamp proto;
    TimeToProto(t, &proto);
    EXPECT_GE(proto.nanos(), 0);
    EXPECT_EQ(TimeFromProto(proto), t);
  }
  google::protobuf::Timestamp unset;
  TimeToProto(absl::Time(), &unset);
  EXPECT_EQ(unset.seconds(), 0);
  EXPECT_EQ(TimeFromProto(unset), absl::Time());
}

TEST(ProtoTimeTest, JakartaIsSevenHoursAheadOfUtc) {
  absl::Time late_utc =
      absl::FromCivil(absl::CivilSecond(2026, 12, 1, 17, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(TodayInJakarta(late_utc), absl::CivilDay(2026, 12, 2));
  absl::Time early_utc =
      absl::FromCivil(absl::CivilSecond(2026, 12, 1, 16, 59, 0), absl::UTCTimeZone());
  EXPECT_EQ(TodayInJakarta(early_utc), absl::CivilDay(2026, 12, 1));
}

}  // namespace
}  // namespace kinerja::rpc
