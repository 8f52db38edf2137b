#include "shared/config/config.h"

#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Spec ServerSpec() {
  return Spec{"employee-server",
              "Employee service.",
              {
                  {.name = "grpc-addr",
                   .env = "GRPC_ADDR",
                   .help = "gRPC listen address.",
                   .type = OptionType::kAddress,
                   .default_value = "0.0.0.0:50051"},
                  {.name = "pg-dsn",
                   .env = "PG_DSN",
                   .help = "PostgreSQL DSN.",
                   .required = true,
                   .secret = true},
                  {.name = "db-pool-size",
                   .env = "DB_POOL_SIZE",
                   .help = "Connections.",
                   .type = OptionType::kInt,
                   .default_value = "8",
                   .min = 1,
                   .max = 256},
                  {.name = "rpc-timeout",
                   .env = "RPC_TIMEOUT",
                   .help = "Deadline.",
                   .type = OptionType::kDuration,
                   .default_value = "5s"},
                  {.name = "reflection", .help = "Serve reflection.", .type = OptionType::kBool},
                  {.name = "jwks-url", .env = "JWKS_URL", .help = "Keys."},
              }};
}

// Runs Parse over a command line given as strings and a fake environment.
absl::StatusOr<Config> ParseArgs(std::vector<std::string> args,
                                 std::map<std::string, std::string> env = {}) {
  std::vector<const char*> argv = {"employee-server"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  EnvLookup lookup = [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  return Parse(ServerSpec(), static_cast<int>(argv.size()), argv.data(), lookup);
}

TEST(ConfigTest, DefaultsApply) {
  absl::StatusOr<Config> cfg = ParseArgs({"--pg-dsn=host=db"});
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  EXPECT_EQ(cfg->GetAddress("grpc-addr"), (Address{"0.0.0.0", 50051}));
  EXPECT_EQ(cfg->GetInt("db-pool-size"), 8);
  EXPECT_EQ(cfg->GetDuration("rpc-timeout"), absl::Seconds(5));
  EXPECT_FALSE(cfg->GetBool("reflection"));
  EXPECT_FALSE(cfg->Has("jwks-url"));
  EXPECT_EQ(cfg->GetString("jwks-url"), "");
  EXPECT_EQ(cfg->SourceOf("db-pool-size"), Source::kDefault);
  EXPECT_FALSE(cfg->help_requested());
}

TEST(ConfigTest, FlagOverridesEnvOverridesDefault) {
  absl::StatusOr<Config> cfg =
      ParseArgs({"--db-pool-size", "32", "--reflection"},
                {{"PG_DSN", "host=env"}, {"DB_POOL_SIZE", "16"}, {"RPC_TIMEOUT", "250ms"}});
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  EXPECT_EQ(cfg->GetInt("db-pool-size"), 32);
  EXPECT_EQ(cfg->SourceOf("db-pool-size"), Source::kFlag);
  EXPECT_EQ(cfg->GetString("pg-dsn"), "host=env");
  EXPECT_EQ(cfg->SourceOf("pg-dsn"), Source::kEnv);
  EXPECT_EQ(cfg->GetDuration("rpc-timeout"), absl::Milliseconds(250));
  EXPECT_TRUE(cfg->GetBool("reflection"));
}

TEST(ConfigTest, EmptyEnvCountsAsUnset) {
  absl::StatusOr<Config> cfg = ParseArgs({"--pg-dsn=x"}, {{"DB_POOL_SIZE", ""}});
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  EXPECT_EQ(cfg->GetInt("db-pool-size"), 8);
}

TEST(ConfigTest, ReportsEveryProblemOnePerLine) {
  absl::StatusOr<Config> cfg = ParseArgs(
      {"--db-pool-size=0", "--bogus=1", "stray", "--reflection=perhaps", "--grpc-addr=nowhere"},
      {{"RPC_TIMEOUT", "soon"}});
  ASSERT_EQ(cfg.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(cfg.status().message(),
            "--bogus: unknown flag\n"
            "unexpected argument \"stray\"\n"
            "--grpc-addr (GRPC_ADDR): must be host:port, e.g. 0.0.0.0:50051 or [::1]:50051, got "
            "\"nowhere\"\n"
            "--pg-dsn (PG_DSN): required\n"
            "--db-pool-size (DB_POOL_SIZE): must be between 1 and 256, got \"0\"\n"
            "--rpc-timeout (RPC_TIMEOUT): must be a duration like 5s or 250ms, got \"soon\"\n"
            "--reflection: must be true or false, got \"perhaps\"");
}

TEST(ConfigTest, RepeatedAndValuelessFlags) {
  absl::StatusOr<Config> cfg = ParseArgs({"--pg-dsn=a", "--pg-dsn=b", "--jwks-url"});
  ASSERT_FALSE(cfg.ok());
  EXPECT_THAT(std::string(cfg.status().message()),
              HasSubstr("--pg-dsn (PG_DSN): given more than once"));
  EXPECT_THAT(std::string(cfg.status().message()),
              HasSubstr("--jwks-url (JWKS_URL): needs a value"));
  EXPECT_THAT(std::string(cfg.status().message()), Not(HasSubstr("=a")));
}

TEST(ConfigTest, HelpSkipsValidation) {
  absl::StatusOr<Config> cfg = ParseArgs({"--bogus", "--help"});
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  EXPECT_TRUE(cfg->help_requested());
  const std::string& usage = cfg->usage();
  EXPECT_THAT(usage, HasSubstr("Usage: employee-server [flags]\nEmployee service.\n"));
  EXPECT_THAT(usage, HasSubstr("  --db-pool-size=INT\n      Connections. Env: DB_POOL_SIZE. "
                               "Default: 8. Range: 1..256.\n"));
  EXPECT_THAT(usage,
              HasSubstr("  --pg-dsn=STRING\n      PostgreSQL DSN. Env: PG_DSN. Required.\n"));
  EXPECT_THAT(usage, HasSubstr("  --reflection[=BOOL]\n"));
  EXPECT_TRUE(ParseArgs({"-h"})->help_requested());
}

TEST(ConfigTest, DescribeRedactsSecrets) {
  absl::StatusOr<Config> cfg = ParseArgs({"--pg-dsn=password=hunter2"}, {{"DB_POOL_SIZE", "4"}});
  ASSERT_TRUE(cfg.ok()) << cfg.status();
  std::string text = cfg->Describe();
  EXPECT_EQ(text,
            "grpc-addr=0.0.0.0:50051 [default], pg-dsn=<redacted> [flag], db-pool-size=4 [env], "
            "rpc-timeout=5s [default], reflection=<unset>, jwks-url=<unset>");
  EXPECT_THAT(text, Not(HasSubstr("hunter2")));
}

TEST(ConfigTest, SecretValuesStayOutOfErrors) {
  Spec spec{
      "s", "", {{.name = "api-key", .env = "API_KEY", .type = OptionType::kInt, .secret = true}}};
  const char* argv[] = {"s", "--api-key=topsecret"};
  absl::StatusOr<Config> cfg =
      Parse(spec, 2, argv, [](const std::string&) { return std::nullopt; });
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.status().message(), "--api-key (API_KEY): must be an integer");
}

TEST(ConfigTest, BadSpecIsInternal) {
  Spec spec{"s", "", {{.name = "Port"}, {.name = "x", .env = "X"}, {.name = "x", .env = "X"}}};
  const char* argv[] = {"s"};
  absl::StatusOr<Config> cfg = Parse(spec, 1, argv, ProcessEnv());
  ASSERT_EQ(cfg.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(cfg.status().message()), HasSubstr("\"Port\" must be lowercase"));
  EXPECT_THAT(std::string(cfg.status().message()), HasSubstr("--x declared twice"));
  EXPECT_THAT(std::string(cfg.status().message()), HasSubstr("X used twice"));
}

TEST(ConfigDeathTest, GetterMisuseAborts) {
  absl::StatusOr<Config> cfg = ParseArgs({"--pg-dsn=x"});
  ASSERT_TRUE(cfg.ok());
  EXPECT_DEATH(cfg->GetInt("no-such"), "not in the Spec");
  EXPECT_DEATH(cfg->GetInt("rpc-timeout"), "does not match");
}

}  // namespace
}  // namespace kinerja::config
