// kinerja-dbadmin: database administration for deployments and the local stack.
//
//   kinerja-dbadmin provision --admin-dsn DSN --schema S --role R --password-file F [--print]
//
// Creates (or updates) a service's login role and its schema, idempotently. With --print, only
// prints the SQL for a DBA to review and run.
//
//   kinerja-dbadmin verify-audit --dsn DSN --schema S [--no-seal]
//
// Seals the schema's committed audit rows onto its hash chain (unless --no-seal), then walks the
// chain. Exits 0 and prints the row count and the head's hash when it is intact; exits 1 naming
// the first broken row otherwise. DSN: an administrator or the service's own role.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <pqxx/pqxx>

#include "absl/strings/strip.h"
#include "shared/db/audit_chain.h"
#include "shared/db/provision.h"

namespace {

using Flags = std::map<std::string, std::string>;

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "kinerja-dbadmin: " << problem << "\n";
  std::cerr << "usage: kinerja-dbadmin provision --admin-dsn DSN --schema S --role R "
               "--password-file F [--print]\n"
               "       kinerja-dbadmin verify-audit --dsn DSN --schema S [--no-seal]\n";
  return 2;
}

int Fail(const std::string& message) {
  std::cerr << "kinerja-dbadmin: " << message << "\n";
  return 1;
}

// Parses argv[2..] into `flags` (switches map to "1"); an error message, or empty when all are
// known and every valued flag has its value.
std::string ParseFlags(int argc, char** argv, const std::set<std::string>& valued,
                       const std::set<std::string>& switches, Flags& flags) {
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (switches.contains(flag)) {
      flags[flag] = "1";
    } else if (valued.contains(flag)) {
      if (i + 1 >= argc) return flag + " needs a value";
      flags[flag] = argv[++i];
    } else {
      return "unknown flag " + flag;
    }
  }
  for (const std::string& required : valued) {
    if (flags[required].empty()) return required + " is required";
  }
  return "";
}

int Provision(int argc, char** argv) {
  Flags flags;
  if (std::string problem = ParseFlags(
          argc, argv, {"--admin-dsn", "--schema", "--role", "--password-file"}, {"--print"}, flags);
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

int VerifyAudit(int argc, char** argv) {
  Flags flags;
  if (std::string problem = ParseFlags(argc, argv, {"--dsn", "--schema"}, {"--no-seal"}, flags);
      !problem.empty()) {
    return Usage(problem);
  }
  const std::string& schema = flags["--schema"];
  try {
    pqxx::connection conn(flags["--dsn"]);
    if (!flags.contains("--no-seal")) {
      absl::StatusOr<int64_t> sealed = kinerja::db::SealAllAuditRows(conn, schema);
      if (!sealed.ok()) return Fail("sealing failed: " + std::string(sealed.status().message()));
    }
    absl::StatusOr<kinerja::db::AuditChainReport> report =
        kinerja::db::VerifyAuditChain(conn, schema);
    if (!report.ok()) return Fail("verify failed: " + std::string(report.status().message()));
    if (!report->intact) {
      return Fail("audit chain of schema " + schema + " is broken at row " +
                  std::to_string(report->broken_row_id) + ": " + report->problem + " (" +
                  std::to_string(report->sealed_rows) + " rows before it verified)");
    }
    std::cout << "audit chain of schema " << schema << " intact: " << report->sealed_rows
              << " rows sealed, " << report->unsealed_rows << " not yet sealed; head position "
              << report->head_position << " hash " << report->head_hash_hex << "\n";
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
