// The employee service running in-process for service tests: a throwaway PostgreSQL database,
// the real ServiceHost (listening on 127.0.0.1:0), a real gRPC channel and stub, and tokens
// signed by a test issuer whose JWKS the server loads. Started once per test binary.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "shared/server/service_host.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::employee::testing {

namespace v1 = ::kinerja::employee::v1;

class ServiceEnv {
 public:
  // Starts the server on first use; aborts the binary if it cannot.
  static ServiceEnv& Get();
  // Stops the server (registered as a gtest environment's TearDown).
  static void Stop();

  v1::EmployeeService::Stub& stub() { return *stub_; }
  const std::shared_ptr<grpc::Channel>& channel() { return channel_; }
  server::ServiceHost& host() { return *host_; }

  // The database the service runs in (other services' test fixtures provision beside it), the
  // JWKS file its verifier loads, and the issuer and audience of Token()s.
  const std::string& database() const { return database_; }
  const std::string& jwks_path() const { return jwks_path_; }
  static const char* Issuer();
  static const char* Audience();
  // The issuer of Token()s, for other services' fixtures that start beside this one.
  const ::kinerja::testing::TestIssuer& issuer() const;

  // A token for these roles ("hr_admin", "employee", "auditor", "service", ...).
  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::string& agency_id = "", const std::string& nip = "") const;

 private:
  ServiceEnv() = default;
  void Start();

  struct Parts;
  std::unique_ptr<Parts> parts_;
  std::string database_;
  std::string jwks_path_;
  server::ServiceHost* host_ = nullptr;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::EmployeeService::Stub> stub_;
};

// Convenience tokens.
std::string HrAdminToken(const std::string& agency_id);
std::string EmployeeToken(const std::string& nip, const std::string& agency_id);
std::string AuditorToken();
std::string ServiceToken();

// A client context with "authorization: Bearer <token>" (none when empty) and a deadline.
std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token);

// Details of a failed call (grpc-status-details-bin).
google::rpc::BadRequest BadRequestOf(const grpc::Status& status);
std::string ReasonOf(const grpc::Status& status);
// "CODE: message", for assertion messages.
std::string Describe(const grpc::Status& status);

// Unique ids for test data: "<prefix>-<n>".
std::string UniqueId(const std::string& prefix);
// A valid NIP (born 1986-09-26 + n days, appointed 2015-05, serial from n) for sex 1 or 2.
std::string ValidNip(int sex = 1);

}  // namespace kinerja::employee::testing
