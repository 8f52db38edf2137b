// kinerja-load: closed-loop gRPC load on one RPC, counting only calls that return OK (unlike
// h2load, which counts gRPC errors as successes).
//
//   kinerja-load --addr HOST:PORT --token JWT --nips FILE [--concurrency 32] [--seconds 10]
//
// Calls EmployeeService.GetEmployee with NIPs from FILE (one per line) round-robin and prints
// one line: ok, errors, rps, p50/p99 latency in milliseconds.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
};

int Usage(const std::string& problem) {
  std::cerr << "kinerja-load: " << problem
            << "\nusage: kinerja-load --addr HOST:PORT --token JWT --nips FILE "
               "[--concurrency N] [--seconds S]\n";
  return 2;
}

// One outstanding call per worker slot; each completion starts the next call.
class Slot : public grpc::ClientUnaryReactor {
 public:
  Slot(v1::EmployeeService::Stub* stub, const Options& opt, const std::vector<std::string>* nips,
       size_t start, Clock::time_point end, std::vector<double>* latencies, std::atomic<long>* ok,
       std::atomic<long>* errors, std::map<int, long>* codes)
      : stub_(stub),
        opt_(opt),
        nips_(nips),
        next_(start),
        end_(end),
        latencies_(latencies),
        ok_(ok),
        errors_(errors),
        codes_(codes) {}

  void Start() {
    ctx_ = std::make_unique<grpc::ClientContext>();
    ctx_->AddMetadata("authorization", "Bearer " + opt_.token);
    ctx_->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    req_.set_nip((*nips_)[next_++ % nips_->size()]);
    resp_.Clear();
    began_ = Clock::now();
    stub_->async()->GetEmployee(ctx_.get(), &req_, &resp_, this);
    StartCall();
  }

  void OnDone(const grpc::Status& status) override {
    auto now = Clock::now();
    if (status.ok()) {
      ++*ok_;
      latencies_->push_back(std::chrono::duration<double, std::milli>(now - began_).count());
    } else {
      ++*errors_;
      ++(*codes_)[status.error_code()];
    }
    if (now < end_) {
      Start();
    } else {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      cv_.notify_all();
    }
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return done_; });
  }

 private:
  v1::EmployeeService::Stub* stub_;
  const Options& opt_;
  const std::vector<std::string>* nips_;
  size_t next_;
  Clock::time_point end_;
  std::vector<double>* latencies_;
  std::atomic<long>* ok_;
  std::atomic<long>* errors_;
  std::map<int, long>* codes_;
  std::unique_ptr<grpc::ClientContext> ctx_;
  v1::GetEmployeeRequest req_;
  v1::Employee resp_;
  Clock::time_point began_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

}  // namespace

int main(int argc, char** argv) {
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
    } else {
      return Usage("unknown flag " + flag);
    }
  }
  if (opt.addr.empty() || opt.token.empty() || opt.nips_file.empty()) {
    return Usage("--addr, --token and --nips are required");
  }
  if (opt.concurrency < 1 || opt.seconds < 1)
    return Usage("--concurrency and --seconds must be >= 1");
  std::vector<std::string> nips;
  std::ifstream in(opt.nips_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) nips.push_back(line);
  }
  if (nips.empty()) return Usage("--nips: no NIPs in " + opt.nips_file);

  // A few channels so the client is not limited by one HTTP/2 connection's thread.
  const int channels = std::min(opt.concurrency, 4);
  std::vector<std::unique_ptr<v1::EmployeeService::Stub>> stubs;
  for (int c = 0; c < channels; ++c) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.channel_id", c);  // distinct channels, not one shared subchannel
    stubs.push_back(v1::EmployeeService::NewStub(
        grpc::CreateCustomChannel(opt.addr, grpc::InsecureChannelCredentials(), args)));
  }
  std::atomic<long> ok{0}, errors{0};
  std::vector<std::vector<double>> latencies(opt.concurrency);
  std::vector<std::map<int, long>> codes(opt.concurrency);
  std::vector<std::unique_ptr<Slot>> slots;
  auto start = Clock::now();
  auto end = start + std::chrono::seconds(opt.seconds);
  for (int s = 0; s < opt.concurrency; ++s) {
    slots.push_back(std::make_unique<Slot>(stubs[s % channels].get(), opt, &nips,
                                           static_cast<size_t>(s) * 7919, end, &latencies[s], &ok,
                                           &errors, &codes[s]));
  }
  for (auto& s : slots) s->Start();
  for (auto& s : slots) s->Wait();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[static_cast<size_t>(p * (all.size() - 1))];
  };
  std::printf("ok=%ld errors=%ld rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", ok.load(), errors.load(),
              ok.load() / elapsed, pct(0.50), pct(0.99));
  std::map<int, long> merged;
  for (auto& m : codes) {
    for (auto& [code, n] : m) merged[code] += n;
  }
  for (auto& [code, n] : merged) std::fprintf(stderr, "grpc status %d: %ld calls\n", code, n);
  return errors.load() > 0 && ok.load() == 0 ? 1 : 0;
}
