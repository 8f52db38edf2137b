// The --help text of a service, generated from its Spec.
#pragma once

#include <string>

#include "shared/config/spec.h"

namespace kinerja::config {

// "Usage: <program> [flags]", the summary, then one entry per option with its environment
// variable, help, default (hidden for secrets) and whether it is required.
std::string Usage(const Spec& spec);

}  // namespace kinerja::config
