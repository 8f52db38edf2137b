// Splits a command line into flag assignments, before any value is interpreted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "shared/config/spec.h"

namespace kinerja::config {

struct ScannedArgs {
  bool help = false;                         // --help or -h anywhere
  std::map<std::string, std::string> flags;  // option name -> text as given
  std::vector<std::string> problems;         // unknown flags, missing values, repeats
};

// Accepts --name=value and --name value; a bool flag alone (--name) means true and never takes
// the next argument. argv[0] is the program and is skipped. Positional arguments are problems:
// no service takes any.
ScannedArgs ScanArgs(const Spec& spec, int argc, const char* const* argv);

}  // namespace kinerja::config
