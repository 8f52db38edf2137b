// The call runner through a real gRPC channel: work for callers that have gone is not started,
// a full queue answers RESOURCE_EXHAUSTED with a retry delay, and the work sees the caller's
// deadline and trace.
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <thread>

#include <gtest/gtest.h>

#include "absl/synchronization/notification.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "kinerja/testing/v1/probe.grpc.pb.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/key_loader.h"
#include "shared/auth/mint_token.h"
#include "shared/auth/test_keys.h"
#include "shared/context/call_scope.h"
#include "shared/context/trace_context.h"
#include "shared/server/call.h"

namespace kinerja::server {
namespace {

namespace v1 = ::kinerja::testing::v1;

// Probe blocks its worker until the test releases it when the text is "block".
class ProbeService final : public v1::ProbeService::CallbackService {
 public:
  explicit ProbeService(CallRunner* calls) : calls_(calls) {}
  grpc::ServerUnaryReactor* Probe(grpc::CallbackServerContext* ctx, const v1::ProbeRequest* req,
                                  v1::ProbeResponse* resp) override {
    if (req->text() == "cancelled") cancelled_ctx = ctx;  // the test watches it
    // "anyone...": a call open to anyone (CallAccess::kAnyone) that answers with the caller.
    const bool anyone = req->text().rfind("anyone", 0) == 0;
    return calls_->Unary(
        ctx, *req, "Probe",
        [this, req, resp, anyone](const CallContext& call) {
          ++started;
          if (anyone) {
            resp->set_text(req->text() + ":" + call.principal.subject);
            return absl::OkStatus();
          }
          if (req->text() == "block") {
            blocked.Notify();
            release.WaitForNotification();
          }
          resp->set_text(req->text());
          resp->set_request_id(call.request_id);
          resp->set_traceparent(context::CurrentCall().traceparent);
          absl::Duration left = context::RemainingTime();
          resp->set_deadline_ms(left == absl::InfiniteDuration() ? 0
                                                                 : absl::ToInt64Milliseconds(left));
          return absl::OkStatus();
        },
        anyone ? CallAccess::kAnyone : CallAccess::kAuthenticated);
  }
  std::atomic<int> started{0};
  std::atomic<grpc::CallbackServerContext*> cancelled_ctx{nullptr};
  absl::Notification blocked;
  absl::Notification release;

 private:
  CallRunner* calls_;
};

class CallRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string& pem = auth::testing::EcP256PrivatePem();
    auto keys = auth::ParsePublicKeyPem(auth::testing::PublicKeyPem(pem), "k1");
    ASSERT_TRUE(keys.ok()) << keys.status();
    auth::JwtVerifier::Options options;
    options.issuer = "iss";
    options.audience = "aud";
    auto verifier = auth::JwtVerifier::Create(std::move(options), *std::move(keys));
    ASSERT_TRUE(verifier.ok()) << verifier.status();
    verifier_ = *std::move(verifier);
    auth::TokenClaims claims;
    claims.issuer = "iss";
    claims.audience = "aud";
    claims.subject = "tester";
    claims.roles = {"auditor"};
    auto token = auth::MintToken(auth::testing::SignerFor(pem, "k1"), claims, absl::Now());
    ASSERT_TRUE(token.ok()) << token.status();
    token_ = *token;
    workers_ = std::make_unique<WorkerPool>(1, /*max_queued=*/1);
    calls_ = std::make_unique<CallRunner>("test.kinerja", "kinerja.testing.v1.ProbeService",
                                          verifier_.get(), workers_.get(), &registry_);
    service_ = std::make_unique<ProbeService>(calls_.get());
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(port, 0);
    stub_ = v1::ProbeService::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                                          grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    Release();
    server_->Shutdown();
    workers_.reset();
  }
  // Lets a blocked call finish (once; TearDown releases too).
  void Release() {
    if (!service_->release.HasBeenNotified()) service_->release.Notify();
  }
  void Authorize(grpc::ClientContext& ctx) { ctx.AddMetadata("authorization", "Bearer " + token_); }
  grpc::Status Probe(const std::string& text, v1::ProbeResponse* resp,
                     absl::Duration deadline = absl::Seconds(10)) {
    grpc::ClientContext ctx;
    Authorize(ctx);
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    v1::ProbeRequest req;
    req.set_text(text);
    return stub_->Probe(&ctx, req, resp);
  }
  // Starts a call that occupies the only worker; returns when the worker holds it.
  std::thread BlockTheWorker() {
    std::thread t([this] {
      v1::ProbeResponse resp;
      EXPECT_TRUE(Probe("block", &resp).ok());
    });
    service_->blocked.WaitForNotification();
    return t;
  }
  // Waits until exactly `n` tasks wait for the worker.
  void AwaitQueued(int n) {
    for (int i = 0; i < 500 && workers_->queued() != n; ++i) absl::SleepFor(absl::Milliseconds(10));
    ASSERT_EQ(workers_->queued(), n);
  }

  metrics::Registry registry_;
  std::unique_ptr<auth::JwtVerifier> verifier_;
  std::string token_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<CallRunner> calls_;
  std::unique_ptr<ProbeService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::ProbeService::Stub> stub_;
};

