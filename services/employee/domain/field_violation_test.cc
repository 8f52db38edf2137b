#include "services/employee/domain/field_violation.h"

#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

TEST(ViolationFromStatus, RelabelsTheField) {
  auto v = ViolationFromStatus("nipBaru", absl::InvalidArgumentError("nip: serial 000 is bad"));
  EXPECT_EQ(v, (FieldViolation{"nipBaru", "serial 000 is bad"}));
  EXPECT_EQ(ViolationFromStatus("x", absl::InvalidArgumentError("no prefix here")).description,
            "no prefix here");
  EXPECT_EQ(ViolationFromStatus("x", absl::InvalidArgumentError("a b: c")).description, "a b: c");
  EXPECT_EQ(ViolationFromStatus("x", absl::InvalidArgumentError(": c")).description, ": c");
  EXPECT_EQ(ViolationFromStatus("x", absl::InvalidArgumentError("units[3].id: dup")).description,
            "dup");
}

TEST(ViolationFromPrefixedStatus, KeepsTheField) {
  EXPECT_EQ(ViolationFromPrefixedStatus(absl::InvalidArgumentError("eselonId: required")),
            (FieldViolation{"eselonId", "required"}));
  EXPECT_EQ(ViolationFromPrefixedStatus(absl::InvalidArgumentError("no field")),
            (FieldViolation{"", "no field"}));
}

TEST(ViolationsToStatus, JoinsAllStartingWithTheFirstField) {
  EXPECT_TRUE(ViolationsToStatus({}).ok());
  auto status = ViolationsToStatus({{"name", "must not be empty"}, {"rank", "is required"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "name: must not be empty; rank: is required");
}

}  // namespace
}  // namespace kinerja::employee
