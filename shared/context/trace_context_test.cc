#include "shared/context/trace_context.h"

#include <gtest/gtest.h>

namespace kinerja::context {
namespace {

constexpr char kValid[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceContext, ParsesTheSpecExample) {
  auto parsed = ParseTraceParent(kValid);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(parsed->parent_id, "00f067aa0ba902b7");
  EXPECT_EQ(parsed->flags, "01");
  EXPECT_EQ(parsed->ToString(), kValid);
}

TEST(TraceContext, RejectsMalformedHeaders) {
  for (const char* bad : {"", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                          "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                          "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                          "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
    EXPECT_FALSE(ParseTraceParent(bad).has_value()) << bad;
  }
}

TEST(TraceContext, LaterVersionsMayCarryMoreFields) {
  EXPECT_TRUE(ParseTraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later")
                  .has_value());
}

TEST(TraceContext, ContinuingKeepsTheTraceAndChangesTheParent) {
  TraceParent next = ContinueTrace(kValid);
  EXPECT_EQ(next.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(next.parent_id, "00f067aa0ba902b7");
  EXPECT_TRUE(ParseTraceParent(next.ToString()).has_value());
}

TEST(TraceContext, AnInvalidIncomingHeaderStartsANewTrace) {
  TraceParent a = ContinueTrace("nonsense");
  TraceParent b = ContinueTrace("");
  EXPECT_TRUE(ParseTraceParent(a.ToString()).has_value());
  EXPECT_NE(a.trace_id, b.trace_id);
  EXPECT_EQ(ParseTraceParent(OutgoingTraceParent(a.ToString()))->trace_id, a.trace_id);
}

}  // namespace
}  // namespace kinerja::context
