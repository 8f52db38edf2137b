#include "shared/rpc/filter.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::rpc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const FilterSchema& Schema() {
  static const FilterSchema* schema = new FilterSchema{{
      {"agency_id", FilterFieldType::kString, {FilterOp::kEq, FilterOp::kNe}},
      {"name", FilterFieldType::kString, {FilterOp::kEq, FilterOp::kHas, FilterOp::kPrefix}},
      {"grade", FilterFieldType::kInt, {FilterOp::kEq, FilterOp::kLt, FilterOp::kGe}},
      {"hired", FilterFieldType::kDate, {FilterOp::kLt, FilterOp::kGe}},
      {"status", FilterFieldType::kEnum, {FilterOp::kEq}, {"ACTIVE", "RETIRED"}},
      {"active", FilterFieldType::kBool, {FilterOp::kEq}},
  }};
  return *schema;
}

std::string ErrorOf(std::string_view filter) {
  absl::StatusOr<std::vector<Condition>> result = ParseFilter(filter, Schema());
  if (result.ok()) return "OK";
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(result.status().message()), StartsWith("filter: "));
  return std::string(result.status().message());
}

TEST(ParseFilterTest, EmptyAndBlankGiveNoConditions) {
  EXPECT_THAT(*ParseFilter("", Schema()), IsEmpty());
  EXPECT_THAT(*ParseFilter("  \t\n ", Schema()), IsEmpty());
}

TEST(ParseFilterTest, ParsesEveryTypeJoinedByAnd) {
  auto result = ParseFilter(
      R"(agency_id = "a-1" AND grade>=9 AND hired < 2024-02-29 AND status=ACTIVE AND active = false)",
      Schema());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(*result, ElementsAre(Condition{"agency_id", FilterOp::kEq, std::string("a-1")},
                                   Condition{"grade", FilterOp::kGe, int64_t{9}},
                                   Condition{"hired", FilterOp::kLt, absl::CivilDay(2024, 2, 29)},
                                   Condition{"status", FilterOp::kEq, std::string("ACTIVE")},
                                   Condition{"active", FilterOp::kEq, false}));
}

TEST(ParseFilterTest, QuotedStringsUnescape) {
  auto result = ParseFilter(R"(name = "Budi \"B\" \\ Santoso AND x")", Schema());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(*result, ElementsAre(Condition{"name", FilterOp::kEq,
                                             std::string(R"(Budi "B" \ Santoso AND x)")}));
}

TEST(ParseFilterTest, NonAsciiInQuotedStringIsKept) {
  auto result = ParseFilter("name = \"Sri Mulyani \xC3\xA9\"", Schema());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(std::get<std::string>((*result)[0].value), "Sri Mulyani \xC3\xA9");
}

TEST(ParseFilterTest, ColonWithStarIsPrefixOtherwiseHas) {
  auto result = ParseFilter(R"(name:Bud* AND name:"Sri*" AND name : Andi)", Schema());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(*result, ElementsAre(Condition{"name", FilterOp::kPrefix, std::string("Bud")},
                                   Condition{"name", FilterOp::kPrefix, std::string("Sri")},
                                   Condition{"name", FilterOp::kHas, std::string("Andi")}));
}

TEST(ParseFilterTest, NegativeIntAndBareTokenCharacters) {
  auto result = ParseFilter("grade=-3 AND agency_id=org/unit-1_a.b", Schema());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(*result,
              ElementsAre(Condition{"grade", FilterOp::kEq, int64_t{-3}},
                          Condition{"agency_id", FilterOp::kEq, std::string("org/unit-1_a.b")}));
}

TEST(ParseFilterTest, UnknownFieldNamesPositionAndAllowedFields) {
  EXPECT_EQ(ErrorOf("grade = 1 AND foo = 2"),
            "filter: unknown field \"foo\" at 15; allowed: agency_id, name, grade, hired, "
            "status, active");
}

TEST(ParseFilterTest, OnlyUppercaseAnd) {
  EXPECT_EQ(ErrorOf("grade = 1 and grade = 2"),
            "filter: found \"and\" at 11; conditions are joined by uppercase AND");
  EXPECT_THAT(ErrorOf("grade = 1 OR grade = 2"), HasSubstr("OR is not supported at 11"));
  EXPECT_THAT(ErrorOf("grade = 1 grade = 2"),
              HasSubstr("expected AND between conditions, found \"grade\" at 11"));
  EXPECT_THAT(ErrorOf("grade = 1 AND"), HasSubstr("expected a condition after AND at 14"));
  EXPECT_THAT(ErrorOf("AND grade = 1"), HasSubstr("expected a field name, found \"AND\" at 1"));
}

