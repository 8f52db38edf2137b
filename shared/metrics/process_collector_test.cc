#include "shared/metrics/process_collector.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "absl/time/clock.h"

namespace kinerja::metrics {
namespace {

std::map<std::string, double> Values(const ProcessCollector& collector) {
  std::map<std::string, double> out;
  for (const auto& family : collector.Collect()) {
    const auto& m = family.metric.at(0);
    out[family.name] =
        family.type == prometheus::MetricType::Counter ? m.counter.value : m.gauge.value;
  }
  return out;
}

TEST(ProcessCollectorTest, ReadsThisProcess) {
  auto v = Values(ProcessCollector());
  EXPECT_GE(v.at("process_cpu_seconds_total"), 0);
  EXPECT_GT(v.at("process_resident_memory_bytes"), 1e5);
  EXPECT_GT(v.at("process_virtual_memory_bytes"), v.at("process_resident_memory_bytes"));
  EXPECT_GE(v.at("process_open_fds"), 3);
  EXPECT_GE(v.at("process_max_fds"), v.at("process_open_fds"));
  const double now = absl::ToDoubleSeconds(absl::Now() - absl::UnixEpoch());
  EXPECT_NEAR(v.at("process_start_time_seconds"), now, 600);
}

TEST(ProcessCollectorTest, CommandNameWithSpacesAndParentheses) {
  const auto root = std::filesystem::path(testing::TempDir()) / "fake_proc";
  std::filesystem::create_directories(root / "self" / "fd");
  std::ofstream(root / "self" / "fd" / "0") << "";
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  // Fields 3.. after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt
  // cmajflt utime(14) stime(15) cutime cstime priority nice threads itrealvalue starttime(22)
  // vsize(23) rss(24).
  std::ofstream(root / "self" / "stat")
      << "42 (my (odd) name) S 1 1 1 0 -1 0 0 0 0 0 " << 3 * tick << " " << tick << " 0 0 20 0 1 0 "
      << 10 * tick << " 8192000 100 more fields\n";
  std::ofstream(root / "stat") << "cpu 1 2 3\nbtime 1700000000\nprocesses 5\n";
  auto v = Values(ProcessCollector(root.string()));
  EXPECT_DOUBLE_EQ(v.at("process_cpu_seconds_total"), 4);
  EXPECT_DOUBLE_EQ(v.at("process_start_time_seconds"), 1700000010);
  EXPECT_DOUBLE_EQ(v.at("process_virtual_memory_bytes"), 8192000);
  EXPECT_DOUBLE_EQ(v.at("process_resident_memory_bytes"), 100 * page);
  EXPECT_DOUBLE_EQ(v.at("process_open_fds"), 1);
}

TEST(ProcessCollectorTest, UnreadableFiguresAreLeftOut) {
  auto v = Values(ProcessCollector("/nonexistent-proc"));
  EXPECT_EQ(v.count("process_cpu_seconds_total"), 0u);
  EXPECT_EQ(v.count("process_open_fds"), 0u);
}

}  // namespace
}  // namespace kinerja::metrics
