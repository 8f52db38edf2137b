// The arguments of every channel from one Kinerja service to another:
//  - round_robin load balancing, so that calls spread over every address the target resolves to
//    (a `dns:///` name of a Kubernetes headless Service resolves to one address per ready pod;
//    with gRPC's default pick_first all calls would go to one of them);
//  - keepalive pings while calls are open, so that a replica whose machine vanished without
//    closing its connections (no RST) is noticed within seconds rather than TCP's minutes; the
//    server allows pings this often (shared/server/server_arguments.h).
// Servers close connections at a maximum age, after which the channel re-resolves the name and
// so finds new replicas (docs/load-balancing.md).
#pragma once

#include <grpcpp/support/channel_arguments.h>

#include "absl/time/time.h"

namespace kinerja::clients {

// The interval of keepalive pings on a connection with open calls, and how long a ping may go
// unanswered before the connection is closed.
inline constexpr absl::Duration kKeepaliveTime = absl::Seconds(30);
inline constexpr absl::Duration kKeepaliveTimeout = absl::Seconds(10);

// The service config that makes round_robin the channel's load-balancing policy.
inline constexpr char kRoundRobinServiceConfig[] =
    R"({"loadBalancingConfig":[{"round_robin":{}}]})";

grpc::ChannelArguments ServiceChannelArguments();

}  // namespace kinerja::clients
