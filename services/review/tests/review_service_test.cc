// ReviewService through a real gRPC channel against a real PostgreSQL, with the real employee
// and goals services beside it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/review/tests/review_fixture.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::testing {
namespace {

using employee::testing::AuditorToken;
using employee::testing::BuildOrg;
using employee::testing::HrAdminToken;
using employee::testing::Org;

rv1::ReviewService::Stub& Stub() { return ReviewEnv::Get().stub(); }

TEST(ReviewPolicyTest, DefaultsUntilStoredThenUpdatedByHrOfTheAgency) {
  const Org org = BuildOrg();
  rv1::GetReviewPolicyRequest get;
  get.set_agency_id(org.agency_id);
  rv1::ReviewPolicy policy;
  grpc::Status s = Stub().GetReviewPolicy(Ctx(org.hr_token).get(), get, &policy);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(policy.objection_days(), 14);
  EXPECT_FALSE(policy.objection_working_days());
  EXPECT_EQ(policy.anonymity_threshold(), 3);
  EXPECT_FALSE(policy.distribution_block());
  EXPECT_EQ(policy.realisation_grace_days(), 5);
  EXPECT_EQ(policy.etag(), "");

  rv1::UpdateReviewPolicyRequest update;
  update.mutable_policy()->set_agency_id(org.agency_id);
  update.mutable_policy()->set_objection_days(10);
  update.mutable_policy()->set_objection_working_days(true);
  *update.mutable_policy()->add_holidays() = rpc::DayToProto(absl::CivilDay(2026, 12, 25));
  update.mutable_update_mask()->add_paths("objection_days");
  update.mutable_update_mask()->add_paths("objection_working_days");
  update.mutable_update_mask()->add_paths("holidays");
  update.set_request_id("policy-1");
  rv1::ReviewPolicy updated;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(updated.objection_days(), 10);
  EXPECT_TRUE(updated.objection_working_days());
  EXPECT_EQ(updated.holidays_size(), 1);
  EXPECT_EQ(updated.anonymity_threshold(), 3);  // not in the mask: kept
  EXPECT_NE(updated.etag(), "");

  rv1::ReviewPolicy replayed;
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &replayed);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(replayed.etag(), updated.etag());

  // Another agency's HR admin may not change it; bad values name the field.
  update.set_request_id("");
  s = Stub().UpdateReviewPolicy(Ctx(HrAdminToken("other-agency")).get(), update, &replayed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  update.mutable_policy()->set_objection_days(0);
  s = Stub().UpdateReviewPolicy(Ctx(org.hr_token).get(), update, &replayed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
  EXPECT_THAT(s.error_message(), ::testing::HasSubstr("policy.objection_days"));

  s = Stub().GetReviewPolicy(Ctx(AuditorToken()).get(), get, &policy);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(policy.objection_days(), 10);
}

}  // namespace
}  // namespace kinerja::review::testing
