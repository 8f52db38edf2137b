#include "services/employee/domain/position.h"

#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

constexpr PositionType kAllTypes[] = {PositionType::kJptUtama,   PositionType::kJptMadya,
                                      PositionType::kJptPratama, PositionType::kAdministrator,
                                      PositionType::kPengawas,   PositionType::kPelaksana,
                                      PositionType::kFungsional};

constexpr FunctionalLevel kAllLevels[] = {
    FunctionalLevel::kNone,      FunctionalLevel::kAhliPertama, FunctionalLevel::kAhliMuda,
    FunctionalLevel::kAhliMadya, FunctionalLevel::kAhliUtama,   FunctionalLevel::kPemula,
    FunctionalLevel::kTerampil,  FunctionalLevel::kMahir,       FunctionalLevel::kPenyelia};

TEST(PositionType, StableNamesRoundTrip) {
  EXPECT_EQ(PositionTypeName(PositionType::kJptPratama), "JPT_PRATAMA");
  EXPECT_EQ(PositionTypeName(PositionType::kFungsional), "FUNGSIONAL");
  EXPECT_EQ(PositionTypeLabel(PositionType::kJptMadya), "JPT Madya");
  for (PositionType type : kAllTypes) {
    EXPECT_EQ(ParsePositionType(PositionTypeName(type)).value(), type);
  }
  EXPECT_FALSE(ParsePositionType("jpt_pratama").ok());
  EXPECT_FALSE(ParsePositionType("").ok());
  EXPECT_EQ(ParsePositionType("X").status().message(),
            "position_type: 'X' is not a known position type");
}

TEST(FunctionalLevel, StableNamesRoundTrip) {
  EXPECT_EQ(FunctionalLevelName(FunctionalLevel::kAhliMuda), "AHLI_MUDA");
  EXPECT_EQ(FunctionalLevelLabel(FunctionalLevel::kAhliMuda), "Ahli Muda");
  EXPECT_EQ(FunctionalLevelLabel(FunctionalLevel::kNone), "");
  for (FunctionalLevel level : kAllLevels) {
    EXPECT_EQ(ParseFunctionalLevel(FunctionalLevelName(level)).value(), level);
  }
  EXPECT_FALSE(ParseFunctionalLevel("Ahli Muda").ok());
}

TEST(FunctionalLevel, AnnualCreditCoefficients) {
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kNone), 0);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kAhliPertama), 12.5);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kAhliMuda), 25);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kAhliMadya), 37.5);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kAhliUtama), 50);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kPemula), 3.75);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kTerampil), 5);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kMahir), 12.5);
  EXPECT_EQ(AnnualCreditCoefficient(FunctionalLevel::kPenyelia), 25);
}

TEST(Eselon, CodesLabelsAndTypes) {
  struct Row {
    int code;
    const char* label;
    PositionType type;
  };
  const Row rows[] = {
      {11, "I.a", PositionType::kJptMadya},        {12, "I.b", PositionType::kJptMadya},
      {21, "II.a", PositionType::kJptPratama},     {22, "II.b", PositionType::kJptPratama},
      {31, "III.a", PositionType::kAdministrator}, {32, "III.b", PositionType::kAdministrator},
      {41, "IV.a", PositionType::kPengawas},       {42, "IV.b", PositionType::kPengawas},
      {51, "V.a", PositionType::kPelaksana},
  };
  for (const Row& row : rows) {
    auto eselon = EselonFromCode(row.code);
    ASSERT_TRUE(eselon.ok()) << row.code;
    EXPECT_EQ(EselonCode(*eselon), row.code);
    EXPECT_EQ(EselonLabel(*eselon), row.label);
    EXPECT_EQ(PositionTypeForEselon(*eselon), row.type) << row.label;
    EXPECT_EQ(ParseEselon(row.label).value(), *eselon);
    EXPECT_EQ(ParseEselon(std::to_string(row.code)).value(), *eselon);
  }
  EXPECT_EQ(ParseEselon("ii.B").value(), Eselon::kIIb);
  for (const char* bad : {"", "13", "23", "52", "99", "0", "II", "II/a", "V.b", "I a"}) {
    EXPECT_FALSE(ParseEselon(bad).ok()) << bad;
  }
  EXPECT_EQ(EselonFromCode(99).status().message(),
            "eselon: code 99 is not one of 11, 12, 21, 22, 31, 32, 41, 42, 51");
}

TEST(MayBeAssessor, AtLeastPengawas) {
  EXPECT_TRUE(MayBeAssessor(PositionType::kJptUtama));
  EXPECT_TRUE(MayBeAssessor(PositionType::kJptMadya));
  EXPECT_TRUE(MayBeAssessor(PositionType::kJptPratama));
  EXPECT_TRUE(MayBeAssessor(PositionType::kAdministrator));
  EXPECT_TRUE(MayBeAssessor(PositionType::kPengawas));
  EXPECT_FALSE(MayBeAssessor(PositionType::kPelaksana));
  EXPECT_FALSE(MayBeAssessor(PositionType::kFungsional));
}

}  // namespace
}  // namespace kinerja::employee
