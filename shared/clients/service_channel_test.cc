// What a call to another service carries: this service's token, the incoming request id, a
// traceparent continuing the incoming trace, and a deadline bounded by the incoming call's.
#include "shared/clients/service_channel.h"

#include <grpcpp/grpcpp.h>

#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "kinerja/testing/v1/probe.grpc.pb.h"
#include "shared/auth/test_keys.h"
#include "shared/context/call_scope.h"
#include "shared/context/trace_context.h"
#include "shared/log/request_id.h"

namespace kinerja::clients {
namespace {

namespace v1 = ::kinerja::testing::v1;

// Records what each call arrived with.
class Recorder final : public v1::ProbeService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Probe(grpc::CallbackServerContext* ctx, const v1::ProbeRequest*,
                                  v1::ProbeResponse*) override {
    absl::MutexLock lock(&mu);
    metadata.clear();
    for (const auto& [key, value] : ctx->client_metadata()) {
      metadata[std::string(key.data(), key.size())] = std::string(value.data(), value.size());
    }
    deadline = absl::FromChrono(ctx->deadline());
    auto* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  absl::Mutex mu;
  std::map<std::string, std::string> metadata;
  absl::Time deadline;
};

class ServiceChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&recorder_);
    server_ = builder.BuildAndStart();
    token_file_ = auth::testing::MakeTempDir() + "/token";
    auth::testing::WriteFile(token_file_, "secret-token\n");
    // The recorder serves cleartext on loopback: the channel must be told so (TLS by default).
    channel_ = std::make_unique<ServiceChannel>(ChannelOptions{.addr = DialAddress("", port),
                                                               .token_file = token_file_,
                                                               .deadline = absl::Seconds(5),
                                                               .tls = {.insecure = true}});
    stub_ = v1::ProbeService::NewStub(channel_->channel());
  }
  void TearDown() override { server_->Shutdown(); }
  absl::Time CallAndGetDeadline() {
    auto ctx = channel_->UnaryContext();
    EXPECT_TRUE(ctx.ok()) << ctx.status();
    v1::ProbeResponse resp;
    EXPECT_TRUE(stub_->Probe(ctx->get(), v1::ProbeRequest(), &resp).ok());
    absl::MutexLock lock(&recorder_.mu);
    return recorder_.deadline;
  }
  std::string Received(const std::string& key) {
    absl::MutexLock lock(&recorder_.mu);
    return recorder_.metadata[key];
  }

  Recorder recorder_;
  std::unique_ptr<grpc::Server> server_;
  std::string token_file_;
  std::unique_ptr<ServiceChannel> channel_;
  std::unique_ptr<v1::ProbeService::Stub> stub_;
};

TEST_F(ServiceChannelTest, ForwardsIdentityRequestIdAndTrace) {
  const std::string incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  log::ScopedRequestId id("req-42");
  context::ScopedCall call({.deadline = absl::Now() + absl::Seconds(30), .traceparent = incoming});
  CallAndGetDeadline();
  EXPECT_EQ(Received("authorization"), "Bearer secret-token");
  EXPECT_EQ(Received("x-request-id"), "req-42");
  auto sent = context::ParseTraceParent(Received("traceparent"));
  ASSERT_TRUE(sent.has_value()) << Received("traceparent");
  EXPECT_EQ(sent->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(sent->parent_id, "00f067aa0ba902b7");
}

TEST_F(ServiceChannelTest, TheIncomingDeadlineBoundsTheOutgoingOne) {
  absl::Time start = absl::Now();
  {
    context::ScopedCall call({.deadline = start + absl::Milliseconds(1500), .traceparent = ""});
    absl::Time deadline = CallAndGetDeadline();
    EXPECT_LE(deadline, start + absl::Milliseconds(1600));
  }
  // Without an incoming deadline, the configured 5 s applies.
  absl::Time deadline = CallAndGetDeadline();
  EXPECT_GT(deadline, start + absl::Seconds(4));
  EXPECT_LE(deadline, absl::Now() + absl::Seconds(5) + absl::Milliseconds(100));
}

TEST_F(ServiceChannelTest, ASpentDeadlineMakesNoCall) {
  context::ScopedCall call({.deadline = absl::Now() - absl::Milliseconds(1), .traceparent = ""});
  auto ctx = channel_->UnaryContext();
  EXPECT_EQ(ctx.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST_F(ServiceChannelTest, TheTokenFileIsReReadWhenItChanges) {
  CallAndGetDeadline();
  EXPECT_EQ(Received("authorization"), "Bearer secret-token");
  absl::SleepFor(absl::Milliseconds(1100));  // the file is checked at most once a second
  auth::testing::WriteFile(token_file_, "rotated");
  CallAndGetDeadline();
  EXPECT_EQ(Received("authorization"), "Bearer rotated");
}

}  // namespace
}  // namespace kinerja::clients
