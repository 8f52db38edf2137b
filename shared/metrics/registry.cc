#include "shared/metrics/registry.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/ascii.h"

namespace kinerja::metrics {
namespace {

bool IsNameChar(char c, bool first, bool allow_colon) {
  if (absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_') return true;
  if (allow_colon && c == ':') return true;
  return !first && absl::ascii_isdigit(static_cast<unsigned char>(c));
}

// [a-zA-Z_:][a-zA-Z0-9_:]* for metrics, without ':' for labels.
bool IsValidName(const std::string& name, bool allow_colon) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (!IsNameChar(name[i], i == 0, allow_colon)) return false;
  }
  return true;
}

void Validate(const MetricInfo& info, const std::vector<double>& bounds) {
  if (!IsValidName(info.name, true)) DieMetricMisuse("invalid metric name \"" + info.name + "\"");
  for (const std::string& label : info.label_names) {
    if (!IsValidName(label, false) || label.starts_with("__")) {
      DieMetricMisuse(info.name + ": invalid label name \"" + label + "\"");
    }
    if (info.type == MetricType::kHistogram && label == "le") {
      DieMetricMisuse(info.name + ": histograms cannot have a label named le");
    }
  }
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
      DieMetricMisuse(info.name + ": bucket bounds must be finite and strictly increasing");
    }
  }
}

}  // namespace

void DieMetricMisuse(const std::string& message) {
  std::fprintf(stderr, "metrics: %s\n", message.c_str());
  std::abort();
}

template <typename F>
F* Registry::Add(MetricInfo info, typename F::Factory factory, const std::vector<double>& bounds) {
  Validate(info, bounds);
  absl::MutexLock lock(&mu_);
  auto it = families_.find(info.name);
  if (it != families_.end()) {
    const MetricInfo& old = it->second->info();
    if (old.type != info.type || old.label_names != info.label_names ||
        buckets_[info.name] != bounds) {
      DieMetricMisuse(info.name + ": registered twice with different type, labels or buckets");
    }
    return static_cast<F*>(it->second.get());
  }
  const std::string name = info.name;
  const bool unlabelled = info.label_names.empty();
  auto family = std::make_unique<F>(std::move(info), std::move(factory));
  // An unlabelled metric exists from the start, so scrapes show 0 rather than nothing.
  if (unlabelled && !std::is_same_v<F, GaugeFamily>) family->WithLabels({});
  F* raw = family.get();
  families_.emplace(name, std::move(family));
  buckets_[name] = bounds;
  return raw;
}

CounterFamily* Registry::AddCounter(std::string name, std::string help,
                                    std::vector<std::string> label_names) {
  return Add<CounterFamily>(
      {std::move(name), std::move(help), MetricType::kCounter, std::move(label_names)},
      [] { return std::make_unique<Counter>(); }, {});
}

GaugeFamily* Registry::AddGauge(std::string name, std::string help,
                                std::vector<std::string> label_names) {
  return Add<GaugeFamily>(
      {std::move(name), std::move(help), MetricType::kGauge, std::move(label_names)},
      [] { return std::make_unique<Gauge>(); }, {});
}

HistogramFamily* Registry::AddHistogram(std::string name, std::string help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> upper_bounds) {
  auto factory = [upper_bounds] { return std::make_unique<Histogram>(upper_bounds); };
  return Add<HistogramFamily>(
      {std::move(name), std::move(help), MetricType::kHistogram, std::move(label_names)},
      std::move(factory), upper_bounds);
}

void Registry::AddCallbackGauge(std::string name, std::string help, std::function<double()> fn) {
  AddGauge(std::move(name), std::move(help))->AddCallback({}, std::move(fn));
}

std::string Registry::Render() const {
  std::vector<const FamilyBase*> families;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [name, family] : families_) families.push_back(family.get());
  }
  // Families are never removed, so rendering outside the lock is safe and keeps gauge
  // callbacks from running under it.
  std::string out;
  for (const FamilyBase* family : families) family->Render(&out);
  return out;
}

}  // namespace kinerja::metrics
