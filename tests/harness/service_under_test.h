// Any Kinerja service started in-process for service tests, from the same definition its
// main.cc runs (shared/server/service_main.h): its own schema and role in a throwaway PostgreSQL
// database, gRPC and metrics on free loopback ports, and tokens from a test issuer whose JWKS the
// service loads. A service's fixture adds only what is its own (its stub, its test clock).
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "shared/auth/jwt_signer.h"
#include "shared/server/service_main.h"

namespace kinerja::testing {

// One signing key for the test binary, its public JWKS in a temp file, and tokens it signs.
class TestIssuer {
 public:
  TestIssuer();
  static const char* Issuer();
  static const char* Audience();
  const std::string& jwks_path() const { return jwks_path_; }
  // A token for these roles ("hr_admin", "employee", "auditor", "service", ...); a sole
  // "service" role also names the service (claim svc) after the subject.
  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::string& agency_id = "", const std::string& nip = "") const;

 private:
  auth::JwtSigner signer_;
  std::string jwks_path_;
};

// Starts `definition` with its schema and role (named after settings.name) provisioned in
// `database` of the test cluster, then `extra_args` (the service's own options). Aborts the test
// binary with the reason when it cannot start.
std::unique_ptr<server::RunningService> StartInProcess(const server::ServiceDefinition& definition,
                                                       const std::string& database,
                                                       const TestIssuer& issuer,
                                                       const std::vector<std::string>& extra_args);

// A channel to the running service's gRPC port.
std::shared_ptr<grpc::Channel> ChannelTo(server::RunningService& service);

}  // namespace kinerja::testing
