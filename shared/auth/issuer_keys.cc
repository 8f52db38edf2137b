#include "shared/auth/issuer_keys.h"

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "shared/auth/key_loader.h"
#include "shared/log/log.h"

namespace kinerja::auth {
namespace {

absl::StatusOr<KeySet> FetchKeySet(const JwksFetcher& fetch) {
  absl::StatusOr<std::string> document = fetch();
  if (!document.ok()) return document.status();
  absl::StatusOr<KeySet> keys = ParseJwks(*document);
  if (!keys.ok()) return keys.status();
  if (keys->empty()) return absl::InvalidArgumentError("the JWKS has no usable key");
  return keys;
}

class IssuerKeys final : public KeyProvider {
 public:
  IssuerKeys(JwksFetcher fetch, IssuerKeysOptions options, KeySet keys)
      : fetch_(std::move(fetch)),
        options_(std::move(options)),
        keys_(std::make_shared<const KeySet>(std::move(keys))) {
    absl::MutexLock lock(&mu_);
    last_attempt_ = options_.now();
    next_fetch_ = last_attempt_ + options_.refresh_interval;
  }

  std::shared_ptr<const KeySet> Keys(bool unknown_kid) override {
    {
      absl::MutexLock lock(&mu_);
      const absl::Time now = options_.now();
      const bool due = now >= next_fetch_ ||
                       (unknown_kid && now - last_attempt_ >= options_.unknown_kid_interval);
      if (!due || fetching_) return keys_;
      fetching_ = true;  // this call fetches; others keep using keys_ meanwhile
      last_attempt_ = now;
    }
    absl::StatusOr<KeySet> fetched = FetchKeySet(fetch_);
    absl::MutexLock lock(&mu_);
    fetching_ = false;
    const absl::Time now = options_.now();
    if (fetched.ok()) {
      keys_ = std::make_shared<const KeySet>(*std::move(fetched));
      next_fetch_ = now + options_.refresh_interval;
    } else {
      log::Error("token keys not fetched; keeping the previous ones",
                 {{"error", fetched.status().message()}});
      next_fetch_ = now + options_.unknown_kid_interval;
    }
    return keys_;
  }

 private:
  const JwksFetcher fetch_;
  const IssuerKeysOptions options_;
  absl::Mutex mu_;
  std::shared_ptr<const KeySet> keys_ ABSL_GUARDED_BY(mu_);
  bool fetching_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time last_attempt_ ABSL_GUARDED_BY(mu_);
  absl::Time next_fetch_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

absl::StatusOr<std::shared_ptr<KeyProvider>> FetchIssuerKeys(JwksFetcher fetch,
                                                             IssuerKeysOptions options) {
  absl::StatusOr<KeySet> keys = FetchKeySet(fetch);
  if (!keys.ok()) {
    return absl::UnavailableError(absl::StrCat("fetching the JWKS: ", keys.status().message()));
  }
  return std::make_shared<IssuerKeys>(std::move(fetch), std::move(options), *std::move(keys));
}

}  // namespace kinerja::auth
