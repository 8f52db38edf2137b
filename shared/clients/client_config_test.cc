#include "shared/clients/client_config.h"

#include "gtest/gtest.h"

namespace kinerja::clients {
namespace {

// Parses `args` against the employee client's options and the host's TLS options.
ChannelOptions Parse(std::vector<const char*> args) {
  config::Spec spec{.program = "test",
                    .summary = "test",
                    .options = ClientOptions("employee", "EMPLOYEE", "employee service")};
  for (config::Option& o : tls::TlsOptions()) spec.options.push_back(std::move(o));
  args.insert(args.begin(), {"test", "--employee-addr=127.0.0.1:7", "--employee-token-file=/t"});
  auto config = config::Parse(spec, static_cast<int>(args.size()), args.data(),
                              [](const std::string&) { return std::optional<std::string>(); });
  EXPECT_TRUE(config.ok()) << config.status();
  return ChannelOptionsFrom(*config, "employee");
}

TEST(ClientConfigTest, ChannelsUseTheHostsTlsFiles) {
  ChannelOptions options =
      Parse({"--tls-ca=/ca.pem", "--tls-client-cert=/c.pem", "--tls-client-key=/k.pem"});
  EXPECT_EQ(options.addr, "127.0.0.1:7");
  EXPECT_FALSE(options.tls.insecure);
  EXPECT_EQ(options.tls.ca_file, "/ca.pem");
  EXPECT_EQ(options.tls.cert_file, "/c.pem");
  EXPECT_EQ(options.tls.key_file, "/k.pem");
}

TEST(ClientConfigTest, InsecureHostDialsCleartext) {
  EXPECT_TRUE(Parse({"--insecure"}).tls.insecure);
  EXPECT_FALSE(Parse({}).tls.insecure) << "TLS unless cleartext is asked for";
}

}  // namespace
}  // namespace kinerja::clients
