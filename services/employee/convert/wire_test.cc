#include "services/employee/convert/wire.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shared/errors/errors.h"

namespace kinerja::employee::convert {
namespace {

google::type::Date Date(int y, int m, int d) {
  google::type::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

std::string FieldOf(const absl::Status& status) {
  auto violations = errors::ViolationsOf(status);
  return violations.empty() ? "" : violations[0].field;
}

TEST(ConvertTest, Dates) {
  EXPECT_EQ(*DayFromProto(Date(2024, 2, 29), "d"), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(FieldOf(DayFromProto(Date(2023, 2, 29), "employee.birth_date").status()),
            "employee.birth_date");
  EXPECT_FALSE(DayFromProto(Date(2023, 0, 1), "d").ok());  // partial dates are not days
  EXPECT_FALSE(DayFromProto(Date(0, 0, 0), "d").ok());
  EXPECT_FALSE(OptionalDayFromProto(Date(0, 0, 0), "d")->has_value());
  google::type::Date out = DayToProto(absl::CivilDay(1986, 9, 26));
  EXPECT_EQ(out.year(), 1986);
  EXPECT_EQ(out.month(), 9);
  EXPECT_EQ(out.day(), 26);
  // 2024-01-01 18:00 UTC is already the 2nd in Jakarta (UTC+7).
  absl::Time evening =
      absl::FromCivil(absl::CivilSecond(2024, 1, 1, 18, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(TodayInJakarta(evening), absl::CivilDay(2024, 1, 2));
}

TEST(ConvertTest, EnumsRoundTripAndUnspecifiedIsRequired) {
  EXPECT_EQ(*KindFromProto(pb::EMPLOYEE_KIND_PPPK, "k"), EmployeeKind::kPppk);
  EXPECT_EQ(KindToProto(EmployeeKind::kPns), pb::EMPLOYEE_KIND_PNS);
  absl::Status missing = SexFromProto(pb::SEX_UNSPECIFIED, "employee.sex").status();
  EXPECT_EQ(missing.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.message(), "employee.sex: is required");
  EXPECT_EQ(StatusToProto(EmployeeStatus::kTransferredOut), pb::EMPLOYEE_STATUS_TRANSFERRED_OUT);
  EXPECT_EQ(*PositionTypeFromProto(pb::POSITION_TYPE_PENGAWAS, "t"), PositionType::kPengawas);
  EXPECT_EQ(*FunctionalLevelFromProto(pb::FUNCTIONAL_LEVEL_UNSPECIFIED, "l"),
            FunctionalLevel::kNone);
  EXPECT_EQ(ActingToProto(Official::kNone), pb::ACTING_KIND_UNSPECIFIED);
  EXPECT_EQ(*ActingFromProto(pb::ACTING_KIND_PLH, "a"), Official::kPlh);
  EXPECT_FALSE(KindFromProto(static_cast<pb::EmployeeKind>(42), "k").ok());
}

TEST(ConvertTest, Ranks) {
  Rank pns = *RankFromProto("III/a", EmployeeKind::kPns, "rank");
  EXPECT_EQ(RankCode(pns), "31");
  EXPECT_EQ(RankDisplayLabel(pns), "III/a Penata Muda");
  EXPECT_EQ(RankDisplayLabel(std::string_view("IV/a")), "IV/a Pembina");
  Rank pppk = *RankFromProto("9", EmployeeKind::kPppk, "rank");
  EXPECT_EQ(RankCode(pppk), "IX");
  EXPECT_EQ(RankDisplayLabel(std::string_view("IX")), "IX");
  absl::Status bad = RankFromProto("IX", EmployeeKind::kPns, "employee.rank").status();
  EXPECT_EQ(FieldOf(bad), "employee.rank");
  EXPECT_EQ(*EselonFromProto("II.b", "e"), Eselon::kIIb);
  EXPECT_EQ(EselonToProto(Eselon::kIIb), "22");
  EXPECT_FALSE(EselonFromProto("", "e")->has_value());
}

TEST(ConvertTest, Officials) {
  Official head;
  head.kind = Official::kNonAsn;
  head.employee_id = "holder-1";
  head.name = "Wali Kota";
  head.position_id = "p1";
  head.unit_id = "u1";
  head.capacity = Official::kPoliticalHead;
  pb::Official out;
  OfficialToProto(
      head,
      {.position_name = "Wali Kota", .unit_name = "Pemkot", .rank_label = "", .rank_code = "41"},
      &out);
  EXPECT_EQ(out.kind(), pb::Official::KIND_NON_ASN);
  EXPECT_EQ(out.unit_name(), "Pemkot");
  EXPECT_TRUE(out.nip().empty());
  EXPECT_TRUE(out.employee_id().empty()) << "the internal NON-ASN holder id must not leak";
  EXPECT_TRUE(out.rank_code().empty()) << "a NON-ASN official has no rank";
  EXPECT_EQ(out.capacity(), pb::CAPACITY_POLITICAL_HEAD);
}

TEST(ConvertTest, CapacitiesAndRankCodes) {
  EXPECT_EQ(CapacityToProto(Official::kDefinitive), pb::CAPACITY_DEFINITIVE);
  EXPECT_EQ(CapacityToProto(Official::kActingPlt), pb::CAPACITY_PLT);
  EXPECT_EQ(CapacityToProto(Official::kActingPlh), pb::CAPACITY_PLH);
  EXPECT_EQ(CapacityToProto(Official::kDelegated), pb::CAPACITY_DELEGATED);
  EXPECT_EQ(CapacityToProto(Official::kInterimHead), pb::CAPACITY_PJ);
  EXPECT_EQ(CapacityToProto(Official::kPoliticalHead), pb::CAPACITY_POLITICAL_HEAD);
  EXPECT_EQ(RankCodeOf("IV/a"), "41");
  EXPECT_EQ(RankCodeOf("41"), "41");
  EXPECT_EQ(RankCodeOf("IX"), "IX");
  EXPECT_EQ(RankCodeOf(""), "");
  EXPECT_EQ(RankCodeOf("Pembina"), "");
}

}  // namespace
}  // namespace kinerja::employee::convert
