#include "shared/metrics/callback_gauges.h"

#include <cstdio>
#include <cstdlib>
#include <map>

#include "prometheus/check_names.h"

namespace kinerja::metrics {
namespace {

[[noreturn]] void DieMisuse(const std::string& name, const char* what) {
  std::fprintf(stderr, "metrics: callback gauge %s: %s\n", name.c_str(), what);
  std::abort();
}

}  // namespace

void CallbackGauges::Add(std::string name, std::string help, prometheus::Labels labels,
                         std::function<double()> fn) {
  if (!prometheus::CheckMetricName(name)) DieMisuse(name, "invalid metric name");
  for (const auto& [label, value] : labels) {
    if (!prometheus::CheckLabelName(label)) DieMisuse(name, "invalid label name");
  }
  absl::MutexLock lock(&mu_);
  for (const Entry& e : entries_) {
    if (e.name != name) continue;
    if (e.help != help) DieMisuse(name, "registered again with another help text");
    if (e.labels == labels) DieMisuse(name, "registered twice with the same labels");
  }
  entries_.push_back({std::move(name), std::move(help), std::move(labels), std::move(fn)});
}

std::vector<prometheus::MetricFamily> CallbackGauges::Collect() const {
  std::vector<Entry> entries;
  {
    absl::MutexLock lock(&mu_);
    entries = entries_;
  }
  std::map<std::string, prometheus::MetricFamily> by_name;
  for (const Entry& e : entries) {
    prometheus::MetricFamily& family = by_name[e.name];
    family.name = e.name;
    family.help = e.help;
    family.type = prometheus::MetricType::Gauge;
    prometheus::ClientMetric metric;
    for (const auto& [label, value] : e.labels) metric.label.push_back({label, value});
    metric.gauge.value = e.fn();
    family.metric.push_back(std::move(metric));
  }
  std::vector<prometheus::MetricFamily> out;
  out.reserve(by_name.size());
  for (auto& [name, family] : by_name) out.push_back(std::move(family));
  return out;
}

}  // namespace kinerja::metrics
