#include "shared/metrics/registry.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::metrics {
namespace {

using ::testing::HasSubstr;

TEST(RegistryTest, RendersLabelledCounter) {
  Registry registry;
  CounterFamily* rpcs =
      registry.AddCounter("kinerja_rpc_total", "RPCs handled.", {"method", "code"});
  rpcs->WithLabels({"/kinerja.employee.v1.EmployeeService/GetEmployee", "OK"})->Increment();
  rpcs->WithLabels({"/kinerja.employee.v1.EmployeeService/GetEmployee", "OK"})->Increment(2);
  rpcs->WithLabels({"/kinerja.employee.v1.EmployeeService/GetEmployee", "NOT_FOUND"})->Increment();
  EXPECT_EQ(registry.Render(),
            "# HELP kinerja_rpc_total RPCs handled.\n"
            "# TYPE kinerja_rpc_total counter\n"
            "kinerja_rpc_total{method=\"/kinerja.employee.v1.EmployeeService/GetEmployee\","
            "code=\"NOT_FOUND\"} 1\n"
            "kinerja_rpc_total{method=\"/kinerja.employee.v1.EmployeeService/GetEmployee\","
            "code=\"OK\"} 3\n");
}

TEST(RegistryTest, UnlabelledCounterShowsZeroBeforeUse) {
  Registry registry;
  registry.AddCounter("events_total", "Events.");
  EXPECT_THAT(registry.Render(), HasSubstr("\nevents_total 0\n"));
}

TEST(RegistryTest, CounterIgnoresNegativeIncrements) {
  Registry registry;
  Counter* c = registry.AddCounter("c_total", "C.")->WithLabels({});
  c->Increment(5);
  c->Increment(-3);
  EXPECT_EQ(c->Value(), 5);
}

TEST(RegistryTest, GaugeSetIncrementDecrement) {
  Registry registry;
  Gauge* g = registry.AddGauge("in_flight", "In flight.")->WithLabels({});
  g->Set(10);
  g->Increment(2);
  g->Decrement();
  EXPECT_EQ(g->Value(), 11);
  EXPECT_THAT(registry.Render(), HasSubstr("# TYPE in_flight gauge\nin_flight 11\n"));
}

TEST(RegistryTest, CallbackGaugeIsEvaluatedAtScrape) {
  Registry registry;
  std::atomic<int> in_use{3};
  registry.AddCallbackGauge("db_pool_in_use", "Leased connections.", [&] { return in_use.load(); });
  GaugeFamily* lag = registry.AddGauge("outbox_lag", "Lag.", {"stream"});
  lag->AddCallback({"employee"}, [] { return 1.5; });
  EXPECT_THAT(registry.Render(), HasSubstr("db_pool_in_use 3\n"));
  in_use = 7;
  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("db_pool_in_use 7\n"));
  EXPECT_THAT(text, HasSubstr("outbox_lag{stream=\"employee\"} 1.5\n"));
}

TEST(RegistryTest, RendersHistogramCumulatively) {
  Registry registry;
  HistogramFamily* h = registry.AddHistogram("latency_seconds", "Latency.", {"method"}, {1, 2});
  Histogram* get = h->WithLabels({"Get"});
  for (double v : {0.5, 1.0, 1.5, 3.0}) get->Observe(v);
  get->Observe(std::nan(""));
  EXPECT_EQ(registry.Render(),
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{method=\"Get\",le=\"1\"} 2\n"
            "latency_seconds_bucket{method=\"Get\",le=\"2\"} 3\n"
            "latency_seconds_bucket{method=\"Get\",le=\"+Inf\"} 4\n"
            "latency_seconds_sum{method=\"Get\"} 6\n"
            "latency_seconds_count{method=\"Get\"} 4\n");
}

TEST(RegistryTest, HistogramDefaultsToLatencyBuckets) {
  Registry registry;
  Histogram* h = registry.AddHistogram("rpc_seconds", "RPC latency.")->WithLabels({});
  h->ObserveDuration(absl::Milliseconds(3));
  std::string text = registry.Render();
  EXPECT_THAT(text, HasSubstr("rpc_seconds_bucket{le=\"0.0005\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("rpc_seconds_bucket{le=\"0.0025\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("rpc_seconds_bucket{le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("rpc_seconds_bucket{le=\"10\"} 1\n"));
  EXPECT_EQ(DefaultLatencyBuckets().size(), 14u);
}

TEST(RegistryTest, FamiliesRenderInNameOrderAndEscapeLabels) {
  Registry registry;
  registry.AddGauge("b", "B.", {"x"})->WithLabels({"a\"b\\c\nd"})->Set(1);
  registry.AddCounter("a_total", "Line one\nback\\slash.");
  std::string text = registry.Render();
  EXPECT_LT(text.find("a_total"), text.find("# HELP b "));
  EXPECT_THAT(text, HasSubstr("# HELP a_total Line one\\nback\\\\slash.\n"));
  EXPECT_THAT(text, HasSubstr("b{x=\"a\\\"b\\\\c\\nd\"} 1\n"));
}

TEST(RegistryTest, ReRegistrationReturnsSameFamilyAndChildrenAreStable) {
  Registry registry;
  CounterFamily* first = registry.AddCounter("x_total", "X.", {"k"});
  EXPECT_EQ(registry.AddCounter("x_total", "X.", {"k"}), first);
  Counter* a = first->WithLabels({"a"});
  for (int i = 0; i < 1000; ++i) first->WithLabels({std::to_string(i)});  // forces rehashing
  EXPECT_EQ(first->WithLabels({"a"}), a);
  EXPECT_NE(first->WithLabels({"b"}), a);
}

TEST(RegistryTest, ConcurrentUpdatesAreNotLost) {
  Registry registry;
  CounterFamily* counters = registry.AddCounter("n_total", "N.", {"t"});
  HistogramFamily* hist = registry.AddHistogram("h", "H.", {"t"}, {1});
  constexpr int kThreads = 8, kPerThread = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        counters->WithLabels({"shared"})->Increment();
        counters->WithLabels({std::to_string(t)})->Increment();
        hist->WithLabels({"shared"})->Observe(0.5);
        if (i % 1000 == 0) registry.Render();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(counters->WithLabels({"shared"})->Value(), kThreads * kPerThread);
  EXPECT_EQ(counters->WithLabels({"3"})->Value(), kPerThread);
  Histogram::Snapshot snap = hist->WithLabels({"shared"})->Snap();
  EXPECT_EQ(snap.cumulative.back(), uint64_t{kThreads * kPerThread});
  EXPECT_EQ(snap.sum, 0.5 * kThreads * kPerThread);
}

TEST(RegistryDeathTest, MisuseAborts) {
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCounter("x_total", "X.", {"a"});
        r.AddCounter("x_total", "X.", {"b"});
      },
      "registered twice");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCounter("x_total", "X.", {"a"})->WithLabels({"1", "2"});
      },
      "expected 1 label values, got 2");
  EXPECT_DEATH(Registry().AddCounter("bad-name", "X."), "invalid metric name");
  EXPECT_DEATH(Registry().AddCounter("x", "X.", {"__x"}), "invalid label name");
  EXPECT_DEATH(Registry().AddHistogram("h", "H.", {"le"}), "label named le");
  EXPECT_DEATH(Registry().AddHistogram("h", "H.", {}, {1, 1}), "strictly increasing");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCallbackGauge("g", "G.", [] { return 1.0; });
        r.AddCallbackGauge("g", "G.", [] { return 2.0; });
      },
      "already exists");
}

}  // namespace
}  // namespace kinerja::metrics
