#include "shared/tls/tls_settings.h"

#include "absl/strings/str_cat.h"
#include "shared/tls/pem_files.h"

namespace kinerja::tls {
namespace {

using config::Option;
using config::OptionType;

Option FileOption(std::string name, std::string env, std::string help) {
  return {.name = std::move(name), .env = std::move(env), .help = std::move(help)};
}

// An operator's error for the pair of options `cert_label`/`key_label`, or OK when both are
// empty or both load.
absl::Status CheckPair(const std::string& cert, const std::string& key,
                       const std::string& cert_label, const std::string& key_label) {
  if (cert.empty() && key.empty()) return absl::OkStatus();
  if (cert.empty() || key.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(cert_label, " and ", key_label, " go together: set both or neither"));
  }
  if (absl::StatusOr<KeyPair> pair = LoadKeyPair(cert, key); !pair.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(cert_label, ", ", key_label, ": ", pair.status().message()));
  }
  return absl::OkStatus();
}

absl::Status CheckCa(const std::string& path, const std::string& label) {
  if (path.empty()) return absl::OkStatus();
  if (absl::Status s = CheckCaFile(path); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(label, ": ", s.message()));
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<Option> TlsOptions() {
  return {
      {.name = "insecure",
       .env = "INSECURE",
       .help = "serve gRPC and HTTP in cleartext and call other services in cleartext, "
               "deliberately (bearer tokens travel unencrypted: a loopback development stack "
               "only); without it the TLS files below are required",
       .type = OptionType::kBool,
       .default_value = "false"},
      FileOption("tls-cert", "TLS_CERT",
                 "PEM certificate (chain) of the gRPC and HTTP ports; re-read when it changes"),
      FileOption("tls-key", "TLS_KEY", "PEM private key of --tls-cert; re-read when it changes"),
      FileOption("tls-client-ca", "TLS_CLIENT_CA",
                 "PEM CA bundle: when set, gRPC clients must present a certificate it signed "
                 "(mutual TLS between services); the HTTP ports do not ask for one"),
      FileOption("tls-ca", "TLS_CA",
                 "PEM CA bundle that other services' certificates are checked against when "
                 "this service calls them (default: the system's CAs)"),
      FileOption("tls-client-cert", "TLS_CLIENT_CERT",
                 "PEM certificate this service presents when it calls another (mutual TLS)"),
      FileOption("tls-client-key", "TLS_CLIENT_KEY", "PEM private key of --tls-client-cert"),
      {.name = "tls-reload-interval",
       .env = "TLS_RELOAD_INTERVAL",
       .help = "how often certificate and key files are checked for a change (a renewed "
               "certificate is served without a restart)",
       .type = OptionType::kDuration,
       .default_value = "30s"},
  };
}

ServerTls ServerTlsFrom(const config::Config& config) {
  return {.insecure = config.GetBool("insecure"),
          .cert_file = config.GetString("tls-cert"),
          .key_file = config.GetString("tls-key"),
          .client_ca_file = config.GetString("tls-client-ca"),
          .reload_interval = config.GetDuration("tls-reload-interval")};
}

ClientTls ClientTlsFrom(const config::Config& config) {
  return {.insecure = config.GetBool("insecure"),
          .ca_file = config.GetString("tls-ca"),
          .cert_file = config.GetString("tls-client-cert"),
          .key_file = config.GetString("tls-client-key"),
          .reload_interval = config.GetDuration("tls-reload-interval")};
}

absl::Status Validate(const ServerTls& server, const ClientTls& client) {
  const bool any_file = !server.cert_file.empty() || !server.key_file.empty() ||
                        !server.client_ca_file.empty() || !client.ca_file.empty() ||
                        !client.cert_file.empty() || !client.key_file.empty();
  if (server.insecure) {
    if (!any_file) return absl::OkStatus();
    return absl::InvalidArgumentError(
        "--insecure (INSECURE) turns TLS off, yet TLS files are set (--tls-*): choose one");
  }
  if (server.cert_file.empty() && server.key_file.empty()) {
    return absl::InvalidArgumentError(
        "refusing to serve in cleartext: set --tls-cert (TLS_CERT) and --tls-key (TLS_KEY), "
        "or --insecure (INSECURE) to serve cleartext deliberately");
  }
  if (server.reload_interval < absl::Seconds(1)) {
    return absl::InvalidArgumentError("--tls-reload-interval (TLS_RELOAD_INTERVAL): at least 1s");
  }
  for (absl::Status s : {
           CheckPair(server.cert_file, server.key_file, "--tls-cert (TLS_CERT)",
                     "--tls-key (TLS_KEY)"),
           CheckCa(server.client_ca_file, "--tls-client-ca (TLS_CLIENT_CA)"),
           CheckCa(client.ca_file, "--tls-ca (TLS_CA)"),
           CheckPair(client.cert_file, client.key_file, "--tls-client-cert (TLS_CLIENT_CERT)",
                     "--tls-client-key (TLS_CLIENT_KEY)"),
       }) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace kinerja::tls
