#include "shared/metrics/process_collector.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace kinerja::metrics {
namespace {

struct ProcStat {
  double cpu_seconds = 0;
  double start_ticks = 0;  // since boot
  double virtual_bytes = 0;
  double resident_bytes = 0;
};

// /proc/self/stat: the command name (field 2) may hold spaces and parentheses, so fields are
// counted from its closing parenthesis (proc(5): utime 14, stime 15, starttime 22, vsize 23,
// rss 24).
std::optional<ProcStat> ReadStat(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(close + 1));
  std::vector<std::string> f{"", "", ""};  // fields 1 and 2 consumed; index = field number
  for (std::string v; fields >> v;) f.push_back(v);
  if (f.size() <= 24) return std::nullopt;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  try {
    return ProcStat{.cpu_seconds = (std::stod(f[14]) + std::stod(f[15])) / ticks,
                    .start_ticks = std::stod(f[22]) / ticks,
                    .virtual_bytes = std::stod(f[23]),
                    .resident_bytes = std::stod(f[24]) * page};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Boot time from the "btime" line of /proc/stat, in seconds since the epoch.
std::optional<double> ReadBootTime(const std::string& path) {
  std::ifstream in(path);
  for (std::string key; in >> key;) {
    if (key == "btime") {
      double btime = 0;
      if (in >> btime) return btime;
      return std::nullopt;
    }
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return std::nullopt;
}

std::optional<double> CountOpenFds(const std::string& path) {
  std::error_code ec;
  std::filesystem::directory_iterator it(path, ec);
  if (ec) return std::nullopt;
  double n = 0;
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) return std::nullopt;
    ++n;
  }
  return n;
}

prometheus::MetricFamily Single(std::string name, std::string help, prometheus::MetricType type,
                                double value) {
  prometheus::ClientMetric metric;
  if (type == prometheus::MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return {std::move(name), std::move(help), type, {metric}};
}

}  // namespace

ProcessCollector::ProcessCollector(std::string proc_root) : proc_root_(std::move(proc_root)) {}

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> out;
  if (auto stat = ReadStat(proc_root_ + "/self/stat")) {
    out.push_back(Single("process_cpu_seconds_total",
                         "Total user and system CPU time spent in "
                         "seconds.",
                         MetricType::Counter, stat->cpu_seconds));
    out.push_back(Single("process_resident_memory_bytes", "Resident memory size in bytes.",
                         MetricType::Gauge, stat->resident_bytes));
    out.push_back(Single("process_virtual_memory_bytes", "Virtual memory size in bytes.",
                         MetricType::Gauge, stat->virtual_bytes));
    if (auto boot = ReadBootTime(proc_root_ + "/stat")) {
      out.push_back(Single("process_start_time_seconds",
                           "Start time of the process since unix epoch in seconds.",
                           MetricType::Gauge, *boot + stat->start_ticks));
    }
  }
  if (auto fds = CountOpenFds(proc_root_ + "/self/fd")) {
    out.push_back(
        Single("process_open_fds", "Number of open file descriptors.", MetricType::Gauge, *fds));
  }
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    out.push_back(Single("process_max_fds", "Maximum number of open file descriptors.",
                         MetricType::Gauge, static_cast<double>(limit.rlim_cur)));
  }
  return out;
}

}  // namespace kinerja::metrics
