// A metric family: one name, HELP and TYPE, and one child per distinct set of label values.
//
// Children are created on first use under the family's lock and never removed, so the pointer
// WithLabels() returns stays valid for the registry's lifetime; cache it where the label
// values are fixed. Lookups of existing children take only a shared (reader) lock.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/node_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "shared/metrics/instruments.h"
#include "shared/metrics/label_key.h"
#include "shared/metrics/text_format.h"

namespace kinerja::metrics {

// Prints the message and aborts: metric misuse is a programming error found by the first test.
[[noreturn]] void DieMetricMisuse(const std::string& message);

class FamilyBase {
 public:
  explicit FamilyBase(MetricInfo info) : info_(std::move(info)) {}
  virtual ~FamilyBase() = default;

  const MetricInfo& info() const { return info_; }
  virtual void Render(std::string* out) const = 0;

 private:
  MetricInfo info_;
};

template <typename Child>
class Family : public FamilyBase {
 public:
  using Factory = std::function<std::unique_ptr<Child>()>;

  Family(MetricInfo info, Factory factory) : FamilyBase(std::move(info)), factory_(factory) {}

  // Values in label_names order; the wrong number of values aborts.
  Child* WithLabels(LabelValuesView values) ABSL_LOCKS_EXCLUDED(mu_) {
    CheckArity(values.size());
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = children_.find(values);
      if (it != children_.end()) return it->second.get();
    }
    absl::MutexLock lock(&mu_);
    auto [it, inserted] = children_.try_emplace(LabelValues(values.begin(), values.end()));
    if (inserted) it->second = factory_();
    return it->second.get();
  }

  void Render(std::string* out) const override ABSL_LOCKS_EXCLUDED(mu_) {
    AppendHeader(out, info());
    for (const auto& [values, child] : SortedChildren())
      AppendSamples(out, info(), *values, *child);
  }

 protected:
  // Adds a child built elsewhere (callback gauges); an existing child with those values aborts.
  void Insert(LabelValuesView values, std::unique_ptr<Child> child) ABSL_LOCKS_EXCLUDED(mu_) {
    CheckArity(values.size());
    absl::MutexLock lock(&mu_);
    auto [it, inserted] = children_.try_emplace(LabelValues(values.begin(), values.end()));
    if (!inserted) DieMetricMisuse(info().name + ": child with these labels already exists");
    it->second = std::move(child);
  }

 private:
  void CheckArity(size_t n) const {
    if (n != info().label_names.size()) {
      DieMetricMisuse(info().name + ": expected " + std::to_string(info().label_names.size()) +
                      " label values, got " + std::to_string(n));
    }
  }

  // Pointers copied under the lock and sorted so output is stable; rendering (which may run
  // gauge callbacks) happens after the lock is released. Keys and children are never moved
  // or freed before the family, so the pointers stay valid.
  std::vector<std::pair<const LabelValues*, const Child*>> SortedChildren() const {
    std::vector<std::pair<const LabelValues*, const Child*>> sorted;
    {
      absl::ReaderMutexLock lock(&mu_);
      sorted.reserve(children_.size());
      for (const auto& [values, child] : children_) sorted.emplace_back(&values, child.get());
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    return sorted;
  }

  const Factory factory_;
  mutable absl::Mutex mu_;
  // node_hash_map, not flat: SortedChildren() hands out pointers to keys, which must not move
  // when another thread's insert rehashes the table.
  absl::node_hash_map<LabelValues, std::unique_ptr<Child>, LabelValuesHash, LabelValuesEq> children_
      ABSL_GUARDED_BY(mu_);
};

using CounterFamily = Family<Counter>;
using HistogramFamily = Family<Histogram>;

class GaugeFamily : public Family<Gauge> {
 public:
  using Family<Gauge>::Family;

  // A child whose value is fn() at scrape time (pool in use, outbox lag). fn must stay
  // callable for the registry's lifetime; the same label values twice aborts.
  void AddCallback(LabelValuesView values, std::function<double()> fn) {
    Insert(values, std::make_unique<Gauge>(std::move(fn)));
  }
};

}  // namespace kinerja::metrics
