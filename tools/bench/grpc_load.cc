// kinerja-load: closed-loop (or paced) gRPC load on one EmployeeService RPC, counting only calls
// that return OK (unlike h2load, which counts gRPC errors as successes).
//
//   kinerja-load --addr HOST:PORT --token JWT --keys FILE [--rpc get|update]
//                [--concurrency 32] [--seconds 10] [--threads 1] [--channels 1]
//                [--rate CALLS_PER_S] [--follow-events]
//
// --rpc get (default): GetEmployee, FILE holds NIPs, one per line.
// --rpc update: UpdateEmployee, FILE holds employee ids of ACTIVE employees; an audited write
//   with its EmployeeUpdated event. The token must be an HR admin's. --update-field status (the
//   default) sends each employee on leave and back in turn (ON_LEAVE, ACTIVE, ...: a column no
//   index covers); --update-field name gives it a new name each time (a column three indexes
//   cover, so every write also rewrites those index entries).
// --rate: start calls at this overall rate (open loop, at most --concurrency in flight) instead
//   of as fast as answers come back.
// --follow-events: also read StreamEvents (EmployeeUpdated only) during the run, with
//   --events-token (an auditor's or a service's; default --token), and report the lag from each
//   event's occurred_at (its transaction's start) to its arrival here.
//
// Prints one line: ok, errors, rps, p50/p99 latency in milliseconds, and with --follow-events a
// second line: events received for this run's writes and their lag percentiles.
#include <grpcpp/alarm.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace v1 = kinerja::employee::v1;

enum class Rpc { kGet, kUpdate };

struct Options {
  std::string addr;
  std::string token;
  std::string events_token;
  std::string keys_file;
  Rpc rpc = Rpc::kGet;
  int concurrency = 32;
  int seconds = 10;
  int threads = 1;   // driver threads, each with its own completion queue
  int channels = 1;  // channels (connections) per driver thread
  double rate = 0;   // calls per second over all drivers; 0: closed loop
  bool follow_events = false;
  bool update_name = false;  // --update-field name
};

int Usage(const std::string& problem) {
  std::cerr << "kinerja-load: " << problem
            << "\nusage: kinerja-load --addr HOST:PORT --token JWT --keys FILE [--rpc get|update] "
               "[--concurrency N] [--seconds S] [--threads T] [--channels C] [--rate R] "
               "[--follow-events] [--events-token JWT] [--update-field status|name]\n";
  return 2;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& addr, int id) {
  grpc::ChannelArguments args;
  // Distinct channels (one connection each), not one shared subchannel.
  args.SetInt("grpc.channel_id", id);
  // No retries (a failed call counts as an error): the retry filter copies every call's
  // metadata in case it has to resend it.
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  return grpc::CreateCustomChannel(addr, grpc::InsecureChannelCredentials(), args);
}

// A name the person-name rules accept, different for every call: "Pegawai Uji " + letters.
std::string BenchName(uint64_t n) {
  std::string letters;
  do {
    letters.push_back(static_cast<char>('A' + n % 26));
    n /= 26;
  } while (n > 0);
  return "Pegawai Uji " + letters;
}

// The update of key `k`: a new name (`name_serial` makes it unique), or the status flipped: every
// visit of an employee flips it, so each call changes the row (an unchanged row would write no
// audit row and no event).
void FillUpdate(const Options& opt, const std::string& key, size_t k, uint64_t name_serial,
                std::vector<std::atomic<uint32_t>>& visits, v1::UpdateEmployeeRequest* update) {
  update->mutable_employee()->set_id(key);
  update->mutable_update_mask()->clear_paths();
  if (opt.update_name) {
    update->mutable_employee()->set_name(BenchName(name_serial));
    update->mutable_update_mask()->add_paths("name");
  } else {
    const bool leave = visits[k].fetch_add(1) % 2 == 0;
    update->mutable_employee()->set_status(leave ? v1::EMPLOYEE_STATUS_ON_LEAVE
                                                 : v1::EMPLOYEE_STATUS_ACTIVE);
    update->mutable_update_mask()->add_paths("status");
  }
}