TEST_F(CallRunnerTest, WorkSeesTheCallersDeadlineRequestIdAndTrace) {
  grpc::ClientContext ctx;
  Authorize(ctx);
  ctx.AddMetadata("x-request-id", "req-123");
  ctx.AddMetadata("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(8)));
  v1::ProbeRequest req;
  req.set_text("hi");
  v1::ProbeResponse resp;
  ASSERT_TRUE(stub_->Probe(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.request_id(), "req-123");
  auto trace = context::ParseTraceParent(resp.traceparent());
  ASSERT_TRUE(trace.has_value()) << resp.traceparent();
  EXPECT_EQ(trace->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_GT(resp.deadline_ms(), 6000);
  EXPECT_LE(resp.deadline_ms(), 8000);
}

TEST_F(CallRunnerTest, CallsOpenToAnyoneRunWithoutATokenAsThePublic) {
  v1::ProbeRequest req;
  req.set_text("anyone");
  v1::ProbeResponse resp;
  {
    grpc::ClientContext ctx;  // no authorization
    ASSERT_TRUE(stub_->Probe(&ctx, req, &resp).ok());
    EXPECT_EQ(resp.text(), "anyone:anonymous");
  }
  {
    grpc::ClientContext ctx;  // a valid token: that caller
    Authorize(ctx);
    ASSERT_TRUE(stub_->Probe(&ctx, req, &resp).ok());
    EXPECT_EQ(resp.text(), "anyone:tester");
  }
  {
    grpc::ClientContext ctx;  // a bad token is still refused
    ctx.AddMetadata("authorization", "Bearer not-a-token");
    EXPECT_EQ(stub_->Probe(&ctx, req, &resp).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  {
    grpc::ClientContext ctx;  // other calls still need a token
    req.set_text("hi");
    EXPECT_EQ(stub_->Probe(&ctx, req, &resp).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  const auth::Principal anonymous = AnonymousPrincipal();
  EXPECT_TRUE(anonymous.Has(auth::Role::kPublic));
  EXPECT_EQ(anonymous.roles.size(), 1u);
}

TEST_F(CallRunnerTest, BadStringsAreRefusedAtTheEdgeNamingTheField) {
  grpc::ClientContext ctx;
  Authorize(ctx);
  v1::ProbeRequest req;
  req.add_items()->set_unit_id(std::string("u\0x", 3));
  v1::ProbeResponse resp;
  grpc::Status status = stub_->Probe(&ctx, req, &resp);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  bool named = false;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad) && bad.field_violations_size() > 0) {
      named = bad.field_violations(0).field() == "items[0].unit_id";
    }
  }
  EXPECT_TRUE(named) << status.error_message();
  EXPECT_EQ(service_->started.load(), 0);
}

TEST_F(CallRunnerTest, WorkIsNotStartedAfterTheDeadlinePassedInTheQueue) {
  std::thread blocker = BlockTheWorker();
  std::thread late([this] {
    v1::ProbeResponse resp;
    EXPECT_EQ(Probe("late", &resp, absl::Milliseconds(300)).error_code(),
              grpc::StatusCode::DEADLINE_EXCEEDED);
  });
  AwaitQueued(1);
  absl::SleepFor(absl::Milliseconds(500));  // the queued call's deadline passes
  service_->release.Notify();
  late.join();
  blocker.join();
  AwaitQueued(0);  // the queued task has run (and refused) before the next call
  v1::ProbeResponse resp;
  ASSERT_TRUE(Probe("after", &resp).ok());
  EXPECT_EQ(service_->started.load(), 2) << "only 'block' and 'after' may have run";
}

TEST_F(CallRunnerTest, WorkIsNotStartedForACancelledCall) {
  std::thread blocker = BlockTheWorker();
  grpc::ClientContext ctx;
  Authorize(ctx);
  v1::ProbeRequest req;
  req.set_text("cancelled");
  v1::ProbeResponse resp;
  absl::Notification done;
  grpc::Status status;
  stub_->async()->Probe(&ctx, &req, &resp, [&](grpc::Status s) {
    status = s;
    done.Notify();
  });
  AwaitQueued(1);
  ctx.TryCancel();
  done.WaitForNotification();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  // The client knows at once; the server once the cancellation has crossed the connection.
  for (int i = 0; i < 500; ++i) {
    grpc::CallbackServerContext* server_ctx = service_->cancelled_ctx.load();
    if (server_ctx != nullptr && server_ctx->IsCancelled()) break;
    absl::SleepFor(absl::Milliseconds(10));
  }
  Release();
  blocker.join();
  AwaitQueued(0);
  v1::ProbeResponse after;
  ASSERT_TRUE(Probe("after", &after).ok());
  EXPECT_EQ(service_->started.load(), 2) << "the cancelled call's work must not run";
}

TEST_F(CallRunnerTest, AFullQueueAnswersResourceExhaustedWithARetryDelay) {
  std::thread blocker = BlockTheWorker();
  std::thread queued([this] {
    v1::ProbeResponse resp;
    EXPECT_TRUE(Probe("queued", &resp).ok());
  });
  AwaitQueued(1);  // max_queued = 1: the queue is now full
  v1::ProbeResponse resp;
  grpc::ClientContext ctx;
  Authorize(ctx);
  v1::ProbeRequest req;
  req.set_text("shed");
  grpc::Status shed = stub_->Probe(&ctx, req, &resp);
  EXPECT_EQ(shed.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(shed.error_details()));
  bool has_retry = false;
  for (const auto& any : details.details()) {
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&retry)) {
      has_retry = true;
      EXPECT_GT(retry.retry_delay().seconds() * 1000 + retry.retry_delay().nanos() / 1000000, 0);
    }
  }
  EXPECT_TRUE(has_retry);
  service_->release.Notify();
  queued.join();
  blocker.join();
  EXPECT_EQ(service_->started.load(), 2) << "the shed call's work must not run";
}

}  // namespace
}  // namespace kinerja::server
