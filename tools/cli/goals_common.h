// What the goals commands share: parsing their flags with the goals connection flags, the ID
// after the subcommand word, optional non-empty flags, and printing a result as text or JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/flags.h"

namespace kinerja::cli {

// Parses `args` with `own` plus the goals connection flags.
absl::StatusOr<ParsedArgs> ParseGoalsArgs(const std::vector<std::string>& args,
                                          const FlagSpec& own);

// The positionals after the subcommand word must be exactly one non-empty ID (of `what`, e.g.
// "plan").
absl::StatusOr<std::string> OnlyId(const ParsedArgs& args, std::string_view what);

// Fails when positionals follow the subcommand word.
absl::Status NoMorePositionals(const ParsedArgs& args);

// A flag that may be absent but, when given, must not be empty (e.g. --request-id).
absl::StatusOr<std::string> OptionalNonEmpty(const ParsedArgs& args, std::string_view name);

// Prints protobuf JSON with --json, else `text`; returns kExitOk.
int PrintResult(const CliEnv& env, const ConnectionOptions& options,
                const google::protobuf::Message& message, const std::string& text);

}  // namespace kinerja::cli
