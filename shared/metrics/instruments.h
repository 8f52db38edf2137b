// The hot-path metric types. Updates are lock-free atomics, safe from any thread; a scrape
// reads them without stopping writers.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "absl/time/time.h"

namespace kinerja::metrics {

// Monotonic; Prometheus derives rates from it.
class Counter {
 public:
  // Negative amounts are ignored: a counter that goes down looks like a process restart.
  void Increment(double amount = 1.0);
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class Gauge {
 public:
  Gauge() = default;
  // A callback gauge reports fn() at each scrape (fn runs on the scraping thread, without
  // registry locks held); Set/Increment on it have no effect.
  explicit Gauge(std::function<double()> fn) : callback_(std::move(fn)) {}

  void Set(double value) { value_.store(value, std::memory_order_relaxed); }
  void Increment(double amount = 1.0) { value_.fetch_add(amount, std::memory_order_relaxed); }
  void Decrement(double amount = 1.0) { value_.fetch_sub(amount, std::memory_order_relaxed); }
  double Value() const;

 private:
  std::atomic<double> value_{0.0};
  std::function<double()> callback_;
};

// Fixed buckets chosen at registration; each observation is one atomic add on its bucket.
class Histogram {
 public:
  // upper_bounds: strictly increasing, finite; the +Inf bucket is implicit.
  explicit Histogram(std::vector<double> upper_bounds);

  void Observe(double value);  // NaN is dropped
  void ObserveDuration(absl::Duration d) { Observe(absl::ToDoubleSeconds(d)); }

  struct Snapshot {
    std::vector<uint64_t> cumulative;  // one per bound, then +Inf (== count)
    double sum = 0;
  };
  Snapshot Snap() const;
  const std::vector<double>& upper_bounds() const { return upper_bounds_; }

 private:
  std::vector<double> upper_bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // per bucket, not cumulative
  std::atomic<double> sum_{0.0};
};

// Seconds: 0.5 ms to 10 s, for RPC and query latency.
std::vector<double> DefaultLatencyBuckets();

}  // namespace kinerja::metrics
