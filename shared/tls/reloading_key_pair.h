// A certificate and key for OpenSSL servers of our own (the HTTP ports), re-read when their
// files change: each TLS handshake asks for the current pair (SSL_CTX_set_cert_cb), and the
// files are looked at no more than once per reload interval (file_watch.h). A pair that does not
// load (half written, key not matching) is logged and the previous pair kept, so a renewal
// done in two steps never breaks the port.
#pragma once

#include <openssl/ssl.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/tls/file_watch.h"
#include "shared/tls/pem_files.h"

namespace kinerja::tls {

class ReloadingKeyPair {
 public:
  // Fails when the pair does not load now.
  static absl::StatusOr<std::unique_ptr<ReloadingKeyPair>> Create(
      std::string cert_file, std::string key_file, absl::Duration reload_interval,
      std::function<absl::Time()> now = absl::Now);

  // The pair to present, re-read first when the files changed. Thread-safe.
  std::shared_ptr<const KeyPair> Current();

  // Makes `ctx` present Current() on every handshake. This object must outlive `ctx`.
  void InstallOn(SSL_CTX* ctx);

 private:
  ReloadingKeyPair(std::string cert_file, std::string key_file, absl::Duration reload_interval,
                   std::function<absl::Time()> now);

  const std::string cert_file_;
  const std::string key_file_;
  FileWatch watch_;
  absl::Mutex mu_;
  std::shared_ptr<const KeyPair> current_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::tls
