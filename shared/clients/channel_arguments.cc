#include "shared/clients/channel_arguments.h"

#include <grpc/grpc.h>

namespace kinerja::clients {

grpc::ChannelArguments ServiceChannelArguments() {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kRoundRobinServiceConfig);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS,
              static_cast<int>(absl::ToInt64Milliseconds(kKeepaliveTime)));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
              static_cast<int>(absl::ToInt64Milliseconds(kKeepaliveTimeout)));
  // Idle connections are not pinged: the server would count that as abuse (it allows pings
  // without calls only at its own, longer, interval) and a dead idle connection costs nothing;
  // the next call finds out.
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
  // gRPC stops pinging after 2 pings without data by default: an event stream idle for a
  // minute would no longer be watched.
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  return args;
}

}  // namespace kinerja::clients
