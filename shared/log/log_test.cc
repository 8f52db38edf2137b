#include "shared/log/log.h"

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::log {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

TEST(FormatLineTest, ExactShape) {
  absl::Time t = absl::FromUnixMillis(1795428000123);  // 2026-11-23T10:00:00.123Z
  std::vector<Field> fields = {{"count", 3},       {"ratio", 0.5},   {"ok", true},
                               {"name", "Budi"},   {"msg", "clash"}, {"big", ~uint64_t{0}},
                               {"size", size_t{7}}};
  EXPECT_EQ(FormatLine(Level::kWarn, t, "abc123", "plan \"x\" saved", fields),
            "{\"ts\":\"2026-11-23T10:00:00.123Z\",\"level\":\"warn\",\"msg\":\"plan \\\"x\\\" "
            "saved\",\"request_id\":\"abc123\",\"count\":3,\"ratio\":0.5,\"ok\":true,"
            "\"name\":\"Budi\",\"field_msg\":\"clash\",\"big\":18446744073709551616,"
            "\"size\":7}\n");
}

TEST(FormatLineTest, OmitsEmptyRequestId) {
  EXPECT_EQ(FormatLine(Level::kInfo, absl::UnixEpoch(), "", "up", {}),
            "{\"ts\":\"1970-01-01T00:00:00.000Z\",\"level\":\"info\",\"msg\":\"up\"}\n");
}

TEST(FieldTest, StatusAndAbslStringView) {
  absl::Status status = absl::NotFoundError("no such plan");
  Field from_status("error", status);
  Field from_message("reason", status.message());
  EXPECT_EQ(std::get<std::string>(from_status.value()), "NOT_FOUND: no such plan");
  EXPECT_EQ(std::get<std::string>(from_message.value()), "no such plan");
}

TEST(ParseLevelTest, NamesAndErrors) {
  EXPECT_EQ(*ParseLevel("DEBUG"), Level::kDebug);
  EXPECT_EQ(*ParseLevel("warning"), Level::kWarn);
  EXPECT_FALSE(ParseLevel("loud").ok());
}

// Captures lines for one test, then restores stderr and the default level.
class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetSink([this](std::string_view line) {
      absl::MutexLock lock(&mu_);
      lines_.emplace_back(line);
    });
  }
  void TearDown() override {
    SetSink(nullptr);
    SetLevel(Level::kInfo);
  }
  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }

  absl::Mutex mu_;
  std::vector<std::string> lines_;
};

TEST_F(LogTest, WritesThroughSinkWithRequestId) {
  {
    ScopedRequestId outer("outer-1");
    Info("first", {{"n", 1}});
    {
      ScopedRequestId inner("inner-2");
      Error("second");
    }
    Warn("third");
  }
  Info("fourth");
  std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[0],
              MatchesRegex("\\{\"ts\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{3}Z\","
                           "\"level\":\"info\",\"msg\":\"first\","
                           "\"request_id\":\"outer-1\",\"n\":1\\}\n"));
  EXPECT_THAT(lines[1],
              HasSubstr("\"level\":\"error\",\"msg\":\"second\",\"request_id\":\"inner-2\""));
  EXPECT_THAT(lines[2], HasSubstr("\"request_id\":\"outer-1\""));
  EXPECT_THAT(lines[3], Not(HasSubstr("request_id")));
}

TEST_F(LogTest, LevelThreshold) {
  Debug("hidden");
  SetLevel(Level::kError);
  Warn("hidden too");
  Error("shown");
  SetLevel(Level::kDebug);
  Debug("now shown");
  std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], HasSubstr("\"msg\":\"shown\""));
  EXPECT_THAT(lines[1], HasSubstr("\"msg\":\"now shown\""));
  EXPECT_FALSE(Enabled(Level::kDebug) && GetLevel() != Level::kDebug);
}

TEST_F(LogTest, RequestIdIsPerThread) {
  ScopedRequestId main_id("main");
  std::thread other([] {
    EXPECT_EQ(CurrentRequestId(), "");
    ScopedRequestId id("worker");
    Info("from worker");
  });
  other.join();
  EXPECT_EQ(CurrentRequestId(), "main");
  EXPECT_THAT(Lines().at(0), HasSubstr("\"request_id\":\"worker\""));
}

TEST_F(LogTest, ConcurrentLinesStayWhole) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 500; ++i) Info("tick", {{"t", t}, {"i", i}});
    });
  }
  for (auto& t : threads) t.join();
  std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2000u);
  for (const std::string& line : lines) {
    ASSERT_THAT(line, MatchesRegex("\\{.*\"msg\":\"tick\",\"t\":[0-3],\"i\":[0-9]+\\}\n"));
  }
}

TEST(RequestIdTest, NewIdsAreRandomHex) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string id = NewRequestId();
    ASSERT_THAT(id, MatchesRegex("[0-9a-f]{32}"));
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(RequestIdTest, ThreadsMintDistinctIds) {
  std::vector<std::vector<std::string>> minted(4);
  std::vector<std::thread> threads;
  for (auto& ids : minted) {
    threads.emplace_back([&ids] {
      for (int i = 0; i < 1000; ++i) ids.push_back(NewRequestId());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (const auto& ids : minted) seen.insert(ids.begin(), ids.end());
  EXPECT_EQ(seen.size(), 4000u);
}

TEST(RequestIdTest, AcceptableIds) {
  EXPECT_TRUE(IsAcceptableRequestId("3f2a-XY_z.1:2"));
  EXPECT_FALSE(IsAcceptableRequestId(""));
  EXPECT_FALSE(IsAcceptableRequestId("a b"));
  EXPECT_FALSE(IsAcceptableRequestId("a\"b"));
  EXPECT_FALSE(IsAcceptableRequestId(std::string(129, 'a')));
}

}  // namespace
}  // namespace kinerja::log
