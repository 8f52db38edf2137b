#include "shared/tls/reloading_key_pair.h"

#include "shared/log/log.h"

namespace kinerja::tls {
namespace {

// SSL_CTX_set_cert_cb's callback: 1 when the connection has its certificate, 0 to fail it.
int UseCurrentPair(SSL* ssl, void* arg) {
  std::shared_ptr<const KeyPair> pair = static_cast<ReloadingKeyPair*>(arg)->Current();
  STACK_OF(X509)* chain = sk_X509_new_null();
  if (chain == nullptr) return 0;
  for (size_t i = 1; i < pair->chain.size(); ++i) sk_X509_push(chain, pair->chain[i].get());
  // Takes its own references to the certificates and key.
  const int ok = SSL_use_cert_and_key(ssl, pair->chain.front().get(), pair->key.get(), chain,
                                      /*override=*/1);
  sk_X509_free(chain);
  return ok == 1 ? 1 : 0;
}

}  // namespace

ReloadingKeyPair::ReloadingKeyPair(std::string cert_file, std::string key_file,
                                   absl::Duration reload_interval, std::function<absl::Time()> now)
    : cert_file_(std::move(cert_file)),
      key_file_(std::move(key_file)),
      watch_({cert_file_, key_file_}, reload_interval, std::move(now)) {}

absl::StatusOr<std::unique_ptr<ReloadingKeyPair>> ReloadingKeyPair::Create(
    std::string cert_file, std::string key_file, absl::Duration reload_interval,
    std::function<absl::Time()> now) {
  std::unique_ptr<ReloadingKeyPair> pair(new ReloadingKeyPair(
      std::move(cert_file), std::move(key_file), reload_interval, std::move(now)));
  pair->watch_.Changed();  // the stamps the first load goes with
  absl::StatusOr<KeyPair> loaded = LoadKeyPair(pair->cert_file_, pair->key_file_);
  if (!loaded.ok()) return loaded.status();
  absl::MutexLock lock(&pair->mu_);
  pair->current_ = std::make_shared<const KeyPair>(*std::move(loaded));
  return pair;
}

std::shared_ptr<const KeyPair> ReloadingKeyPair::Current() {
  if (watch_.Changed()) {
    absl::StatusOr<KeyPair> loaded = LoadKeyPair(cert_file_, key_file_);
    if (loaded.ok()) {
      auto pair = std::make_shared<const KeyPair>(*std::move(loaded));
      absl::MutexLock lock(&mu_);
      current_ = std::move(pair);
      log::Info("TLS certificate re-read", {{"cert", cert_file_}});
    } else {
      log::Error("TLS certificate not re-read; serving the previous one",
                 {{"error", loaded.status().message()}});
    }
  }
  absl::MutexLock lock(&mu_);
  return current_;
}

void ReloadingKeyPair::InstallOn(SSL_CTX* ctx) { SSL_CTX_set_cert_cb(ctx, UseCurrentPair, this); }

}  // namespace kinerja::tls
