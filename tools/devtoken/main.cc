// kinerja-devtoken: the local stack's token issuer. Exit codes: 0 done, 1 failed, 2 usage.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "tools/devtoken/keygen_command.h"
#include "tools/devtoken/mint_command.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr std::string_view kUsage = R"(kinerja-devtoken: the local stack's dev token issuer.

Usage:
  kinerja-devtoken keygen --dir DIR [--alg ES256|RS256] [--force]
      Writes DIR/issuer-key.pem (private, mode 0600) and DIR/jwks.json (public, kid "dev-1").
      Existing files are kept unless --force. Default --alg ES256.

  kinerja-devtoken mint --dir DIR --issuer ISS --audience AUD --sub SUB
                        [--roles ROLE,ROLE] [--agency ID] [--nip NIP] [--svc NAME]
                        [--ttl-seconds N]
      Prints a compact JWT signed with DIR/issuer-key.pem. Roles: employee, hr_admin,
      unit_leader, auditor, service, public. A service token: --roles service --svc NAME.
      Default --ttl-seconds 3600 (at most 30 days).

Flags take "--name value" or "--name=value". Services verify with the keys in DIR/jwks.json.
Exit status: 0 success, 1 failure, 2 usage error.
)";

int UsageError(std::string_view command, const absl::Status& status) {
  std::cerr << "kinerja-devtoken" << (command.empty() ? "" : " ") << command << ": "
            << status.message() << "\n"
            << "Run 'kinerja-devtoken --help' for usage.\n";
  return kExitUsage;
}

int Failure(std::string_view command, const absl::Status& status) {
  std::cerr << "kinerja-devtoken " << command << ": " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // "help" only as the command: "--sub help" is a subject that happens to be called help.
  bool help = !args.empty() && (args.front() == "help" || args.front() == "-h");
  for (const std::string& arg : args) help = help || arg == "--help";
  if (help) {
    std::cout << kUsage;
    return 0;
  }
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());

  if (command == "keygen") {
    absl::StatusOr<kinerja::devtoken::KeygenOptions> options =
        kinerja::devtoken::ParseKeygenFlags(args);
    if (!options.ok()) return UsageError(command, options.status());
    absl::Status status = kinerja::devtoken::RunKeygen(*options);
    if (!status.ok()) return Failure(command, status);
    std::cerr << "wrote " << options->dir << "/issuer-key.pem and " << options->dir
              << "/jwks.json\n";
    return 0;
  }
  if (command == "mint") {
    absl::StatusOr<kinerja::devtoken::MintOptions> options =
        kinerja::devtoken::ParseMintFlags(args);
    if (!options.ok()) return UsageError(command, options.status());
    absl::StatusOr<std::string> token = kinerja::devtoken::RunMint(*options, absl::Now());
    if (!token.ok()) return Failure(command, token.status());
    std::cout << *token << "\n";
    return 0;
  }
  return UsageError("", absl::InvalidArgumentError("unknown command \"" + command +
                                                   "\" (expected keygen or mint)"));
}
