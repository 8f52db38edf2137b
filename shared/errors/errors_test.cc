#include "shared/errors/errors.h"

#include <gtest/gtest.h>

#include "absl/status/statusor.h"

namespace kinerja::errors {
namespace {

TEST(Errors, InvalidFieldCarriesViolation) {
  absl::Status s = InvalidField("employee.nip", "must be 18 digits");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "employee.nip: must be 18 digits");
  auto v = ViolationsOf(s);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, "employee.nip");
  EXPECT_EQ(v[0].description, "must be 18 digits");
}

TEST(Errors, ViolationDerivedFromConventionalMessage) {
  auto v = ViolationsOf(absl::InvalidArgumentError("nip: serial 000 is not allowed"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, "nip");
  EXPECT_TRUE(ViolationsOf(absl::InvalidArgumentError("something: with spaces: here")).size() == 1);
  EXPECT_TRUE(ViolationsOf(absl::InvalidArgumentError("no field here")).empty());
  EXPECT_TRUE(ViolationsOf(absl::NotFoundError("nip: x")).empty());
}

TEST(Errors, PrefixFieldRenamesEveryViolationAndKeepsReason) {
  absl::Status s = WithReason(InvalidFields({{"nip", "bad"}, {"name", "empty"}}), "BAD_EMPLOYEE");
  absl::Status p = PrefixField(s, "employee.");
  auto v = ViolationsOf(p);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "employee.nip");
  EXPECT_EQ(v[1].field, "employee.name");
  EXPECT_EQ(ReasonOf(p).value_or(""), "BAD_EMPLOYEE");
  EXPECT_EQ(PrefixField(absl::NotFoundError("x"), "employee.").message(), "x");
}

TEST(Errors, RuleViolationHasReason) {
  absl::Status s = RuleViolation("PLAN_LOCKED", "the plan is locked");
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(s).value_or(""), "PLAN_LOCKED");
  EXPECT_FALSE(ReasonOf(absl::InternalError("x")).has_value());
}

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("x: odd");
  return x / 2;
}

absl::StatusOr<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int h, Half(x));
  ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(Errors, OverloadedCarriesItsRetryDelayAndReason) {
  absl::Status status = Overloaded("busy", absl::Milliseconds(250));
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(RetryDelayOf(status), absl::Milliseconds(250));
  EXPECT_EQ(ReasonOf(status), "OVERLOADED");
  EXPECT_EQ(RetryDelayOf(absl::ResourceExhaustedError("quota")), std::nullopt);
}

TEST(Errors, Macros) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_FALSE(Quarter(6).ok());
}

}  // namespace
}  // namespace kinerja::errors
