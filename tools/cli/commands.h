// The kinerja CLI's commands. Each takes the arguments after its command word and returns the
// exit code (command.h); "--help" anywhere prints the command's usage.
#pragma once

#include <string>
#include <vector>

#include "tools/cli/command.h"

namespace kinerja::cli {

int RunImport(const std::vector<std::string>& args, const CliEnv& env);
// create-agency --id ID --name NAME [--kind K] [--head-title T] [--if-missing] [--request-id X]
int RunCreateAgency(const std::vector<std::string>& args, const CliEnv& env);
// get employee (--id X | --nip N) | get agency ID | get unit ID
int RunGet(const std::vector<std::string>& args, const CliEnv& env);
// list employees | units | agencies
int RunList(const std::vector<std::string>& args, const CliEnv& env);
int RunReportingLine(const std::vector<std::string>& args, const CliEnv& env);
int RunEvents(const std::vector<std::string>& args, const CliEnv& env);

// Goals service (--goals-addr / GOALS_ADDR):
// period create --agency ID --year Y --deadline D [...] | period list [--filter F]
int RunPeriod(const std::vector<std::string>& args, const CliEnv& env);
// plan create|get|list|add-result|submit|approve|return|revise
int RunPlan(const std::vector<std::string>& args, const CliEnv& env);
// cascade PLAN_ID
int RunCascade(const std::vector<std::string>& args, const CliEnv& env);

// Review service (--review-addr / REVIEW_ADDR):
// review policy|org-predicate|rate|finalise|assessments|objection|export|import-surveys
int RunReview(const std::vector<std::string>& args, const CliEnv& env);

// The top-level usage (kinerja --help).
extern const char kMainUsage[];

}  // namespace kinerja::cli
