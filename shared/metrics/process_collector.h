// The standard process metrics of Prometheus client libraries, read from /proc at each scrape:
// process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
// process_open_fds, process_max_fds and process_start_time_seconds. (prometheus-cpp has none.)
#pragma once

#include <string>
#include <vector>

#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"

namespace kinerja::metrics {

class ProcessCollector : public prometheus::Collectable {
 public:
  // proc_root: "/proc" normally; tests point it at a fake tree.
  explicit ProcessCollector(std::string proc_root = "/proc");

  // A figure that cannot be read is left out rather than reported as 0.
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const std::string proc_root_;
};

}  // namespace kinerja::metrics
