// The subcommands of "kinerja plan", each given the arguments starting with its own word
// (e.g. {"approve", "P1"}); RunPlan (commands.h) picks one and prints the usage.
#pragma once

#include <string>
#include <vector>

#include "tools/cli/command.h"

namespace kinerja::cli {

// create --period ID (--employee-id ID | --nip NIP) [--request-id X]
int RunPlanCreate(const std::vector<std::string>& args, const CliEnv& env);
// get ID
int RunPlanGet(const std::vector<std::string>& args, const CliEnv& env);
// list [--filter F] [PAGING]
int RunPlanList(const std::vector<std::string>& args, const CliEnv& env);
// add-result ID --text T [--parent R] [--perspective P] [--additional] --indicator I...
int RunPlanAddResult(const std::vector<std::string>& args, const CliEnv& env);
// submit|approve ID; return ID --note N; revise ID --reason R
int RunPlanWorkflow(const std::vector<std::string>& args, const CliEnv& env);

}  // namespace kinerja::cli
