#include "shared/rpc/enum_table.h"

#include <gtest/gtest.h>

namespace kinerja::rpc {
namespace {

enum WireColour { COLOUR_UNSPECIFIED = 0, COLOUR_RED = 1, COLOUR_BLUE = 2 };
enum class Colour { kRed, kBlue, kGreen };

constexpr EnumTable<WireColour, Colour, 2> kColours = {{
    {COLOUR_RED, Colour::kRed},
    {COLOUR_BLUE, Colour::kBlue},
}};

TEST(EnumTableTest, MapsBothWays) {
  EXPECT_EQ(*EnumFromProto(kColours, COLOUR_BLUE, "colour"), Colour::kBlue);
  EXPECT_EQ(EnumToProto(kColours, Colour::kRed), COLOUR_RED);
  EXPECT_EQ(EnumToProto(kColours, Colour::kGreen), COLOUR_UNSPECIFIED);
}

TEST(EnumTableTest, NamesTheFieldOfAnUnmappedValue) {
  absl::StatusOr<Colour> missing = EnumFromProto(kColours, COLOUR_UNSPECIFIED, "item.colour");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().message(), "item.colour: is required");
  absl::StatusOr<Colour> unknown =
      EnumFromProto(kColours, static_cast<WireColour>(7), "item.colour");
  EXPECT_EQ(unknown.status().message(), "item.colour: unknown value 7");
}

}  // namespace
}  // namespace kinerja::rpc
