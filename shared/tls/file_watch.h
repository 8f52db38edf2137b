// Notices when files change, for configuration re-read without a restart (certificates, keys,
// JWKS). A file's stamp is what stat() says of it: modification time, size and inode, so an edit
// in place and a replacement by rename (how Kubernetes updates a mounted secret, and how
// tools/stack renews a certificate) are both seen. Files are looked at no more often than the
// interval (each look is a few stat() calls on a hot path such as a TLS handshake); a caller
// that has reason to look now (a token names a key it does not know) asks with force.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kinerja::tls {

// What stat() says of one file; a missing file has exists == false.
struct FileStamp {
  bool exists = false;
  int64_t mtime_ns = 0;
  int64_t size = 0;
  ino_t inode = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

FileStamp StampOf(const std::string& path);

class FileWatch {
 public:
  // `now` is for tests (fake time); by default absl::Now.
  FileWatch(std::vector<std::string> paths, absl::Duration interval,
            std::function<absl::Time()> now = absl::Now);

  // True when the files' stamps differ from those of the last call that returned true (the
  // first call returns true). Between looks (less than the interval since the last one) it
  // returns false without looking, unless `force`. Thread-safe.
  bool Changed(bool force = false);

  const std::vector<std::string>& paths() const { return paths_; }

 private:
  const std::vector<std::string> paths_;
  const absl::Duration interval_;
  const std::function<absl::Time()> now_;
  absl::Mutex mu_;
  bool seen_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time last_look_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  std::vector<FileStamp> stamps_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kinerja::tls
