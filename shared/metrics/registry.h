// The process's metrics, on prometheus-cpp: its registry for counters, gauges and histograms,
// plus what it lacks (gauges read at scrape time, process metrics), rendered as Prometheus
// text for GET /metrics.
//
// One Registry per process, created by the service host and passed to whatever records
// metrics (no global: tests get a fresh one each). Registering a family again with the same
// name and help returns the existing one (prometheus-cpp's Merge behaviour); a clash throws
// from prometheus-cpp at start-up.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "shared/metrics/callback_gauges.h"
#include "shared/metrics/process_collector.h"

namespace kinerja::metrics {

inline constexpr std::string_view kTextContentType = "text/plain; version=0.0.4; charset=utf-8";

class Registry {
 public:
  Registry();

  // For families the shorthands below do not cover (histograms, labelled gauges).
  prometheus::Registry& prometheus() { return *registry_; }

  prometheus::Family<prometheus::Counter>& AddCounter(const std::string& name,
                                                      const std::string& help);

  // A gauge whose value is fn() at each scrape; fn must stay callable for the registry's
  // lifetime.
  void AddCallbackGauge(std::string name, std::string help, std::function<double()> fn,
                        prometheus::Labels labels = {});

  // kinerja_build_info{service,version} 1: which build a process runs, to join on in queries.
  void SetBuildInfo(const std::string& service, const std::string& version);

  // Every family in name order, in text exposition format 0.0.4 (kTextContentType).
  std::string Render() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  CallbackGauges callback_gauges_;
  ProcessCollector process_;
};

}  // namespace kinerja::metrics
