// Picks the command from the command line. Connection flags may come before the command
// ("kinerja --addr H:P get agency A"): they are handed to the command as if given after it.
#pragma once

#include <string>
#include <vector>

#include "tools/cli/command.h"

namespace kinerja::cli {

int Dispatch(const std::vector<std::string>& args, const CliEnv& env);

}  // namespace kinerja::cli
