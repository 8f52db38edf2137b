// A server past --max-connection-age closes the client's connection (GOAWAY) and the client's
// next calls go over a new one, without failing; a call in flight at that moment finishes within
// the grace. The options' defaults.
#include "shared/server/server_arguments.h"

#include <grpcpp/grpcpp.h>

#include <iostream>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "kinerja/testing/v1/probe.grpc.pb.h"
#include "shared/config/config.h"

namespace kinerja::server {
namespace {

namespace v1 = ::kinerja::testing::v1;

// Answers with the caller's address (its port tells one connection from another); "slow" is
// answered 2.5 s later, from another thread (callback threads are never blocked).
class PeerProbe final : public v1::ProbeService::CallbackService {
 public:
  ~PeerProbe() override {
    for (std::thread& t : later_) t.join();
  }
  grpc::ServerUnaryReactor* Probe(grpc::CallbackServerContext* ctx, const v1::ProbeRequest* req,
                                  v1::ProbeResponse* resp) override {
    resp->set_text(ctx->peer());
    auto* reactor = ctx->DefaultReactor();
    if (req->text() != "slow") {
      reactor->Finish(grpc::Status::OK);
      return reactor;
    }
    absl::MutexLock lock(&mu_);
    later_.emplace_back([reactor] {
      absl::SleepFor(absl::Milliseconds(2500));
      reactor->Finish(grpc::Status::OK);
    });
    return reactor;
  }

 private:
  absl::Mutex mu_;
  std::vector<std::thread> later_ ABSL_GUARDED_BY(mu_);
};

class MaxConnectionAgeTest : public ::testing::Test {
 protected:
  void Start(const ConnectionSettings& settings) {
    grpc::ServerBuilder builder;
    ApplyConnectionSettings(settings, builder);
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(port_, 0);
    stub_ = v1::ProbeService::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(port_),
                                                          grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_) server_->Shutdown();
  }
  grpc::Status Call(const std::string& text, std::string* peer) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::ProbeRequest req;
    req.set_text(text);
    v1::ProbeResponse resp;
    grpc::Status s = stub_->Probe(&ctx, req, &resp);
    *peer = resp.text();
    return s;
  }

  PeerProbe service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::unique_ptr<v1::ProbeService::Stub> stub_;
};

TEST_F(MaxConnectionAgeTest, AnOldConnectionIsReplacedAndCallsKeepSucceeding) {
  Start({.max_connection_age = absl::Milliseconds(300),
         .max_connection_age_grace = absl::Seconds(5)});
  std::set<std::string> peers;
  int calls = 0, failed = 0;
  // A call every 10 ms until the third connection (bounded: 1000 calls, about 10 s).
  while (peers.size() < 3 && calls < 1000) {
    std::string peer;
    grpc::Status s = Call("", &peer);
    ++calls;
    if (s.ok()) {
      peers.insert(peer);
    } else {
      ++failed;
      std::cout << "failed: " << s.error_code() << " " << s.error_message() << "\n";
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  std::cout << "max connection age 300ms: " << calls << " calls, " << failed << " failed, over "
            << peers.size() << " connections\n";
  EXPECT_EQ(peers.size(), 3u);
  EXPECT_EQ(failed, 0);
}

TEST_F(MaxConnectionAgeTest, ACallInFlightAtTheAgeFinishesWithinTheGrace) {
  Start({.max_connection_age = absl::Seconds(1), .max_connection_age_grace = absl::Seconds(10)});
  std::string first, slow, after;
  ASSERT_TRUE(Call("", &first).ok());
  ASSERT_TRUE(Call("slow", &slow).ok());  // answered 2.5 s later, past the age
  ASSERT_TRUE(Call("", &after).ok());
  EXPECT_EQ(slow, first);  // it ran on the first connection to its end
  EXPECT_NE(after, first);
}

TEST_F(MaxConnectionAgeTest, WithoutAnAgeTheConnectionStays) {
  Start({.max_connection_age = absl::ZeroDuration(), .max_connection_age_grace = absl::Seconds(5)});
  std::string first, slow, after;
  ASSERT_TRUE(Call("", &first).ok());
  ASSERT_TRUE(Call("slow", &slow).ok());
  ASSERT_TRUE(Call("", &after).ok());
  EXPECT_EQ(after, first);
}

TEST(ConnectionOptionsTest, Defaults) {
  config::Spec spec{.program = "p", .summary = "", .options = ConnectionOptions()};
  const char* argv[] = {"p"};
  auto cfg = config::Parse(spec, 1, argv, [](const std::string&) { return std::nullopt; });
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  ConnectionSettings settings = ConnectionSettingsFrom(*cfg);
  EXPECT_EQ(settings.max_connection_age, absl::Minutes(5));
  EXPECT_EQ(settings.max_connection_age_grace, absl::Seconds(30));

  const char* flags[] = {"p", "--max-connection-age=0", "--max-connection-age-grace=1s"};
  cfg = config::Parse(spec, 3, flags, [](const std::string&) { return std::nullopt; });
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  EXPECT_EQ(ConnectionSettingsFrom(*cfg).max_connection_age, absl::ZeroDuration());
}

}  // namespace
}  // namespace kinerja::server
