#include "services/employee/domain/rank.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

using ::testing::StartsWith;

TEST(Golongan, AllSeventeenCodesRoundTrip) {
  const int codes[] = {11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34, 41, 42, 43, 44, 45};
  for (int code : codes) {
    auto from_code = Golongan::FromCode(code);
    ASSERT_TRUE(from_code.ok()) << code;
    auto from_label = Golongan::Parse(from_code->label());
    ASSERT_TRUE(from_label.ok()) << from_code->label();
    EXPECT_EQ(*from_label, *from_code);
    EXPECT_EQ(Golongan::Parse(std::to_string(code)).value(), *from_code);
  }
}

TEST(Golongan, LabelsAndPangkat) {
  auto g = Golongan::Parse("31").value();
  EXPECT_EQ(g.code(), 31);
  EXPECT_EQ(g.group(), 3);
  EXPECT_EQ(g.room(), 'a');
  EXPECT_EQ(g.label(), "III/a");
  EXPECT_EQ(g.pangkat(), "Penata Muda");
  EXPECT_EQ(Golongan::Parse("I/a")->pangkat(), "Juru Muda");
  EXPECT_EQ(Golongan::Parse("I/d")->pangkat(), "Juru Tingkat I");
  EXPECT_EQ(Golongan::Parse("II/c")->pangkat(), "Pengatur");
  EXPECT_EQ(Golongan::Parse("III/d")->pangkat(), "Penata Tingkat I");
  EXPECT_EQ(Golongan::Parse("IV/a")->pangkat(), "Pembina");
  EXPECT_EQ(Golongan::Parse("IV/c")->pangkat(), "Pembina Utama Muda");
  EXPECT_EQ(Golongan::Parse("IV/d")->pangkat(), "Pembina Utama Madya");
  auto top = Golongan::Parse("45").value();
  EXPECT_EQ(top.label(), "IV/e");
  EXPECT_EQ(top.room(), 'e');
  EXPECT_EQ(top.pangkat(), "Pembina Utama");
}

TEST(Golongan, LenientOnCaseAndSpaces) {
  EXPECT_EQ(Golongan::Parse("III/A")->code(), 31);
  EXPECT_EQ(Golongan::Parse("iv/e")->code(), 45);
  EXPECT_EQ(Golongan::Parse(" 32 ")->code(), 32);
  EXPECT_EQ(Golongan::Parse(" II/b\t")->code(), 22);
}

TEST(Golongan, Ordered) {
  EXPECT_LT(Golongan::Parse("III/d").value(), Golongan::Parse("IV/a").value());
  EXPECT_LT(Golongan::Parse("I/a").value(), Golongan::Parse("I/b").value());
}

TEST(Golongan, Rejects) {
  for (const char* bad : {"", "10", "15", "25", "35", "46", "50", "0", "031", "I/e", "II/e",
                          "III/e", "IV/f", "V/a", "III a", "III-a", "IIIa", "3/a", "IX"}) {
    auto g = Golongan::Parse(bad);
    EXPECT_FALSE(g.ok()) << bad;
    EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(g.status().message()), StartsWith("golongan: ")) << bad;
  }
  EXPECT_EQ(Golongan::FromCode(15).status().message(),
            "golongan: code 15 is not one of 11..14, 21..24, 31..34, 41..45");
}

TEST(PppkGrade, RomanAndArabic) {
  const char* roman[] = {"I", "II", "III", "IV",   "V",   "VI", "VII", "VIII", "IX",
                         "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"};
  for (int n = 1; n <= 17; ++n) {
    auto by_number = PppkGrade::Parse(std::to_string(n));
    auto by_roman = PppkGrade::Parse(roman[n - 1]);
    ASSERT_TRUE(by_number.ok() && by_roman.ok()) << n;
    EXPECT_EQ(by_number->number(), n);
    EXPECT_EQ(*by_roman, *by_number);
    EXPECT_EQ(by_number->label(), roman[n - 1]);
  }
  EXPECT_EQ(PppkGrade::Parse("ix")->number(), 9);
  EXPECT_EQ(PppkGrade::Parse(" IX ")->number(), 9);
  EXPECT_EQ(PppkGrade::Parse("09")->number(), 9);
}

TEST(PppkGrade, Rejects) {
  for (const char* bad : {"", "0", "18", "XVIII", "IIII", "VX", "III/a", "100", "-1", "9a"}) {
    auto g = PppkGrade::Parse(bad);
    EXPECT_FALSE(g.ok()) << bad;
    EXPECT_THAT(std::string(g.status().message()), StartsWith("pppk_grade: ")) << bad;
  }
  EXPECT_FALSE(PppkGrade::FromNumber(0).ok());
  EXPECT_FALSE(PppkGrade::FromNumber(18).ok());
}

TEST(Rank, Label) {
  EXPECT_EQ(RankLabel(Rank{}), "");
  EXPECT_EQ(RankLabel(Rank{Golongan::Parse("33").value()}), "III/c");
  EXPECT_EQ(RankLabel(Rank{PppkGrade::Parse("9").value()}), "IX");
}

}  // namespace
}  // namespace kinerja::employee
