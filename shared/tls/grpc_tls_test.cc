// Real gRPC servers and clients on loopback with the credentials of grpc_credentials.h: TLS
// served and checked, a renewed certificate served without a restart, client certificates
// required under mutual TLS. The service called answers every method with an empty message.
#include "shared/tls/grpc_credentials.h"

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/client_unary_call.h>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "shared/auth/test_keys.h"
#include "shared/tls/test_certs.h"

namespace kinerja::tls {
namespace {

using auth::testing::MakeTempDir;
using auth::testing::WriteFile;

// An empty message, which (unlike a default ByteBuffer) gRPC accepts to send.
grpc::ByteBuffer EmptyMessage() {
  grpc::Slice nothing("");
  return grpc::ByteBuffer(&nothing, 1);
}

class EmptyAnswers final : public grpc::CallbackGenericService {
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
    class Reactor final : public grpc::ServerGenericBidiReactor {
     public:
      Reactor() { StartWriteAndFinish(&answer_, grpc::WriteOptions(), grpc::Status::OK); }
      void OnDone() override { delete this; }

     private:
      grpc::ByteBuffer answer_ = EmptyMessage();
    };
    return new Reactor();
  }
};

class GrpcTlsTest : public ::testing::Test {
 protected:
  GrpcTlsTest() {
    testing::WritePair(ca_.Issue("server"), cert_, key_);
    WriteFile(ca_file_, ca_.cert_pem());
    WriteFile(other_ca_file_, other_ca_.cert_pem());
  }
  ~GrpcTlsTest() override {
    if (server_) server_->Shutdown();
  }

  void Serve(const std::string& client_ca_file = "") {
    grpc::ServerBuilder builder;
    builder.RegisterCallbackGenericService(&service_);
    builder.AddListeningPort("127.0.0.1:0",
                             GrpcServerCredentials({.cert_file = cert_,
                                                    .key_file = key_,
                                                    .client_ca_file = client_ca_file,
                                                    .reload_interval = absl::Seconds(1)}),
                             &port_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
  }

  // One call on a channel of its own: no connection is shared with an earlier check.
  grpc::Status Check(const ClientTls& client) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    auto channel = grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port_),
                                             GrpcChannelCredentials(client), args);
    grpc::internal::RpcMethod method("/test.Empty/Call", grpc::internal::RpcMethod::NORMAL_RPC);
    grpc::ByteBuffer request = EmptyMessage();
    grpc::ByteBuffer response;
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
        channel.get(), method, &ctx, request, &response);
  }

  // A client's certificate, issued by `ca`, in files of its own.
  ClientTls ClientWithCertificate(testing::TestCa& ca, const std::string& name) {
    ClientTls client{.ca_file = ca_file_,
                     .cert_file = dir_ + "/" + name + ".pem",
                     .key_file = dir_ + "/" + name + ".key"};
    testing::WritePair(ca.Issue(name), client.cert_file, client.key_file);
    return client;
  }

  std::string dir_ = MakeTempDir();
  std::string cert_ = dir_ + "/server.pem";
  std::string key_ = dir_ + "/server.key";
  std::string ca_file_ = dir_ + "/ca.pem";
  std::string other_ca_file_ = dir_ + "/other-ca.pem";
  testing::TestCa ca_{"test CA"};
  testing::TestCa other_ca_{"another CA"};
  EmptyAnswers service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

TEST_F(GrpcTlsTest, ServesTlsToClientsTrustingItsCa) {
  Serve();
  grpc::Status ok = Check({.ca_file = ca_file_});
  EXPECT_TRUE(ok.ok()) << ok.error_message();
}

TEST_F(GrpcTlsTest, RefusesCleartextAndClientsTrustingAnotherCa) {
  Serve();
  EXPECT_EQ(Check({.insecure = true}).error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(Check({.ca_file = other_ca_file_}).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(GrpcTlsTest, RenewedCertificateIsServedWithoutRestart) {
  Serve();
  const ClientTls trusting_new_ca{.ca_file = other_ca_file_};
  ASSERT_EQ(Check(trusting_new_ca).error_code(), grpc::StatusCode::UNAVAILABLE);
  // Renewed by another CA: only a client trusting that CA proves the new pair is served.
  testing::WritePair(other_ca_.Issue("server"), cert_, key_);
  // The server looks at its files every second; wait for it (bounded, then fail).
  grpc::Status status;
  for (int attempt = 0; attempt < 300; ++attempt) {
    status = Check(trusting_new_ca);
    if (status.ok()) break;
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(status.ok()) << "the renewed certificate was never served: "
                           << status.error_message();
  EXPECT_EQ(Check({.ca_file = ca_file_}).error_code(), grpc::StatusCode::UNAVAILABLE)
      << "the old certificate is still served";
}

TEST_F(GrpcTlsTest, MutualTlsServesClientsWithACertificateFromItsCa) {
  Serve(ca_file_);
  grpc::Status ok = Check(ClientWithCertificate(ca_, "goals"));
  EXPECT_TRUE(ok.ok()) << ok.error_message();
}

TEST_F(GrpcTlsTest, MutualTlsRefusesClientsWithoutACertificate) {
  Serve(ca_file_);
  EXPECT_EQ(Check({.ca_file = ca_file_}).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(GrpcTlsTest, MutualTlsRefusesCertificatesFromAnotherCa) {
  Serve(ca_file_);
  EXPECT_EQ(Check(ClientWithCertificate(other_ca_, "intruder")).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace kinerja::tls
