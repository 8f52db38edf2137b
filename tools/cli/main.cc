// kinerja: command-line client of the employee, goals and review services' public gRPC APIs. Exit
// codes: 0 done, 1 a call failed (or an import had failed records), 2 usage error.
#include <string>
#include <vector>

#include "tools/cli/commands.h"
#include "tools/cli/dispatch.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return kinerja::cli::Dispatch(args, kinerja::cli::ProcessEnv());
}
