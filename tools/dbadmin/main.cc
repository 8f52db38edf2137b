// kinerja-dbadmin: database administration for deployments and the local stack.
//
//   kinerja-dbadmin provision --admin-dsn DSN --schema S --role R --password-file F [--print]
//
// Creates (or updates) a service's login role and its schema, idempotently. With --print, only
// prints the SQL for a DBA to review and run.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include <pqxx/pqxx>

#include "absl/strings/strip.h"
#include "shared/db/provision.h"

namespace {

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "kinerja-dbadmin: " << problem << "\n";
  std::cerr << "usage: kinerja-dbadmin provision --admin-dsn DSN --schema S --role R "
               "--password-file F [--print]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") return Usage("");
  if (std::string(argv[1]) != "provision") return Usage("unknown command " + std::string(argv[1]));
  std::map<std::string, std::string> flags;
  bool print_only = false;
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--print") {
      print_only = true;
    } else if (flag == "--admin-dsn" || flag == "--schema" || flag == "--role" ||
               flag == "--password-file") {
      if (i + 1 >= argc) return Usage(flag + " needs a value");
      flags[flag] = argv[++i];
    } else {
      return Usage("unknown flag " + flag);
    }
  }
  for (const char* required : {"--admin-dsn", "--schema", "--role", "--password-file"}) {
    if (flags[required].empty()) return Usage(std::string(required) + " is required");
  }
  std::ifstream file(flags["--password-file"]);
  if (!file) return Usage("--password-file: cannot read " + flags["--password-file"]);
  std::stringstream buffer;
  buffer << file.rdbuf();
  kinerja::db::ServiceDatabase service{flags["--schema"], flags["--role"],
                                       std::string(absl::StripAsciiWhitespace(buffer.str()))};
  try {
    pqxx::connection admin(flags["--admin-dsn"]);
    if (print_only) {
      std::cout << kinerja::db::ProvisionSql(admin, service);
      return 0;
    }
    absl::Status status = kinerja::db::Provision(admin, service);
    if (!status.ok()) {
      std::cerr << "kinerja-dbadmin: " << status.message() << "\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "kinerja-dbadmin: cannot connect: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
