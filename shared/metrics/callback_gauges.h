// Gauges whose value is read when Prometheus scrapes (pool connections in use, queue length,
// outbox lag): prometheus-cpp only has gauges that someone sets, and setting these on every
// change would put a store on hot paths for a value read every 15 s.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "prometheus/collectable.h"
#include "prometheus/labels.h"
#include "prometheus/metric_family.h"

namespace kinerja::metrics {

class CallbackGauges : public prometheus::Collectable {
 public:
  // fn runs on the scraping thread, with no lock of this class held, and must stay callable
  // for this object's lifetime. A second gauge of one name must have the same help and other
  // label values; anything else is a wiring bug and aborts.
  void Add(std::string name, std::string help, prometheus::Labels labels,
           std::function<double()> fn) ABSL_LOCKS_EXCLUDED(mu_);

  std::vector<prometheus::MetricFamily> Collect() const override ABSL_LOCKS_EXCLUDED(mu_);

 private:
  struct Entry {
    std::string name;
    std::string help;
    prometheus::Labels labels;
    std::function<double()> fn;
  };

  mutable absl::Mutex mu_;
  std::vector<Entry> entries_ ABSL_GUARDED_BY(mu_);  // grouped by name at Collect()
};

}  // namespace kinerja::metrics
