#include "shared/metrics/registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

namespace kinerja::metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RegistryTest, RendersCountersWithLabels) {
  Registry registry;
  auto& family = registry.AddCounter("coalesced_read_keys_total", "Keys read.");
  family.Add({{"read", "employee_by_id"}}).Increment(3);
  // A second registration of the same family returns the first.
  registry.AddCounter("coalesced_read_keys_total", "Keys read.")
      .Add({{"read", "employee_by_id"}})
      .Increment();
  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("# HELP coalesced_read_keys_total Keys read.\n"
                              "# TYPE coalesced_read_keys_total counter\n"
                              "coalesced_read_keys_total{read=\"employee_by_id\"} 4\n"));
}

TEST(RegistryTest, CallbackGaugesAreReadAtScrapeTime) {
  Registry registry;
  std::atomic<int> in_use{2};
  registry.AddCallbackGauge("db_pool_in_use", "Connections in use.", [&] { return in_use.load(); });
  registry.AddCallbackGauge("outbox_lag", "Lag.", [] { return 1.5; }, {{"stream", "employee"}});
  registry.AddCallbackGauge("outbox_lag", "Lag.", [] { return 0.0; }, {{"stream", "goals"}});
  EXPECT_THAT(registry.Render(), HasSubstr("\ndb_pool_in_use 2\n"));
  in_use = 3;
  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("\ndb_pool_in_use 3\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE outbox_lag gauge\noutbox_lag{stream=\"employee\"} 1.5\n"
                              "outbox_lag{stream=\"goals\"} 0\n"));
}

TEST(RegistryTest, BuildInfoAndProcessMetrics) {
  Registry registry;
  registry.SetBuildInfo("employee", "v1.2-3-gabc");
  std::string text = registry.Render();
  EXPECT_THAT(text,
              HasSubstr("kinerja_build_info{service=\"employee\",version=\"v1.2-3-gabc\"} 1\n"));
  for (const char* name : {"process_cpu_seconds_total", "process_resident_memory_bytes",
                           "process_open_fds", "process_start_time_seconds", "process_max_fds"}) {
    EXPECT_THAT(text, HasSubstr(std::string("\n") + name + " ")) << name;
  }
}

TEST(RegistryTest, FamiliesComeInNameOrder) {
  Registry registry;
  registry.AddCallbackGauge("zz_last", "Z.", [] { return 1; });
  registry.AddCounter("aa_first_total", "A.").Add({}).Increment();
  std::string text = registry.Render();
  EXPECT_LT(text.find("aa_first_total"), text.find("process_cpu_seconds_total"));
  EXPECT_LT(text.find("process_cpu_seconds_total"), text.find("zz_last"));
}

TEST(RegistryTest, EmptyFamiliesAreLeftOut) {
  Registry registry;
  registry.AddCounter("never_used_total", "Never.");
  EXPECT_THAT(registry.Render(), Not(HasSubstr("never_used_total")));
}

TEST(RegistryDeathTest, CallbackGaugeMisuseAborts) {
  Registry registry;
  registry.AddCallbackGauge("db_up", "Up.", [] { return 1; });
  EXPECT_DEATH(registry.AddCallbackGauge("db_up", "Up.", [] { return 1; }), "same labels");
  EXPECT_DEATH(registry.AddCallbackGauge("db_up", "Other help.", [] { return 1; }, {{"a", "b"}}),
               "another help");
  EXPECT_DEATH(registry.AddCallbackGauge("bad-name", "Bad.", [] { return 1; }), "invalid");
}

}  // namespace
}  // namespace kinerja::metrics
