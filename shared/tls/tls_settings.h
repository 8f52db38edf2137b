// How a service protects its ports and its calls to other services: the options every service
// takes, what they mean, and the checks that refuse a configuration before anything listens.
//
//   --tls-cert / TLS_CERT, --tls-key / TLS_KEY   this service's certificate (chain) and key, for
//                                                its gRPC port and its HTTP ports; re-read when
//                                                they change (checked every --tls-reload-interval)
//   --tls-client-ca / TLS_CLIENT_CA              set: gRPC clients must present a certificate
//                                                signed by a CA in this file (mutual TLS)
//   --tls-ca / TLS_CA                            CA bundle that other services' certificates are
//                                                checked against (default: the system's)
//   --tls-client-cert / --tls-client-key         the certificate this service presents when it
//   (TLS_CLIENT_CERT, TLS_CLIENT_KEY)            calls another (for a peer that requires mTLS)
//   --insecure / INSECURE                        cleartext everywhere, deliberately (a loopback
//                                                development stack); excludes every TLS option
// Without TLS files and without --insecure a service refuses to start.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/config/config.h"
#include "shared/config/spec.h"

namespace kinerja::tls {

// This service's listening side.
struct ServerTls {
  bool insecure = false;
  std::string cert_file = {};
  std::string key_file = {};
  std::string client_ca_file = {};  // set: client certificates are required and verified
  absl::Duration reload_interval = absl::Seconds(30);
};

// This service's calls to other services.
struct ClientTls {
  bool insecure = false;
  std::string ca_file = {};  // empty: the system's roots
  std::string cert_file = {};
  std::string key_file = {};
  absl::Duration reload_interval = absl::Seconds(30);
};

// The options above, for ServiceHost::Spec.
std::vector<config::Option> TlsOptions();

// Read from a Config parsed with TlsOptions(), without checks (Validate does them).
ServerTls ServerTlsFrom(const config::Config& config);
ClientTls ClientTlsFrom(const config::Config& config);

// Fails, naming the options, when TLS is neither configured nor refused with --insecure, when
// --insecure comes with TLS files, when a certificate comes without its key (or the other way
// round), when a file cannot be read or parsed, or when a key is not its certificate's.
absl::Status Validate(const ServerTls& server, const ClientTls& client);

}  // namespace kinerja::tls
