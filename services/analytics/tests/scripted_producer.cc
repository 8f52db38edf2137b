#include "services/analytics/tests/scripted_producer.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"

namespace kinerja::analytics::testing {

namespace common = ::kinerja::common::v1;

struct ScriptedProducer::State {
  absl::Mutex mu;
  std::vector<common::EventEnvelope> events ABSL_GUARDED_BY(mu);
  bool stopping ABSL_GUARDED_BY(mu) = false;
};

namespace {

bool Wanted(const common::EventEnvelope& e, const common::StreamEventsRequest& request) {
  if (request.types().empty()) return true;
  return std::find(request.types().begin(), request.types().end(), e.type()) !=
         request.types().end();
}

grpc::Status Serve(ScriptedProducer::State& state, grpc::ServerContext* ctx,
                   const common::StreamEventsRequest& request,
                   grpc::ServerWriter<common::EventEnvelope>* writer) {
  int64_t next = 0;
  if (!request.after_cursor().empty()) {
    int64_t after = 0;
    if (!absl::SimpleAtoi(request.after_cursor(), &after) || after < 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "after_cursor: not a cursor");
    }
    next = after + 1;
  }
  while (!ctx->IsCancelled()) {
    std::vector<common::EventEnvelope> batch;
    {
      absl::MutexLock lock(&state.mu);
      auto ready = [&]() ABSL_SHARED_LOCKS_REQUIRED(state.mu) {
        return state.stopping || static_cast<int64_t>(state.events.size()) > next;
      };
      state.mu.AwaitWithTimeout(absl::Condition(&ready), absl::Milliseconds(50));
      if (state.stopping) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "shutting down");
      for (; next < static_cast<int64_t>(state.events.size()); ++next) {
        if (Wanted(state.events[next], request)) batch.push_back(state.events[next]);
      }
    }
    for (const common::EventEnvelope& e : batch) {
      if (!writer->Write(e)) return grpc::Status::OK;  // the client went away
    }
    if (request.backlog_only() && batch.empty()) return grpc::Status::OK;
  }
  return grpc::Status::OK;
}

template <typename Service>
class StreamOnly final : public Service::Service {
 public:
  explicit StreamOnly(std::shared_ptr<ScriptedProducer::State> state) : state_(std::move(state)) {}
  grpc::Status StreamEvents(grpc::ServerContext* ctx, const common::StreamEventsRequest* request,
                            grpc::ServerWriter<common::EventEnvelope>* writer) override {
    return Serve(*state_, ctx, *request, writer);
  }

 private:
  std::shared_ptr<ScriptedProducer::State> state_;
};

std::unique_ptr<grpc::Service> MakeService(const std::string& producer,
                                           std::shared_ptr<ScriptedProducer::State> state) {
  if (producer == "employee") {
    return std::make_unique<StreamOnly<employee::v1::EmployeeService>>(std::move(state));
  }
  if (producer == "goals") {
    return std::make_unique<StreamOnly<goals::v1::GoalService>>(std::move(state));
  }
  if (producer == "review") {
    return std::make_unique<StreamOnly<review::v1::ReviewService>>(std::move(state));
  }
  std::cerr << "scripted producer: unknown producer " << producer << "\n";
  std::abort();
}

}  // namespace

struct ScriptedProducer::Server {
  std::unique_ptr<grpc::Service> service;
  std::unique_ptr<grpc::Server> server;
};

ScriptedProducer::ScriptedProducer(const std::string& producer)
    : producer_(producer), state_(std::make_shared<State>()) {
  Start();
}

ScriptedProducer::~ScriptedProducer() { Stop(); }

void ScriptedProducer::Start() {
  if (server_ != nullptr) return;
  {
    absl::MutexLock lock(&state_->mu);
    state_->stopping = false;
  }
  auto s = std::make_unique<Server>();
  s->service = MakeService(producer_, state_);
  grpc::ServerBuilder builder;
  int bound = 0;
  builder.AddListeningPort(absl::StrCat("127.0.0.1:", port_), grpc::InsecureServerCredentials(),
                           &bound);
  builder.RegisterService(s->service.get());
  s->server = builder.BuildAndStart();
  if (s->server == nullptr || bound == 0) {
    std::cerr << "scripted producer: cannot listen on port " << port_ << "\n";
    std::abort();
  }
  port_ = bound;
  address_ = absl::StrCat("127.0.0.1:", port_);
  server_ = std::move(s);
}

void ScriptedProducer::Stop() {
  if (server_ == nullptr) return;
  {
    absl::MutexLock lock(&state_->mu);
    state_->stopping = true;
  }
  server_->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  server_.reset();
}

void ScriptedProducer::Publish(common::EventEnvelope event) {
  absl::MutexLock lock(&state_->mu);
  event.set_cursor(absl::StrCat(state_->events.size()));
  state_->events.push_back(std::move(event));
}

std::string ScriptedProducer::LastCursorOf(const std::vector<std::string>& types) const {
  absl::MutexLock lock(&state_->mu);
  for (auto it = state_->events.rbegin(); it != state_->events.rend(); ++it) {
    if (types.empty() || std::find(types.begin(), types.end(), it->type()) != types.end()) {
      return it->cursor();
    }
  }
  return "";
}

}  // namespace kinerja::analytics::testing
