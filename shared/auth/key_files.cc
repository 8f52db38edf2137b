#include "shared/auth/key_files.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "shared/auth/key_loader.h"
#include "shared/log/log.h"
#include "shared/tls/file_watch.h"

namespace kinerja::auth {
namespace {

// How often a token with an unknown key id may make the files be looked at: a flood of forged
// key ids costs one stat() round a second at most.
constexpr absl::Duration kUnknownKidLookInterval = absl::Seconds(1);

// `path`, and for a directory the entries in it: a file added, removed, replaced or edited in
// place changes one of their stamps.
std::vector<std::string> WatchedPaths(const std::string& path) {
  std::vector<std::string> paths = {path};
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return paths;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    paths.push_back(entry.path().string());
  }
  return paths;
}

class KeyFiles final : public KeyProvider {
 public:
  KeyFiles(std::string path, absl::Duration interval, std::function<absl::Time()> now, KeySet keys)
      : path_(std::move(path)),
        interval_(interval),
        now_(std::move(now)),
        keys_(std::make_shared<const KeySet>(std::move(keys))) {
    absl::MutexLock lock(&mu_);
    NewWatch();
  }

  std::shared_ptr<const KeySet> Keys(bool unknown_kid) override {
    absl::MutexLock lock(&mu_);
    const absl::Time now = now_();
    const bool force = unknown_kid && now - last_forced_ >= kUnknownKidLookInterval;
    if (force) last_forced_ = now;
    if (watch_->Changed(force)) Reload();
    return keys_;
  }

 private:
  void NewWatch() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    watch_ = std::make_unique<tls::FileWatch>(WatchedPaths(path_), interval_, now_);
    watch_->Changed();  // the stamps the current keys go with
  }

  // Stamps first, then the load: a change during the load is seen at the next look.
  void Reload() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    NewWatch();
    absl::StatusOr<KeySet> keys = LoadKeys(path_);
    if (!keys.ok()) {
      log::Error("token keys not re-read; keeping the previous ones",
                 {{"path", path_}, {"error", keys.status().message()}});
      return;
    }
    log::Info("token keys re-read",
              {{"path", path_}, {"keys", static_cast<int64_t>(keys->size())}});
    keys_ = std::make_shared<const KeySet>(*std::move(keys));
  }

  const std::string path_;
  const absl::Duration interval_;
  const std::function<absl::Time()> now_;
  absl::Mutex mu_;
  std::shared_ptr<const KeySet> keys_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<tls::FileWatch> watch_ ABSL_GUARDED_BY(mu_);
  absl::Time last_forced_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace

absl::StatusOr<std::shared_ptr<KeyProvider>> WatchKeyFiles(std::string path,
                                                           absl::Duration interval,
                                                           std::function<absl::Time()> now) {
  absl::StatusOr<KeySet> keys = LoadKeys(path);
  if (!keys.ok()) return keys.status();
  return std::make_shared<KeyFiles>(std::move(path), interval, std::move(now), *std::move(keys));
}

}  // namespace kinerja::auth
