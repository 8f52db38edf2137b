#include "tests/harness/pg_cluster.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace kinerja::testing {
namespace {

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::cerr << "cannot run " << command << "\n";
    std::abort();
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  if (pclose(pipe) != 0) {
    std::cerr << "command failed: " << command << "\n" << out << "\n";
    std::abort();
  }
  return std::string(absl::StripTrailingAsciiWhitespace(out));
}

std::string Script() { return std::string(KINERJA_SOURCE_DIR) + "/tools/lib/pg-cluster"; }

}  // namespace

PgCluster& PgCluster::Get() {
  static PgCluster* cluster = new PgCluster();  // stopped by the atexit hook below
  return *cluster;
}

PgCluster::PgCluster() {
  char tmpl[] = "/tmp/kinerja-pg-XXXXXX";
  char* made = mkdtemp(tmpl);
  if (made == nullptr) std::abort();
  dir_ = made;
  std::string dsn = Run(Script() + " start " + dir_);
  admin_dsn_base_ = std::string(absl::StripSuffix(dsn, " dbname=postgres"));
  std::atexit([] { Get().Shutdown(); });
}

PgCluster::~PgCluster() { Shutdown(); }

void PgCluster::Shutdown() {
  if (dir_.empty()) return;
  std::system((Script() + " stop " + dir_ + " >/dev/null 2>&1").c_str());
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  dir_.clear();
}

std::string PgCluster::AdminDsn(const std::string& dbname) const {
  return absl::StrCat(admin_dsn_base_, " dbname=", dbname);
}

std::string PgCluster::CreateDatabase(const std::string& prefix) {
  std::string name = absl::StrCat(prefix, "_", getpid(), "_", next_db_++);
  pqxx::connection conn(AdminDsn());
  pqxx::nontransaction tx(conn);
  tx.exec0("CREATE DATABASE " + tx.quote_name(name));
  return name;
}

std::string PgCluster::ProvisionService(const std::string& dbname,
                                        const db::ServiceDatabase& service) {
  pqxx::connection conn(AdminDsn(dbname));
  absl::Status s = db::Provision(conn, service);
  if (!s.ok()) {
    std::cerr << "provision failed: " << s << "\n";
    std::abort();
  }
  std::string port = admin_dsn_base_.substr(admin_dsn_base_.find("port=") + 5);
  port = port.substr(0, port.find(' '));
  return absl::StrCat("host=127.0.0.1 port=", port, " user=", service.role,
                      " password=", service.password, " dbname=", dbname);
}

void PgCluster::Stop() { Run(Script() + " stop " + dir_); }

void PgCluster::Start() {
  // The script picks a free port again; keep the same one so existing DSNs stay valid.
  std::string port = admin_dsn_base_.substr(admin_dsn_base_.find("port=") + 5);
  port = port.substr(0, port.find(' '));
  Run("PG_CLUSTER_PORT=" + port + " " + Script() + " start " + dir_);
}

}  // namespace kinerja::testing
