#include "shared/tls/file_watch.h"

#include <sys/stat.h>

namespace kinerja::tls {

FileStamp StampOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return FileStamp{};
  return FileStamp{
      .exists = true,
      .mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
      .size = static_cast<int64_t>(st.st_size),
      .inode = st.st_ino};
}

FileWatch::FileWatch(std::vector<std::string> paths, absl::Duration interval,
                     std::function<absl::Time()> now)
    : paths_(std::move(paths)), interval_(interval), now_(std::move(now)) {}

bool FileWatch::Changed(bool force) {
  absl::MutexLock lock(&mu_);
  const absl::Time now = now_();
  if (seen_ && !force && now - last_look_ < interval_) return false;
  last_look_ = now;
  std::vector<FileStamp> stamps;
  stamps.reserve(paths_.size());
  for (const std::string& path : paths_) stamps.push_back(StampOf(path));
  if (seen_ && stamps == stamps_) return false;
  seen_ = true;
  stamps_ = std::move(stamps);
  return true;
}

}  // namespace kinerja::tls
