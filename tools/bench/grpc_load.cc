// kinerja-load: closed-loop gRPC load on one RPC, counting only calls that return OK (unlike
// h2load, which counts gRPC errors as successes).
//
//   kinerja-load --addr HOST:PORT --token JWT --nips FILE [--concurrency 32] [--seconds 10]
//                [--threads 1] [--channels 1]
//
// Calls EmployeeService.GetEmployee with NIPs from FILE (one per line) round-robin and prints
// one line: ok, errors, rps, p50/p99 latency in milliseconds.
#include <grpcpp/grpcpp.h>

#include <algorithm>
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

struct Options {
  std::string addr;
  std::string token;
  std::string nips_file;
  int concurrency = 32;
  int seconds = 10;
  int threads = 1;   // driver threads, each with its own completion queue
  int channels = 1;  // channels (connections) per driver thread
};

int Usage(const std::string& problem) {
  std::cerr << "kinerja-load: " << problem
            << "\nusage: kinerja-load --addr HOST:PORT --token JWT --nips FILE "
               "[--concurrency N] [--seconds S] [--threads T] [--channels C]\n";
  return 2;
}

// One outstanding call per slot; each completion starts the slot's next call. The calls of one
// driver thread share its channel and completion queue, and the thread runs the queue itself:
// gRPC's async API without callback threads, so the generator spends as little CPU per call as
// it can on cores it shares with the service and the database (as pgbench does).
struct Slot {
  grpc::ClientContext* Reset() {
    ctx = std::make_unique<grpc::ClientContext>();
    return ctx.get();
  }
  std::unique_ptr<grpc::ClientContext> ctx;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Employee>> call;
  v1::GetEmployeeRequest req;
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

// Runs `slots` closed-loop calls, spread over opt.channels channels, until `end`, then waits for
// those in flight.
DriverResult Drive(const Options& opt, const std::vector<std::string>& nips, int driver, int slots,
                   size_t first, Clock::time_point end) {
  std::vector<std::unique_ptr<v1::EmployeeService::Stub>> stubs;
  for (int c = 0; c < opt.channels; ++c) {
    grpc::ChannelArguments args;
    // Distinct channels (one connection each), not one shared subchannel.
    args.SetInt("grpc.channel_id", driver * opt.channels + c);
    // No retries (a failed call counts as an error): the retry filter copies every call's
    // metadata in case it has to resend it.
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
    stubs.push_back(v1::EmployeeService::NewStub(
        grpc::CreateCustomChannel(opt.addr, grpc::InsecureChannelCredentials(), args)));
  }
  grpc::CompletionQueue cq;
  const std::string authorization = "Bearer " + opt.token;
  std::vector<Slot> slot(static_cast<size_t>(slots));
  auto start = [&](Slot& s) {
    v1::EmployeeService::Stub& stub = *stubs[s.channel];
    grpc::ClientContext* ctx = s.Reset();
    ctx->AddMetadata("authorization", authorization);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    s.req.set_nip(nips[s.next++ % nips.size()]);
    s.resp.Clear();
    s.began = Clock::now();
    s.call = stub.AsyncGetEmployee(ctx, s.req, &cq);
    s.call->Finish(&s.resp, &s.status, &s);
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

}  // namespace

int main(int argc, char** argv) {
  // As in the services' release builds: no lock-order graph on every Mutex acquisition.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) return Usage(flag + " needs a value");
    std::string value = argv[++i];
    if (flag == "--addr") {
      opt.addr = value;
    } else if (flag == "--token") {
      opt.token = value;
    } else if (flag == "--nips") {
      opt.nips_file = value;
    } else if (flag == "--concurrency") {
      opt.concurrency = std::atoi(value.c_str());
    } else if (flag == "--seconds") {
      opt.seconds = std::atoi(value.c_str());
    } else if (flag == "--threads") {
      opt.threads = std::atoi(value.c_str());
    } else if (flag == "--channels") {
      opt.channels = std::atoi(value.c_str());
    } else {
      return Usage("unknown flag " + flag);
    }
  }
  if (opt.addr.empty() || opt.token.empty() || opt.nips_file.empty()) {
    return Usage("--addr, --token and --nips are required");
  }
  if (opt.concurrency < 1 || opt.seconds < 1 || opt.threads < 1 || opt.channels < 1)
    return Usage("--concurrency, --seconds, --threads and --channels must be >= 1");
  std::vector<std::string> nips;
  std::ifstream in(opt.nips_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) nips.push_back(line);
  }
  if (nips.empty()) return Usage("--nips: no NIPs in " + opt.nips_file);

  // One driver thread per channel, each with its own completion queue.
  const int drivers = std::min(opt.concurrency, opt.threads);
  std::vector<DriverResult> results(static_cast<size_t>(drivers));
  std::vector<std::thread> threads;
  auto start = Clock::now();
  auto end = start + std::chrono::seconds(opt.seconds);
  for (int d = 0; d < drivers; ++d) {
    const int slots = opt.concurrency / drivers + (d < opt.concurrency % drivers ? 1 : 0);
    threads.emplace_back([&, d, slots] {
      results[static_cast<size_t>(d)] =
          Drive(opt, nips, d, slots, static_cast<size_t>(d) * 1000003, end);
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
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[static_cast<size_t>(p * (all.size() - 1))];
  };
  std::printf("ok=%ld errors=%ld rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", ok, errors, ok / elapsed,
              pct(0.50), pct(0.99));
  for (auto& [code, n] : merged) std::fprintf(stderr, "grpc status %d: %ld calls\n", code, n);
  return errors > 0 && ok == 0 ? 1 : 0;
}
