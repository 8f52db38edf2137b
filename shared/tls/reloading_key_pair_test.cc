#include "shared/tls/reloading_key_pair.h"

#include "gtest/gtest.h"
#include "shared/auth/test_keys.h"
#include "shared/tls/test_certs.h"

namespace kinerja::tls {
namespace {

using auth::testing::MakeTempDir;
using auth::testing::WriteFile;

// Whether `pair` holds the certificate of `pem`.
bool Holds(const KeyPair& pair, const testing::PemPair& pem, const std::string& dir) {
  const std::string cert = dir + "/expected.pem";
  const std::string key = dir + "/expected.key";
  testing::WritePair(pem, cert, key);
  absl::StatusOr<KeyPair> expected = LoadKeyPair(cert, key);
  return expected.ok() && X509_cmp(pair.chain.front().get(), expected->chain.front().get()) == 0;
}

class ReloadingKeyPairTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WritePair(first_, cert_, key_);
    auto pair = ReloadingKeyPair::Create(cert_, key_, absl::Seconds(30), [this] { return now_; });
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = *std::move(pair);
  }

  std::string dir_ = MakeTempDir();
  std::string cert_ = dir_ + "/server.pem";
  std::string key_ = dir_ + "/server.key";
  testing::TestCa ca_{"test CA"};
  testing::PemPair first_ = ca_.Issue("first");
  testing::PemPair second_ = ca_.Issue("second");
  absl::Time now_ = absl::FromUnixSeconds(1000);
  std::unique_ptr<ReloadingKeyPair> pair_;
};

TEST_F(ReloadingKeyPairTest, BrokenPairIsRefusedAtCreation) {
  testing::WriteByRename(key_, second_.key);
  auto pair = ReloadingKeyPair::Create(cert_, key_, absl::Seconds(30));
  EXPECT_EQ(pair.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ReloadingKeyPairTest, RenewedPairIsServedAfterTheInterval) {
  ASSERT_TRUE(Holds(*pair_->Current(), first_, dir_));
  testing::WritePair(second_, cert_, key_);
  EXPECT_TRUE(Holds(*pair_->Current(), first_, dir_)) << "looked before the interval";
  now_ += absl::Seconds(30);
  EXPECT_TRUE(Holds(*pair_->Current(), second_, dir_));
}

TEST_F(ReloadingKeyPairTest, HalfWrittenRenewalKeepsThePreviousPair) {
  // The key of the new pair written, its certificate not yet: a pair that does not match.
  testing::WriteByRename(key_, second_.key);
  now_ += absl::Seconds(30);
  EXPECT_TRUE(Holds(*pair_->Current(), first_, dir_));
  // The certificate follows: the new pair is taken at the next look.
  testing::WriteByRename(cert_, second_.cert);
  now_ += absl::Seconds(30);
  EXPECT_TRUE(Holds(*pair_->Current(), second_, dir_));
}

}  // namespace
}  // namespace kinerja::tls
