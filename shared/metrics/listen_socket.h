// Opening a listening TCP socket with plain POSIX calls.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace kinerja::metrics {

// Non-blocking, close-on-exec listening socket on host:port. host may be a name or literal
// ("127.0.0.1", "::", "localhost"); empty means every interface. port 0 picks a free port.
absl::StatusOr<int> ListenTcp(const std::string& host, int port);

// The port a bound socket actually got (for port 0).
absl::StatusOr<int> LocalPort(int fd);

}  // namespace kinerja::metrics
