// kinerja-dbadmin: database administration for deployments and the local stack.
//
//   kinerja-dbadmin provision --admin-dsn DSN --schema S --role R --password-file F [--print]
//
// Creates (or updates) a service's login role and its schema, idempotently. With --print, only
// prints the SQL for a DBA to review and run.
//
//   kinerja-dbadmin verify-audit --dsn DSN --schema S [--anchor POSITION:HASH] [--no-seal]
//
// Seals the schema's committed audit rows onto its hash chain (unless --no-seal), then walks the
// chain. Exits 0 and prints the row count and the head (POSITION:HASH) when it is intact; exits 1
// naming the first broken row otherwise. A head printed by an earlier run and kept outside the
// database, passed as --anchor, also catches rows removed from the end and a chain rewritten and
// sealed again. DSN: an administrator or the service's own role.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include <pqxx/pqxx>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "shared/db/audit_chain.h"
#include "shared/db/provision.h"

namespace {

using Flags = std::map<std::string, std::string>;

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "kinerja-dbadmin: " << problem << "\n";
  std::cerr << "usage: kinerja-dbadmin provision --admin-dsn DSN --schema S --role R "
               "--password-file F [--print]\n"
               "       kinerja-dbadmin verify-audit --dsn DSN --schema S [--anchor POSITION:HASH] "
               "[--no-seal]\n";
  return 2;
}

int Fail(const std::string& message) {
  std::cerr << "kinerja-dbadmin: " << message << "\n";
  return 1;
}

// Parses argv[2..] into `flags` (switches map to "1"); an error message, or empty when all are
// known and every required flag has its value.
std::string ParseFlags(int argc, char** argv, const std::set<std::string>& required,
                       const std::set<std::string>& optional, const std::set<std::string>& switches,
                       Flags& flags) {
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (switches.contains(flag)) {
      flags[flag] = "1";
    } else if (required.contains(flag) || optional.contains(flag)) {
      if (i + 1 >= argc) return flag + " needs a value";
      flags[flag] = argv[++i];
    } else {
      return "unknown flag " + flag;
    }
  }
  for (const std::string& flag : required) {
    if (flags[flag].empty()) return flag + " is required";
  }
  return "";
}

int Provision(int argc, char** argv) {
  Flags flags;
  if (std::string problem =
          ParseFlags(argc, argv, {"--admin-dsn", "--schema", "--role", "--password-file"}, {},
                     {"--print"}, flags);
      !problem.empty()) {
    return Usage(problem);
  }
  std::ifstream file(flags["--password-file"]);
  if (!file) return Usage("--password-file: cannot read " + flags["--password-file"]);
  std::stringstream buffer;
  buffer << file.rdbuf();
  kinerja::db::ServiceDatabase service{flags["--schema"], flags["--role"],
                                       std::string(absl::StripAsciiWhitespace(buffer.str()))};
  try {
    pqxx::connection admin(flags["--admin-dsn"]);
    if (flags.contains("--print")) {
      std::cout << kinerja::db::ProvisionSql(admin, service);
      return 0;
    }
    absl::Status status = kinerja::db::Provision(admin, service);
    if (!status.ok()) return Fail(std::string(status.message()));
  } catch (const std::exception& e) {
    return Fail(std::string("cannot connect: ") + e.what());
  }
  return 0;
}

// "POSITION:HASH" as printed by an intact verify-audit run.
std::optional<kinerja::db::AuditAnchor> ParseAnchor(const std::string& text) {
  kinerja::db::AuditAnchor anchor;
  std::pair<std::string, std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 1));
  if (!absl::SimpleAtoi(parts.first, &anchor.position) || anchor.position < 1 ||
      parts.second.size() != 64) {
    return std::nullopt;
  }
  anchor.hash_hex = parts.second;
  return anchor;
}

int VerifyAudit(int argc, char** argv) {
  Flags flags;
  if (std::string problem =
          ParseFlags(argc, argv, {"--dsn", "--schema"}, {"--anchor"}, {"--no-seal"}, flags);
      !problem.empty()) {
    return Usage(problem);
  }
  kinerja::db::AuditAnchor anchor;
  if (flags.contains("--anchor")) {
    std::optional<kinerja::db::AuditAnchor> parsed = ParseAnchor(flags["--anchor"]);
    if (!parsed) return Usage("--anchor: expected POSITION:HASH as printed by verify-audit");
    anchor = *parsed;
  }
  const std::string& schema = flags["--schema"];
  try {
    pqxx::connection conn(flags["--dsn"]);
    if (!flags.contains("--no-seal")) {
      absl::StatusOr<int64_t> sealed = kinerja::db::SealAllAuditRows(conn, schema);
      if (!sealed.ok()) return Fail("sealing failed: " + std::string(sealed.status().message()));
    }
    absl::StatusOr<kinerja::db::AuditChainReport> report =
        kinerja::db::VerifyAuditChain(conn, schema, anchor);
    if (!report.ok()) return Fail("verify failed: " + std::string(report.status().message()));
    if (!report->intact) {
      const std::string where =
          report->broken_row_id == 0 ? "" : " at row " + std::to_string(report->broken_row_id);
      return Fail("audit chain of schema " + schema + " is broken" + where + ": " +
                  report->problem + " (" + std::to_string(report->sealed_rows) +
                  " rows before it verified)");
    }
    std::cout << "audit chain of schema " << schema << " intact: " << report->sealed_rows
              << " rows sealed, " << report->unsealed_rows << " not yet sealed; head "
              << report->head_position << ":" << report->head_hash_hex << "\n";
  } catch (const std::exception& e) {
    return Fail(std::string("cannot connect: ") + e.what());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") return Usage("");
  const std::string command = argv[1];
  if (command == "provision") return Provision(argc, argv);
  if (command == "verify-audit") return VerifyAudit(argc, argv);
  return Usage("unknown command " + command);
}
