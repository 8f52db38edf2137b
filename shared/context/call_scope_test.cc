#include "shared/context/call_scope.h"

#include <thread>

#include <gtest/gtest.h>

namespace kinerja::context {
namespace {

TEST(CallScope, NoCallMeansNoDeadline) {
  EXPECT_EQ(CurrentCall().deadline, absl::InfiniteFuture());
  EXPECT_EQ(RemainingTime(), absl::InfiniteDuration());
}

TEST(CallScope, NestedScopesRestoreThePreviousCall) {
  absl::Time now = absl::FromUnixSeconds(1000);
  {
    ScopedCall outer({.deadline = now + absl::Seconds(5), .traceparent = "outer"});
    EXPECT_EQ(RemainingTime(now), absl::Seconds(5));
    {
      ScopedCall inner({.deadline = now - absl::Seconds(1), .traceparent = "inner"});
      EXPECT_EQ(RemainingTime(now), absl::Seconds(-1));
      EXPECT_EQ(CurrentCall().traceparent, "inner");
    }
    EXPECT_EQ(CurrentCall().traceparent, "outer");
  }
  EXPECT_EQ(CurrentCall().traceparent, "");
}

TEST(CallScope, IsPerThread) {
  ScopedCall here({.deadline = absl::Now() + absl::Seconds(1), .traceparent = "here"});
  std::string seen = "unset";
  std::thread([&] { seen = CurrentCall().traceparent; }).join();
  EXPECT_EQ(seen, "");
}

}  // namespace
}  // namespace kinerja::context
