// A service channel spreads its calls over every address of its target (round_robin), where
// gRPC's default (pick_first) would send them all to the first that answers.
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <iostream>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "kinerja/testing/v1/probe.grpc.pb.h"
#include "shared/auth/test_keys.h"
#include "shared/clients/channel_arguments.h"
#include "shared/clients/service_channel.h"

namespace kinerja::clients {
namespace {

namespace v1 = ::kinerja::testing::v1;

class CountingProbe final : public v1::ProbeService::CallbackService {
 public:
  grpc::ServerUnaryReactor* Probe(grpc::CallbackServerContext* ctx, const v1::ProbeRequest*,
                                  v1::ProbeResponse*) override {
    ++calls;
    auto* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  std::atomic<int> calls{0};
};

struct Replica {
  CountingProbe service;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

class LoadBalancingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (Replica& r : replicas_) {
      grpc::ServerBuilder builder;
      builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &r.port);
      builder.RegisterService(&r.service);
      r.server = builder.BuildAndStart();
      ASSERT_NE(r.port, 0);
    }
    token_file_ = auth::testing::MakeTempDir() + "/token";
    auth::testing::WriteFile(token_file_, "secret-token\n");
  }
  void TearDown() override {
    for (Replica& r : replicas_) r.server->Shutdown();
  }
  // Both replicas' addresses, as a resolver would return them for one name.
  std::string BothReplicas() const {
    return absl::StrCat("ipv4:127.0.0.1:", replicas_[0].port, ",127.0.0.1:", replicas_[1].port);
  }
  void Call(ServiceChannel& channel, int n) {
    auto stub = v1::ProbeService::NewStub(channel.channel());
    for (int i = 0; i < n; ++i) {
      auto ctx = channel.UnaryContext();
      ASSERT_TRUE(ctx.ok()) << ctx.status();
      v1::ProbeResponse resp;
      grpc::Status s = stub->Probe(ctx->get(), v1::ProbeRequest(), &resp);
      ASSERT_TRUE(s.ok()) << s.error_message();
    }
  }

  Replica replicas_[2];
  std::string token_file_;
};

TEST_F(LoadBalancingTest, AServiceChannelSpreadsCallsOverEveryAddress) {
  ServiceChannel channel(
      ChannelOptions{.addr = BothReplicas(), .token_file = token_file_, .tls = {.insecure = true}});
  Call(channel, 40);
  std::cout << "round_robin: replica 1 served " << replicas_[0].service.calls << ", replica 2 "
            << replicas_[1].service.calls << " of 40 calls\n";
  // round_robin alternates between the connected addresses (the first calls may all go to the
  // one that connected first).
  EXPECT_GT(replicas_[0].service.calls, 0);
  EXPECT_GT(replicas_[1].service.calls, 0);
}

// The contrast that shows what the service config changes: without it, one replica gets all.
TEST_F(LoadBalancingTest, WithoutTheServiceConfigOneAddressGetsEveryCall) {
  ServiceChannel channel(ChannelOptions{.addr = BothReplicas(), .token_file = token_file_},
                         grpc::CreateChannel(BothReplicas(), grpc::InsecureChannelCredentials()));
  Call(channel, 20);
  EXPECT_EQ(replicas_[0].service.calls + replicas_[1].service.calls, 20);
  EXPECT_TRUE(replicas_[0].service.calls == 0 || replicas_[1].service.calls == 0);
}

TEST_F(LoadBalancingTest, ADnsNameIsAccepted) {
  ServiceChannel channel(
      ChannelOptions{.addr = absl::StrCat("dns:///localhost:", replicas_[0].port),
                     .token_file = token_file_,
                     .tls = {.insecure = true}});
  Call(channel, 3);
  EXPECT_EQ(replicas_[0].service.calls, 3);
}

TEST(ChannelArgumentsTest, RoundRobinAndKeepalive) {
  const grpc::ChannelArguments arguments = ServiceChannelArguments();
  grpc_channel_args raw;  // points into `arguments`
  arguments.SetChannelArgs(&raw);
  std::map<std::string, std::string> args;
  for (size_t i = 0; i < raw.num_args; ++i) {
    const grpc_arg& a = raw.args[i];
    args[a.key] = a.type == GRPC_ARG_STRING ? a.value.string : std::to_string(a.value.integer);
  }
  EXPECT_EQ(args[GRPC_ARG_SERVICE_CONFIG], R"({"loadBalancingConfig":[{"round_robin":{}}]})");
  EXPECT_EQ(args[GRPC_ARG_KEEPALIVE_TIME_MS], "30000");
  EXPECT_EQ(args[GRPC_ARG_KEEPALIVE_TIMEOUT_MS], "10000");
  EXPECT_EQ(args[GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS], "0");
  EXPECT_EQ(args[GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA], "0");
}

}  // namespace
}  // namespace kinerja::clients
