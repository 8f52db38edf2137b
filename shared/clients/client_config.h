// How a service is told where another service is and who it is there: the options every
// client of another Kinerja service takes (address, token file, deadline; flags and environment)
// and the channel options read from them.
//
//   options: ClientOptions("employee", "EMPLOYEE", "employee service")
//     --employee-addr / EMPLOYEE_ADDR, --employee-token-file / EMPLOYEE_TOKEN_FILE,
//     --employee-deadline / EMPLOYEE_DEADLINE (default 5s)
//   wiring:  GrpcEmployeeClient employees(ChannelOptionsFrom(config, "employee"));
#pragma once

#include <string>
#include <vector>

#include "shared/clients/service_channel.h"
#include "shared/config/config.h"
#include "shared/config/spec.h"

namespace kinerja::clients {

// `name`: the flag prefix ("employee"); `env`: the environment prefix ("EMPLOYEE"); `label`:
// the service in help texts ("employee service").
std::vector<config::Option> ClientOptions(const std::string& name, const std::string& env,
                                          const std::string& label);

// TLS comes from the host's options (--insecure, --tls-ca, --tls-client-cert/-key, checked when
// the host was created; shared/tls/tls_settings.h).
ChannelOptions ChannelOptionsFrom(const config::Config& config, const std::string& name);

}  // namespace kinerja::clients
