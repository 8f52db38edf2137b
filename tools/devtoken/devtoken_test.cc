#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/auth/jwt_verifier.h"
#include "shared/auth/key_loader.h"
#include "tools/devtoken/flags.h"
#include "tools/devtoken/keygen_command.h"
#include "tools/devtoken/mint_command.h"

namespace kinerja::devtoken {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

std::string FreshDir() {
  static std::atomic<int> counter{0};
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                              ("kinerja_devtoken_" + std::to_string(::getpid()) + "_" +
                               std::to_string(counter.fetch_add(1)));
  std::filesystem::remove_all(dir);
  return dir.string();  // not created: keygen must create it
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(FlagsTest, AcceptsBothSpellingsAndNamesBadFlags) {
  FlagSpec spec{.value_flags = {"dir", "sub"}, .bool_flags = {"force"}};
  absl::StatusOr<Flags> flags = Flags::Parse({"--dir", "/tmp/x", "--sub=u-1", "--force"}, spec);
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_EQ(flags->Get("dir"), "/tmp/x");
  EXPECT_EQ(flags->Get("sub"), "u-1");
  EXPECT_TRUE(flags->Has("force"));
  EXPECT_FALSE(flags->Get("missing").has_value());

  EXPECT_EQ(Message(Flags::Parse({"--bogus", "1"}, spec).status()), "unknown flag --bogus");
  EXPECT_EQ(Message(Flags::Parse({"--dir"}, spec).status()), "--dir needs a value");
  EXPECT_EQ(Message(Flags::Parse({"--dir", "--force"}, spec).status()), "--dir needs a value");
  EXPECT_EQ(Message(Flags::Parse({"--force=yes"}, spec).status()), "--force takes no value");
  EXPECT_EQ(Message(Flags::Parse({"--dir=a", "--dir=b"}, spec).status()),
            "--dir given more than once");
  EXPECT_THAT(Message(Flags::Parse({"stray"}, spec).status()), HasSubstr("stray"));
  absl::StatusOr<Flags> empty = Flags::Parse({"--dir="}, spec);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(Message(empty->Required("dir").status()), "--dir must not be empty");
  EXPECT_EQ(Message(empty->Required("sub").status()), "missing required flag --sub");
}

TEST(ParseMintFlagsTest, NamesTheBadFlag) {
  std::vector<std::string> base = {"--dir", "d", "--issuer", "i", "--audience", "a", "--sub", "s"};
  absl::StatusOr<MintOptions> ok = ParseMintFlags(base);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->claims.ttl, absl::Hours(1));

  std::vector<std::string> bad_role = base;
  bad_role.insert(bad_role.end(), {"--roles", "hr_admin,boss"});
  EXPECT_THAT(Message(ParseMintFlags(bad_role).status()), HasSubstr("--roles"));
  std::vector<std::string> bad_ttl = base;
  bad_ttl.insert(bad_ttl.end(), {"--ttl-seconds", "ten"});
  EXPECT_THAT(Message(ParseMintFlags(bad_ttl).status()), HasSubstr("--ttl-seconds"));
  bad_ttl.back() = "0";
  EXPECT_THAT(Message(ParseMintFlags(bad_ttl).status()), HasSubstr("--ttl-seconds"));
  EXPECT_EQ(Message(ParseMintFlags({"--dir", "d", "--issuer", "i", "--sub", "s"}).status()),
            "missing required flag --audience");
  EXPECT_EQ(Message(ParseKeygenFlags({"--dir", "d", "--alg", "HS256"}).status()),
            "--alg must be ES256 or RS256");
  EXPECT_EQ(Message(ParseKeygenFlags({}).status()), "missing required flag --dir");
}

class KeygenAndMintTest : public ::testing::TestWithParam<const char*> {};

TEST_P(KeygenAndMintTest, MintedTokenVerifiesAgainstWrittenJwks) {
  std::string dir = FreshDir();
  absl::StatusOr<KeygenOptions> keygen = ParseKeygenFlags({"--dir", dir, "--alg", GetParam()});
  ASSERT_TRUE(keygen.ok()) << keygen.status();
  ASSERT_TRUE(RunKeygen(*keygen).ok());

  struct stat key_stat {};
  ASSERT_EQ(::stat((dir + "/issuer-key.pem").c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
  EXPECT_THAT(ReadFile(dir + "/jwks.json"), HasSubstr("\"dev-1\""));
  EXPECT_THAT(ReadFile(dir + "/jwks.json"), Not(HasSubstr("\"d\"")));

  absl::StatusOr<MintOptions> mint = ParseMintFlags(
      {"--dir", dir, "--issuer", "http://localhost/dev", "--audience", "kinerja", "--sub", "emp-1",
       "--roles", "employee,hr_admin", "--agency", "ag-1", "--nip", "1980", "--ttl-seconds=60"});
  ASSERT_TRUE(mint.ok()) << mint.status();
  absl::Time now = absl::FromUnixSeconds(1'700'000'000);
  absl::StatusOr<std::string> token = RunMint(*mint, now);
  ASSERT_TRUE(token.ok()) << token.status();

  absl::StatusOr<auth::KeySet> keys = auth::LoadKeys(dir);  // private key skipped
  ASSERT_TRUE(keys.ok()) << keys.status();
  auth::JwtVerifier::Options options{
      .issuer = "http://localhost/dev", .audience = "kinerja", .now = [&now] { return now; }};
  auto verifier = auth::JwtVerifier::Create(std::move(options), *std::move(keys));
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  absl::StatusOr<auth::Principal> principal = (*verifier)->Verify(*token);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "emp-1");
  EXPECT_THAT(principal->roles, ElementsAre(auth::Role::kEmployee, auth::Role::kHrAdmin));
  EXPECT_EQ(principal->agency_id, "ag-1");
  EXPECT_EQ(principal->nip, "1980");
  now += absl::Seconds(60 + 30);  // ttl + default leeway
  EXPECT_EQ(Message((*verifier)->Verify(*token).status()), "token expired");
}

INSTANTIATE_TEST_SUITE_P(Algorithms, KeygenAndMintTest, ::testing::Values("ES256", "RS256"));

TEST(KeygenTest, KeepsExistingKeysUnlessForced) {
  std::string dir = FreshDir();
  ASSERT_TRUE(RunKeygen({.dir = dir}).ok());
  std::string first = ReadFile(dir + "/issuer-key.pem");
  absl::Status again = RunKeygen({.dir = dir});
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(Message(again), HasSubstr("--force"));
  EXPECT_EQ(ReadFile(dir + "/issuer-key.pem"), first);
  ASSERT_TRUE(RunKeygen({.dir = dir, .force = true}).ok());
  EXPECT_NE(ReadFile(dir + "/issuer-key.pem"), first);
  // No temporary files left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()),
            2);
}

TEST(MintTest, MissingKeyExplainsWhatToRun) {
  absl::StatusOr<MintOptions> mint =
      ParseMintFlags({"--dir", FreshDir(), "--issuer", "i", "--audience", "a", "--sub", "s"});
  ASSERT_TRUE(mint.ok());
  EXPECT_THAT(Message(RunMint(*mint, absl::Now()).status()), HasSubstr("keygen"));
}

}  // namespace
}  // namespace kinerja::devtoken
