#include "shared/server/dev_clock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace kinerja::server {
namespace {

namespace fs = std::filesystem;

// Writes `text` by renaming a new file over `path`, as the simulation does.
void WriteByRename(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  std::ofstream(tmp) << text;
  fs::rename(tmp, path);
}

class DevClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dev-clock-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  const absl::Time real_ = absl::FromUnixSeconds(1'780'000'000);
  std::function<absl::Time()> Clock() {
    return OffsetClockFromFile((dir_ / "offset").string(), [this] { return real_; });
  }
  fs::path dir_;
};

TEST_F(DevClockTest, MissingFileIsTheRealTime) { EXPECT_EQ(Clock()(), real_); }

TEST_F(DevClockTest, FollowsTheFileAsItChanges) {
  auto clock = Clock();
  WriteByRename(dir_ / "offset", "86400\n");
  EXPECT_EQ(clock(), real_ + absl::Hours(24));
  WriteByRename(dir_ / "offset", "-3600");
  EXPECT_EQ(clock(), real_ - absl::Hours(1));
}

TEST_F(DevClockTest, BadNumberKeepsTheLastGoodOffset) {
  auto clock = Clock();
  WriteByRename(dir_ / "offset", "60");
  EXPECT_EQ(clock(), real_ + absl::Seconds(60));
  WriteByRename(dir_ / "offset", "tomorrow");
  EXPECT_EQ(clock(), real_ + absl::Seconds(60));
  fs::remove(dir_ / "offset");
  EXPECT_EQ(clock(), real_);
}

}  // namespace
}  // namespace kinerja::server
