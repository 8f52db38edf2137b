#include "shared/tls/file_watch.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdio>

#include "gtest/gtest.h"
#include "shared/auth/test_keys.h"

namespace kinerja::tls {
namespace {

using auth::testing::MakeTempDir;
using auth::testing::WriteFile;

// Sets a file's modification time to `seconds` after the epoch, so that a change is seen
// whatever the file system's time granularity.
void SetMtime(const std::string& path, int64_t seconds) {
  struct timespec times[2] = {{.tv_sec = seconds, .tv_nsec = 0}, {.tv_sec = seconds, .tv_nsec = 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

class FileWatchTest : public ::testing::Test {
 protected:
  std::string dir_ = MakeTempDir();
  std::string path_ = dir_ + "/cert.pem";
  absl::Time now_ = absl::FromUnixSeconds(1000);
  FileWatch watch_{{path_}, absl::Seconds(10), [this] { return now_; }};
};

TEST_F(FileWatchTest, FirstLookReportsAChange) { EXPECT_TRUE(watch_.Changed()); }

TEST_F(FileWatchTest, UnchangedFileIsNotReportedAgain) {
  WriteFile(path_, "one");
  ASSERT_TRUE(watch_.Changed());
  now_ += absl::Seconds(11);
  EXPECT_FALSE(watch_.Changed());
}

TEST_F(FileWatchTest, EditIsSeenAtTheNextLookNotBefore) {
  WriteFile(path_, "one");
  SetMtime(path_, 100);
  ASSERT_TRUE(watch_.Changed());
  WriteFile(path_, "two");
  SetMtime(path_, 200);
  now_ += absl::Seconds(5);
  EXPECT_FALSE(watch_.Changed()) << "looked before the interval passed";
  now_ += absl::Seconds(5);
  EXPECT_TRUE(watch_.Changed());
  EXPECT_FALSE(watch_.Changed(/*force=*/true)) << "reported once";
}

TEST_F(FileWatchTest, ForcedLookSeesAnEditWithinTheInterval) {
  WriteFile(path_, "one");
  SetMtime(path_, 100);
  ASSERT_TRUE(watch_.Changed());
  WriteFile(path_, "one");
  SetMtime(path_, 300);
  EXPECT_TRUE(watch_.Changed(/*force=*/true));
}

TEST_F(FileWatchTest, ReplacementByRenameIsSeenWithTheSameSizeAndTime) {
  WriteFile(path_, "one");
  SetMtime(path_, 100);
  ASSERT_TRUE(watch_.Changed());
  const std::string other = dir_ + "/cert.pem.new";
  WriteFile(other, "two");
  SetMtime(other, 100);
  ASSERT_EQ(std::rename(other.c_str(), path_.c_str()), 0);
  now_ += absl::Seconds(10);
  EXPECT_TRUE(watch_.Changed()) << "a new inode";
}

TEST_F(FileWatchTest, FileAppearingOrVanishingIsAChange) {
  ASSERT_TRUE(watch_.Changed());
  WriteFile(path_, "one");
  now_ += absl::Seconds(10);
  EXPECT_TRUE(watch_.Changed());
  ASSERT_EQ(std::remove(path_.c_str()), 0);
  now_ += absl::Seconds(10);
  EXPECT_TRUE(watch_.Changed());
}

TEST(FileStampTest, MissingFileDoesNotExist) {
  EXPECT_FALSE(StampOf(MakeTempDir() + "/absent").exists);
}

}  // namespace
}  // namespace kinerja::tls
