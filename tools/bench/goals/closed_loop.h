// Closed-loop load with the gRPC callback client API, for kinerja-goals-bench: `concurrency`
// slots, each starting its next call as soon as the previous one finishes, until the work runs
// out or the time is up. Only calls that return OK count as done (and give a latency); the others
// are tallied by status code with one sample message each.
#pragma once

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kinerja::bench {

using Clock = std::chrono::steady_clock;

// Latencies in milliseconds; Percentile sorts on first use.
class Latencies {
 public:
  void Add(double ms) {
    values_.push_back(ms);
    sorted_ = false;
  }
  void Merge(const Latencies& other) {
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
    sorted_ = false;
  }
  size_t size() const { return values_.size(); }
  double Percentile(double p) {
    if (values_.empty()) return 0;
    if (!sorted_) std::sort(values_.begin(), values_.end());
    sorted_ = true;
    return values_[static_cast<size_t>(p * static_cast<double>(values_.size() - 1))];
  }

 private:
  std::vector<double> values_;
  bool sorted_ = true;
};

struct ErrorCount {
  long calls = 0;
  std::string sample;  // the first message seen with this code
};

struct LoadReport {
  long ok = 0;
  std::map<grpc::StatusCode, ErrorCount> errors;
  Latencies latencies;
  double seconds = 0;

  long error_calls() const {
    long n = 0;
    for (const auto& [code, count] : errors) n += count.calls;
    return n;
  }
  double rate() const { return seconds > 0 ? static_cast<double>(ok) / seconds : 0; }
};

// What one call of the load is. Both functions are called from gRPC threads, concurrently for
// different slots; `next` may keep per-slot state indexed by `slot`.
template <typename Request, typename Response>
struct CallSpec {
  // Prepares the slot's next request and the bearer token to send; false when the work is done.
  std::function<bool(int slot, Request* request, std::string* token)> next;
  // Starts the asynchronous call, e.g. stub->async()->GetPlan(ctx, req, resp, reactor).
  std::function<void(int slot, grpc::ClientContext*, const Request*, Response*,
                     grpc::ClientUnaryReactor*)>
      start;
  std::chrono::seconds call_timeout{30};
};

namespace internal {

template <typename Request, typename Response>
class Slot : public grpc::ClientUnaryReactor {
 public:
  Slot(const CallSpec<Request, Response>& spec, int index, std::optional<Clock::time_point> end)
      : spec_(spec), index_(index), end_(end) {}

  // Starts the next call, or marks the slot finished.
  void Next() {
    request_.Clear();
    response_.Clear();
    std::string token;
    if ((end_.has_value() && Clock::now() >= *end_) || !spec_.next(index_, &request_, &token)) {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      cv_.notify_all();
      return;
    }
    ctx_ = std::make_unique<grpc::ClientContext>();
    ctx_->AddMetadata("authorization", "Bearer " + token);
    ctx_->set_deadline(std::chrono::system_clock::now() + spec_.call_timeout);
    began_ = Clock::now();
    spec_.start(index_, ctx_.get(), &request_, &response_, this);
    StartCall();
  }

  void OnDone(const grpc::Status& status) override {
    if (status.ok()) {
      ++report_.ok;
      report_.latencies.Add(
          std::chrono::duration<double, std::milli>(Clock::now() - began_).count());
    } else {
      ErrorCount& count = report_.errors[status.error_code()];
      if (count.calls++ == 0) count.sample = status.error_message();
    }
    Next();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return done_; });
  }

  const LoadReport& report() const { return report_; }

 private:
  const CallSpec<Request, Response>& spec_;
  const int index_;
  const std::optional<Clock::time_point> end_;
  std::unique_ptr<grpc::ClientContext> ctx_;
  Request request_;
  Response response_;
  Clock::time_point began_;
  LoadReport report_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

}  // namespace internal

// Runs `spec` with `concurrency` calls in flight until `next` says the work is done or, when
// given, `duration` has passed (calls in flight then finish and count).
template <typename Request, typename Response>
LoadReport RunClosedLoop(const CallSpec<Request, Response>& spec, int concurrency,
                         std::optional<Clock::duration> duration) {
  const Clock::time_point start = Clock::now();
  std::optional<Clock::time_point> end;
  if (duration.has_value()) end = start + *duration;
  std::vector<std::unique_ptr<internal::Slot<Request, Response>>> slots;
  for (int s = 0; s < concurrency; ++s) {
    slots.push_back(std::make_unique<internal::Slot<Request, Response>>(spec, s, end));
  }
  for (auto& slot : slots) slot->Next();
  for (auto& slot : slots) slot->Wait();
  LoadReport total;
  total.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& slot : slots) {
    const LoadReport& r = slot->report();
    total.ok += r.ok;
    total.latencies.Merge(r.latencies);
    for (const auto& [code, count] : r.errors) {
      ErrorCount& merged = total.errors[code];
      if (merged.calls == 0) merged.sample = count.sample;
      merged.calls += count.calls;
    }
  }
  return total;
}

}  // namespace kinerja::bench
