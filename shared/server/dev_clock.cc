#include "shared/server/dev_clock.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"

namespace kinerja::server {
namespace {

// Read at every call: a few microseconds, only in a simulation, and never stale (a file stamp
// could be: modification times are as coarse as the kernel tick, and inodes are reused).
class OffsetFile {
 public:
  explicit OffsetFile(std::string path) : path_(std::move(path)) {}

  absl::Duration Offset() {
    std::ifstream in(path_);
    std::stringstream text;
    if (in) text << in.rdbuf();
    absl::MutexLock lock(&mu_);
    int64_t seconds = 0;
    if (!in) {
      offset_ = absl::ZeroDuration();
    } else if (absl::SimpleAtoi(absl::StripAsciiWhitespace(text.str()), &seconds)) {
      offset_ = absl::Seconds(seconds);
    }
    return offset_;
  }

 private:
  const std::string path_;
  absl::Mutex mu_;
  absl::Duration offset_ ABSL_GUARDED_BY(mu_) = absl::ZeroDuration();
};

}  // namespace

std::function<absl::Time()> OffsetClockFromFile(std::string path,
                                                std::function<absl::Time()> real) {
  auto file = std::make_shared<OffsetFile>(std::move(path));
  return [file, real = std::move(real)] { return real() + file->Offset(); };
}

std::function<absl::Time()> ServiceClock() {
  const char* path = std::getenv("DEV_CLOCK_OFFSET_FILE");
  if (path == nullptr || *path == '\0') return [] { return absl::Now(); };
  std::fprintf(stderr,
               "dev clock: this service's days follow the offset in %s (a simulation, never "
               "production)\n",
               path);
  return OffsetClockFromFile(path);
}

}  // namespace kinerja::server
