#include "shared/server/server_arguments.h"

#include <grpc/grpc.h>

#include <algorithm>
#include <climits>
#include <cstdint>

namespace kinerja::server {
namespace {

// gRPC takes milliseconds as int; INT_MAX means "no limit".
int Millis(absl::Duration d) {
  return static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(d), INT_MAX));
}

}  // namespace

std::vector<config::Option> ConnectionOptions() {
  const ConnectionSettings defaults;
  return {
      {.name = "max-connection-age",
       .env = "MAX_CONNECTION_AGE",
       .help = "how long a client connection may live before the server asks the client to "
               "reconnect (GOAWAY), so that clients re-resolve names and new replicas get calls "
               "(0: no limit)",
       .type = config::OptionType::kDuration,
       .default_value = absl::FormatDuration(defaults.max_connection_age)},
      {.name = "max-connection-age-grace",
       .env = "MAX_CONNECTION_AGE_GRACE",
       .help = "how long calls in flight on a connection past its maximum age may still run "
               "before they are cancelled (event streams resume from their cursor)",
       .type = config::OptionType::kDuration,
       .default_value = absl::FormatDuration(defaults.max_connection_age_grace)},
  };
}

ConnectionSettings ConnectionSettingsFrom(const config::Config& config) {
  return {.max_connection_age = config.GetDuration("max-connection-age"),
          .max_connection_age_grace = config.GetDuration("max-connection-age-grace")};
}

void ApplyConnectionSettings(const ConnectionSettings& settings, grpc::ServerBuilder& builder) {
  if (settings.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, Millis(settings.max_connection_age));
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                               Millis(settings.max_connection_age_grace));
  }
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                             Millis(kMinClientPingInterval));
}

}  // namespace kinerja::server
