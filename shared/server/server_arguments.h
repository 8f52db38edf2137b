// How long a client's connection to this server may live, and the keepalive pings the server
// accepts: the server's side of load balancing (docs/load-balancing.md).
//
// A client channel resolves its target's name when it connects, and a round_robin channel keeps
// its connections for as long as they work: without a maximum age, a replica added later (a
// scale-up, the last pod of a rolling update) would get no calls from clients connected before
// it. At --max-connection-age the server sends GOAWAY: calls in flight finish (for up to
// --max-connection-age-grace, after which they are cancelled), new calls go over a new
// connection, which re-resolves the name. Long-lived StreamEvents streams are cut at
// age + grace too; event followers resume from their stored cursor.
#pragma once

#include <grpcpp/server_builder.h>

#include <vector>

#include "absl/time/time.h"
#include "shared/config/config.h"
#include "shared/config/spec.h"

namespace kinerja::server {

struct ConnectionSettings {
  absl::Duration max_connection_age = absl::Minutes(5);  // zero: no limit
  absl::Duration max_connection_age_grace = absl::Seconds(30);
};

// The shortest interval at which a client may send keepalive pings on a connection with open
// calls; clients (shared/clients/channel_arguments.h) ping every 30 s. Pinging more often is
// answered with GOAWAY (too_many_pings).
inline constexpr absl::Duration kMinClientPingInterval = absl::Seconds(10);

// --max-connection-age (MAX_CONNECTION_AGE), --max-connection-age-grace
// (MAX_CONNECTION_AGE_GRACE).
std::vector<config::Option> ConnectionOptions();
ConnectionSettings ConnectionSettingsFrom(const config::Config& config);

// Sets the builder's channel arguments for `settings` and the keepalive policy above.
void ApplyConnectionSettings(const ConnectionSettings& settings, grpc::ServerBuilder& builder);

}  // namespace kinerja::server