// One outstanding call (or one wait for its paced start) per slot; each completion starts the
// slot's next call. The calls of one driver thread share its channels and completion queue, and
// the thread runs the queue itself: gRPC's async API without callback threads, so the generator
// spends as little CPU per call as it can on cores it shares with the service and the database
// (as pgbench does).
struct Slot {
  std::unique_ptr<grpc::ClientContext> ctx;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Employee>> call;
  grpc::Alarm alarm;
  bool pacing = false;  // the next completion is the alarm, not the call
  v1::GetEmployeeRequest get;
  v1::UpdateEmployeeRequest update;
  v1::Employee resp;
  grpc::Status status;
  Clock::time_point began;
  size_t next = 0;
  size_t channel = 0;
};

struct DriverResult {
  long ok = 0;
  long errors = 0;
  std::vector<double> latencies;
  std::map<int, long> codes;
};

// Runs `slots` calls, spread over opt.channels channels, until `end`, then waits for those in
// flight. With a rate, call k of this driver starts no earlier than t0 + k / rate.
DriverResult Drive(const Options& opt, const std::vector<std::string>& keys,
                   std::vector<std::atomic<uint32_t>>& visits, int driver, int slots, double rate,
                   size_t first, Clock::time_point t0, Clock::time_point end) {
  std::vector<std::unique_ptr<v1::EmployeeService::Stub>> stubs;
  for (int c = 0; c < opt.channels; ++c)
    stubs.push_back(v1::EmployeeService::NewStub(Channel(opt.addr, driver * opt.channels + c)));
  grpc::CompletionQueue cq;
  const std::string authorization = "Bearer " + opt.token;
  std::vector<Slot> slot(static_cast<size_t>(slots));
  uint64_t started = 0;
  auto start_call = [&](Slot& s) {
    v1::EmployeeService::Stub& stub = *stubs[s.channel];
    s.ctx = std::make_unique<grpc::ClientContext>();
    s.ctx->AddMetadata("authorization", authorization);
    s.ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    const size_t k = s.next++ % keys.size();
    const std::string& key = keys[k];
    s.resp.Clear();
    s.began = Clock::now();
    if (opt.rpc == Rpc::kGet) {
      s.get.set_nip(key);
      s.call = stub.AsyncGetEmployee(s.ctx.get(), s.get, &cq);
    } else {
      FillUpdate(opt, key, k, first + started, visits, &s.update);
      s.call = stub.AsyncUpdateEmployee(s.ctx.get(), s.update, &cq);
    }
    s.call->Finish(&s.resp, &s.status, &s);
  };
  // Starts the slot's next call now, or arms its alarm for the paced start time.
  auto start = [&](Slot& s) {
    const uint64_t k = started++;
    if (rate > 0) {
      const auto at = t0 + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(static_cast<double>(k) / rate));
      if (at > Clock::now()) {
        s.pacing = true;
        s.alarm.Set(&cq, std::chrono::system_clock::now() + (at - Clock::now()), &s);
        return;
      }
    }
    start_call(s);
  };
  for (int i = 0; i < slots; ++i) {
    slot[static_cast<size_t>(i)].next = first + static_cast<size_t>(i) * 7919;
    slot[static_cast<size_t>(i)].channel = static_cast<size_t>(i % opt.channels);
    start(slot[static_cast<size_t>(i)]);
  }
  DriverResult result;
  int in_flight = slots;
  void* tag = nullptr;
  bool ok = false;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    Slot& s = *static_cast<Slot*>(tag);
    const auto now = Clock::now();
    if (s.pacing) {
      s.pacing = false;
      if (now < end) {
        start_call(s);
      } else {
        --in_flight;
      }
      continue;
    }
    if (ok && s.status.ok()) {
      ++result.ok;
      result.latencies.push_back(std::chrono::duration<double, std::milli>(now - s.began).count());
    } else {
      ++result.errors;
      ++result.codes[ok ? s.status.error_code() : grpc::StatusCode::UNKNOWN];
    }
    if (now < end) {
      start(s);
    } else {
      --in_flight;
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return result;
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

// Reads EmployeeUpdated events from the service's StreamEvents. Before measuring, a warm-up write
// goes through (Warmed()): the stream has then read past its backlog. After Arm(since), records
// the lag of every event that occurred at or after `since`, until Stop().
class EventFollower {
 public:
  EventFollower(const Options& opt, std::string warm_up_id)
      : stub_(v1::EmployeeService::NewStub(Channel(opt.addr, 1'000'000))),
        warm_up_id_(std::move(warm_up_id)),
        warm_up_since_(std::chrono::system_clock::now()) {
    ctx_.AddMetadata("authorization",
                     "Bearer " + (opt.events_token.empty() ? opt.token : opt.events_token));
    thread_ = std::thread([this] { Run(); });
  }
  ~EventFollower() { Stop(); }

  bool Warmed() const { return warmed_.load(); }
  void Arm(std::chrono::system_clock::time_point since) {
    absl::MutexLock lock(&mu_);
    since_ = since;
    armed_ = true;
  }
  // Waits (up to `grace`) until `expected` events arrived, then ends the stream.
  void Stop(long expected = 0, std::chrono::seconds grace = std::chrono::seconds(0)) {
    if (!thread_.joinable()) return;
    const auto give_up = Clock::now() + grace;
    while (received_.load() < expected && Clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ctx_.TryCancel();
    thread_.join();
  }
  std::vector<double> lags() {
    absl::MutexLock lock(&mu_);
    return lags_;
  }
  std::string error() {
    absl::MutexLock lock(&mu_);
    return error_;
  }

 private:
  void Run() {
    kinerja::common::v1::StreamEventsRequest request;
    request.add_types("EmployeeUpdated");
    auto reader = stub_->StreamEvents(&ctx_, request);
    kinerja::common::v1::EventEnvelope event;
    while (reader->Read(&event)) {
      const auto now = std::chrono::system_clock::now();
      const auto occurred = std::chrono::system_clock::time_point(
          std::chrono::duration_cast<std::chrono::system_clock::duration>(
              std::chrono::seconds(event.occurred_at().seconds()) +
              std::chrono::nanoseconds(event.occurred_at().nanos())));
      if (event.aggregate_id() == warm_up_id_ && occurred >= warm_up_since_) warmed_ = true;
      absl::MutexLock lock(&mu_);
      if (!armed_ || occurred < since_) continue;
      lags_.push_back(std::chrono::duration<double, std::milli>(now - occurred).count());
      received_.fetch_add(1);
    }
    grpc::Status status = reader->Finish();
    if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
      absl::MutexLock lock(&mu_);
      error_ = status.error_message();
    }
  }

  std::unique_ptr<v1::EmployeeService::Stub> stub_;
  const std::string warm_up_id_;
  const std::chrono::system_clock::time_point warm_up_since_;
  grpc::ClientContext ctx_;
  std::atomic<bool> warmed_{false};
  std::atomic<long> received_{0};
  absl::Mutex mu_;
  bool armed_ ABSL_GUARDED_BY(mu_) = false;
  std::chrono::system_clock::time_point since_ ABSL_GUARDED_BY(mu_);
  std::vector<double> lags_ ABSL_GUARDED_BY(mu_);
  std::string error_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

bool ParseInt(const std::string& value, int& out) {
  char* end = nullptr;
  long v = std::strtol(value.c_str(), &end, 10);
  if (end == value.c_str() || *end != '\0' || v < 1 || v > 1'000'000) return false;
  out = static_cast<int>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // As in the services' release builds: no lock-order graph on every Mutex acquisition.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--follow-events") {
      opt.follow_events = true;
      continue;
    }
    if (flag == "--update-field") {
      if (i + 1 >= argc ||
          (std::string(argv[i + 1]) != "status" && std::string(argv[i + 1]) != "name"))
        return Usage("--update-field must be status or name");
      opt.update_name = std::string(argv[++i]) == "name";
      continue;
    }
    if (i + 1 >= argc) return Usage(flag + " needs a value");
    std::string value = argv[++i];
    if (flag == "--addr") {
      opt.addr = value;
    } else if (flag == "--token") {
      opt.token = value;
    } else if (flag == "--events-token") {
      opt.events_token = value;
    } else if (flag == "--keys" || flag == "--nips") {
      opt.keys_file = value;
    } else if (flag == "--rpc") {
      if (value != "get" && value != "update") return Usage("--rpc must be get or update");
      opt.rpc = value == "get" ? Rpc::kGet : Rpc::kUpdate;
    } else if (flag == "--rate") {
      char* end = nullptr;
      opt.rate = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || !(opt.rate > 0))
        return Usage("--rate must be a number > 0");
    } else if (flag == "--concurrency" || flag == "--seconds" || flag == "--threads" ||
               flag == "--channels") {
      int* target = flag == "--concurrency" ? &opt.concurrency
                    : flag == "--seconds"   ? &opt.seconds
                    : flag == "--threads"   ? &opt.threads
                                            : &opt.channels;
      if (!ParseInt(value, *target)) return Usage(flag + " must be a whole number >= 1");
    } else {
      return Usage("unknown flag " + flag);
    }
  }
  if (opt.addr.empty() || opt.token.empty() || opt.keys_file.empty()) {
    return Usage("--addr, --token and --keys are required");
  }
  std::vector<std::string> keys;
  std::ifstream in(opt.keys_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) keys.push_back(line);
  }
  if (keys.empty()) return Usage("--keys: no keys in " + opt.keys_file);

  std::vector<std::atomic<uint32_t>> visits(keys.size());
  std::unique_ptr<EventFollower> follower;
  if (opt.follow_events) {
    if (opt.rpc != Rpc::kUpdate) return Usage("--follow-events needs --rpc update");
    // The warm-up write: the last key, whose toggle the load then continues.
    const size_t last = keys.size() - 1;
    follower = std::make_unique<EventFollower>(opt, keys[last]);
    auto stub = v1::EmployeeService::NewStub(Channel(opt.addr, 1'000'001));
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + opt.token);
    v1::UpdateEmployeeRequest warm_up;
    FillUpdate(opt, keys[last], last, 999'999'999, visits, &warm_up);
    v1::Employee answer;
    grpc::Status s = stub->UpdateEmployee(&ctx, warm_up, &answer);
    if (!s.ok()) {
      std::fprintf(stderr, "kinerja-load: warm-up UpdateEmployee failed: %s\n",
                   s.error_message().c_str());
      return 1;
    }
    const auto give_up = Clock::now() + std::chrono::seconds(120);
    while (!follower->Warmed() && Clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!follower->Warmed()) {
      std::fprintf(stderr, "kinerja-load: the warm-up event did not arrive within 120 s: %s\n",
                   follower->error().c_str());
      return 1;
    }
    follower->Arm(std::chrono::system_clock::now());
  }
  // One driver thread per channel group, each with its own completion queue.
  const int drivers = std::min(opt.concurrency, opt.threads);
  std::vector<DriverResult> results(static_cast<size_t>(drivers));
  std::vector<std::thread> threads;
  auto start = Clock::now();
  auto end = start + std::chrono::seconds(opt.seconds);
  for (int d = 0; d < drivers; ++d) {
    const int slots = opt.concurrency / drivers + (d < opt.concurrency % drivers ? 1 : 0);
    threads.emplace_back([&, d, slots] {
      results[static_cast<size_t>(d)] = Drive(opt, keys, visits, d, slots, opt.rate / drivers,
                                              static_cast<size_t>(d) * 1000003, start, end);
    });
  }
  for (auto& t : threads) t.join();
  long ok = 0, errors = 0;
  std::vector<double> all;
  std::map<int, long> merged;
  for (const DriverResult& r : results) {
    ok += r.ok;
    errors += r.errors;
    all.insert(all.end(), r.latencies.begin(), r.latencies.end());
    for (auto& [code, n] : r.codes) merged[code] += n;
  }
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("ok=%ld errors=%ld rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", ok, errors, ok / elapsed,
              Percentile(all, 0.50), Percentile(all, 0.99));
  for (auto& [code, n] : merged) std::fprintf(stderr, "grpc status %d: %ld calls\n", code, n);
  if (follower) {
    // Every OK write committed one event; wait a little for the last ones.
    follower->Stop(ok, std::chrono::seconds(10));
    std::vector<double> lags = follower->lags();
    std::printf("events received=%zu missing=%ld lag_p50_ms=%.1f lag_p99_ms=%.1f lag_max_ms=%.1f\n",
                lags.size(), std::max(0L, ok - static_cast<long>(lags.size())),
                Percentile(lags, 0.50), Percentile(lags, 0.99), Percentile(lags, 1.0));
    if (!follower->error().empty())
      std::fprintf(stderr, "StreamEvents failed: %s\n", follower->error().c_str());
  }
  return errors > 0 && ok == 0 ? 1 : 0;
}
