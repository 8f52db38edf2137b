// `<service> --migrate-only`: the service's binary applies its migrations and exits, so that a
// rollout migrates first (a Kubernetes initContainer or Job, a systemd ExecStartPre) and the
// previous release keeps serving on the expanded schema meanwhile (docs/upgrades.md). It takes
// only the database's options: the service's other required options (tokens, addresses of
// other services) need not be set for it.
#pragma once

#include <optional>

#include "shared/server/service_main.h"

namespace kinerja::server {

// When the command line asks for --migrate-only, runs it and returns the exit code: 0 when the
// schema is current (or ahead of this binary), 1 when migrating failed (the reason logged),
// 2 for bad options. nullopt when not asked: the service runs as usual.
std::optional<int> RunMigrateOnlyIfAsked(int argc, char** argv,
                                         const ServiceDefinition& definition);

}  // namespace kinerja::server
