#include "shared/config/value.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::config {
namespace {

std::string Error(const Option& option, std::string_view text) {
  absl::StatusOr<OptionValue> v = ParseOptionValue(option, text);
  return v.ok() ? "OK" : std::string(v.status().message());
}

TEST(ParseOptionValueTest, Int) {
  Option o{.name = "n", .type = OptionType::kInt, .min = 1, .max = 256};
  EXPECT_EQ(std::get<int64_t>(*ParseOptionValue(o, "256")), 256);
  EXPECT_EQ(Error(o, "0"), "must be between 1 and 256, got \"0\"");
  EXPECT_EQ(Error(o, "8x"), "must be an integer, got \"8x\"");
  EXPECT_EQ(Error(o, " 8"), "must be an integer, got \" 8\"");
  EXPECT_EQ(Error(o, ""), "must be an integer, got \"\"");
  Option at_least{.name = "n", .type = OptionType::kInt, .min = 0};
  EXPECT_EQ(Error(at_least, "-1"), "must be at least 0, got \"-1\"");
}

TEST(ParseOptionValueTest, Duration) {
  Option o{.name = "t", .type = OptionType::kDuration};
  EXPECT_EQ(std::get<absl::Duration>(*ParseOptionValue(o, "250ms")), absl::Milliseconds(250));
  EXPECT_EQ(std::get<absl::Duration>(*ParseOptionValue(o, "1m30s")), absl::Seconds(90));
  EXPECT_EQ(std::get<absl::Duration>(*ParseOptionValue(o, "0")), absl::ZeroDuration());
  for (const char* bad : {"5", "-1s", "inf", "soon", ""}) {
    EXPECT_THAT(Error(o, bad), testing::StartsWith("must be a duration like 5s")) << bad;
  }
}

TEST(ParseOptionValueTest, Bool) {
  Option o{.name = "b", .type = OptionType::kBool};
  for (const char* yes : {"true", "TRUE", "1", "yes", "on"}) {
    EXPECT_TRUE(std::get<bool>(*ParseOptionValue(o, yes))) << yes;
  }
  for (const char* no : {"false", "0", "No", "off"}) {
    EXPECT_FALSE(std::get<bool>(*ParseOptionValue(o, no))) << no;
  }
  EXPECT_EQ(Error(o, "maybe"), "must be true or false, got \"maybe\"");
}

TEST(ParseOptionValueTest, Address) {
  Option o{.name = "a", .type = OptionType::kAddress};
  EXPECT_EQ(std::get<Address>(*ParseOptionValue(o, "0.0.0.0:50051")), (Address{"0.0.0.0", 50051}));
  EXPECT_EQ(std::get<Address>(*ParseOptionValue(o, "db.local:5432")), (Address{"db.local", 5432}));
  EXPECT_EQ(std::get<Address>(*ParseOptionValue(o, "[::1]:0")), (Address{"::1", 0}));
  EXPECT_EQ(std::get<Address>(*ParseOptionValue(o, ":9090")), (Address{"", 9090}));
  for (const char* bad :
       {"localhost", "localhost:", "h:65536", "h:-1", "h:+1", "::1:80", "[]:80", "h:8o"}) {
    EXPECT_THAT(Error(o, bad), testing::StartsWith("must be host:port")) << bad;
  }
}

TEST(ParseOptionValueTest, Target) {
  Option o{.name = "t", .type = OptionType::kTarget};
  auto target = [&](std::string_view text) { return std::get<Target>(*ParseOptionValue(o, text)); };
  EXPECT_EQ(target("employee:50051"), (Target{"", {"employee", 50051}}));
  EXPECT_EQ(target("[::1]:50051"), (Target{"", {"::1", 50051}}));
  for (const char* uri :
       {"dns:///employee.kinerja.svc.cluster.local:50051", "dns://10.0.0.10:53/employee:50051",
        "dns:employee:50051", "ipv4:127.0.0.1:7001,127.0.0.1:7002", "ipv6:[::1]:7001,[::1]:7002"}) {
    EXPECT_EQ(target(uri), (Target{uri, {}})) << uri;
  }
  for (const char* bad : {"employee", "dns:///employee", "dns:///:50051", "dns://10.0.0.10",
                          "ipv4:127.0.0.1:7001,", "ipv4:", "unix:/run/kinerja.sock", "::1:80"}) {
    EXPECT_THAT(Error(o, bad), testing::StartsWith("must be host:port, dns:///host:port")) << bad;
  }
}

TEST(ParseOptionValueTest, SecretsAreNotEchoed) {
  Option o{.name = "k", .type = OptionType::kInt, .secret = true};
  EXPECT_EQ(Error(o, "hunter2"), "must be an integer");
}

}  // namespace
}  // namespace kinerja::config
