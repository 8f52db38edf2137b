#include "shared/metrics/registry.h"

#include <algorithm>

#include "prometheus/text_serializer.h"

namespace kinerja::metrics {

Registry::Registry() : registry_(std::make_shared<prometheus::Registry>()) {}

prometheus::Family<prometheus::Counter>& Registry::AddCounter(const std::string& name,
                                                              const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
}

void Registry::AddCallbackGauge(std::string name, std::string help, std::function<double()> fn,
                                prometheus::Labels labels) {
  callback_gauges_.Add(std::move(name), std::move(help), std::move(labels), std::move(fn));
}

void Registry::SetBuildInfo(const std::string& service, const std::string& version) {
  prometheus::BuildGauge()
      .Name("kinerja_build_info")
      .Help("Always 1; labels name the service and the version it was built from.")
      .Register(*registry_)
      .Add({{"service", service}, {"version", version}})
      .Set(1);
}

std::string Registry::Render() const {
  std::vector<prometheus::MetricFamily> families = registry_->Collect();
  for (const prometheus::Collectable* more :
       {static_cast<const prometheus::Collectable*>(&callback_gauges_),
        static_cast<const prometheus::Collectable*>(&process_)}) {
    auto collected = more->Collect();
    std::move(collected.begin(), collected.end(), std::back_inserter(families));
  }
  std::stable_sort(families.begin(), families.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace kinerja::metrics
