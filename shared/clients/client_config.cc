#include "shared/clients/client_config.h"

namespace kinerja::clients {

std::vector<config::Option> ClientOptions(const std::string& name, const std::string& env,
                                          const std::string& label) {
  return {
      {.name = name + "-addr",
       .env = env + "_ADDR",
       .help = "Address of the " + label +
               ": host:port, or dns:///host:port to spread calls over every address the name "
               "resolves to (in Kubernetes: a headless Service), or ipv4:host:port,host:port.",
       .type = config::OptionType::kTarget,
       .required = true},
      {.name = name + "-token-file",
       .env = env + "_TOKEN_FILE",
       .help = "File holding this service's bearer token for the " + label +
               "; re-read when it changes.",
       .required = true},
      {.name = name + "-deadline",
       .env = env + "_DEADLINE",
       .help = "Deadline of each call to the " + label +
               ", at most (a call made for a client never outlives that client's own deadline).",
       .type = config::OptionType::kDuration,
       .default_value = "5s"},
  };
}

ChannelOptions ChannelOptionsFrom(const config::Config& config, const std::string& name) {
  const config::Target target = config.GetTarget(name + "-addr");
  return {.addr = target.uri.empty() ? DialAddress(target.address.host, target.address.port)
                                     : target.uri,
          .token_file = config.GetString(name + "-token-file"),
          .deadline = config.GetDuration(name + "-deadline"),
          .tls = tls::ClientTlsFrom(config)};
}

}  // namespace kinerja::clients