TEST(ParseFilterTest, RejectsUnsupportedSyntax) {
  EXPECT_THAT(ErrorOf("(grade = 1)"), HasSubstr("parentheses are not supported"));
  EXPECT_THAT(ErrorOf("NOT grade = 1"), HasSubstr("NOT is not supported at 1"));
  EXPECT_THAT(ErrorOf("grade ! 1"), HasSubstr("unexpected character \"!\" at 7"));
  EXPECT_THAT(ErrorOf("name = \"abc"), HasSubstr("unterminated string at 8"));
  EXPECT_THAT(ErrorOf(R"(name = "a\n")"), HasSubstr("unsupported escape"));
  EXPECT_THAT(ErrorOf("grade"), HasSubstr("expected an operator after grade at 6"));
  EXPECT_THAT(ErrorOf("grade 1"), HasSubstr("expected an operator, found \"1\" at 7"));
  EXPECT_THAT(ErrorOf("grade ="), HasSubstr("expected a value after = at 8"));
  EXPECT_THAT(ErrorOf("grade = = 1"), HasSubstr("expected a value, found = at 9"));
  EXPECT_THAT(ErrorOf("name = a*b"), HasSubstr("'*' is only allowed at the end"));
}

TEST(ParseFilterTest, OperatorMustBeAllowedForField) {
  EXPECT_EQ(ErrorOf("status != ACTIVE"),
            "filter: operator != is not allowed for status at 8; allowed: =");
  EXPECT_THAT(ErrorOf("agency_id:x*"), HasSubstr("operator :* is not allowed for agency_id"));
}

TEST(ParseFilterTest, ValuesAreTypeChecked) {
  EXPECT_EQ(ErrorOf("grade = abc"),
            "filter: invalid value \"abc\" for grade at 9; expected a 64-bit integer");
  EXPECT_THAT(ErrorOf("grade = 99999999999999999999"), HasSubstr("expected a 64-bit integer"));
  EXPECT_THAT(ErrorOf("grade = \" 5\""), HasSubstr("expected a 64-bit integer"));
  EXPECT_THAT(ErrorOf("hired < 2023-02-29"), HasSubstr("not a real calendar date"));
  EXPECT_THAT(ErrorOf("hired < 2023-13-01"), HasSubstr("not a real calendar date"));
  EXPECT_THAT(ErrorOf("hired < 2023-1-01"), HasSubstr("expected a date YYYY-MM-DD"));
  EXPECT_THAT(ErrorOf("status = active"), HasSubstr("expected one of: ACTIVE, RETIRED"));
  EXPECT_THAT(ErrorOf("active = yes"), HasSubstr("expected true or false"));
}

TEST(ParseFilterTest, EnforcesLimits) {
  std::string many = "grade = 1";
  for (int i = 1; i < 20; ++i) many += " AND grade = 1";
  EXPECT_TRUE(ParseFilter(many, Schema()).ok());
  EXPECT_THAT(ErrorOf(many + " AND grade = 1"), HasSubstr("too many conditions (max 20)"));
  EXPECT_THAT(ErrorOf(std::string(2049, ' ')), HasSubstr("too long (2049 bytes, max 2048)"));
}

TEST(ParseFilterTest, LongUserTextIsShortenedInErrors) {
  std::string field(200, 'x');
  std::string message = ErrorOf(field + " = 1");
  EXPECT_THAT(message, HasSubstr("unknown field \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\""));
  EXPECT_LT(message.size(), 150u);
}

enum class Shade { kLight, kDark };
std::string_view ShadeName(Shade shade) { return shade == Shade::kLight ? "LIGHT" : "DARK"; }

TEST(FilterSchemaTest, FieldBuilders) {
  FilterField id = IdField("agency_id");
  EXPECT_EQ(id.name, "agency_id");
  EXPECT_EQ(id.type, FilterFieldType::kString);
  EXPECT_THAT(id.ops, ElementsAre(FilterOp::kEq));

  FilterField shade = EnumField<Shade>("shade", {Shade::kLight, Shade::kDark}, ShadeName, "SHADE",
                                       {FilterOp::kEq, FilterOp::kNe});
  EXPECT_EQ(shade.type, FilterFieldType::kEnum);
  EXPECT_THAT(shade.ops, ElementsAre(FilterOp::kEq, FilterOp::kNe));
  EXPECT_THAT(shade.enum_values, ElementsAre("LIGHT", "DARK", "SHADE_LIGHT", "SHADE_DARK"));
}

}  // namespace
}  // namespace kinerja::rpc
