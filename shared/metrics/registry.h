// Owns metric families and renders them all for GET /metrics.
//
// One Registry per process, created by the server bootstrap and passed to whatever records
// metrics (no global: tests get a fresh one each). Registering the same name again with the
// same type, labels and buckets returns the existing family; any other clash, an invalid
// name, or a label named "le" on a histogram aborts (a wiring bug, caught at start-up).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "shared/metrics/family.h"

namespace kinerja::metrics {

class Registry {
 public:
  CounterFamily* AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names = {});
  GaugeFamily* AddGauge(std::string name, std::string help,
                        std::vector<std::string> label_names = {});
  HistogramFamily* AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names = {},
                                std::vector<double> upper_bounds = DefaultLatencyBuckets());

  // Unlabelled callback gauge: shorthand for AddGauge(name, help)->AddCallback({}, fn).
  void AddCallbackGauge(std::string name, std::string help, std::function<double()> fn);

  // Every family in name order, in text exposition format 0.0.4 (see kTextContentType).
  std::string Render() const;

 private:
  template <typename F>
  F* Add(MetricInfo info, typename F::Factory factory, const std::vector<double>& bounds);

  mutable absl::Mutex mu_;
  std::map<std::string, std::unique_ptr<FamilyBase>> families_ ABSL_GUARDED_BY(mu_);
  // Histogram buckets by family name, to tell a compatible re-registration from a clash.
  std::map<std::string, std::vector<double>> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::metrics
