// employee_import_bench: the store's SIASN import against a raw COPY baseline, on a throwaway
// PostgreSQL (tests/harness). Not a test: it prints figures and ratios measured in one run.
//
//   kinerja-gen --out /tmp/gen --employees 100000
//   employee_import_bench /tmp/gen
//
// Baselines (same rows, one transaction each, COPY of pre-built text lines):
//   raw-bare:    COPY into a table shaped like employees without indexes or constraints;
//   raw-indexed: COPY into a copy of employees with its indexes and CHECKs (no foreign keys).
// Import: ImportUnor + ImportEmployees per agency (staging COPY, set-based merge, assignments,
// one outbox event per employee) excluding JSON parsing, then a no-op re-run.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/siasn_record.h"
#include "services/employee/store/copy_stream.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/migrations.h"
#include "services/employee/store/rows.h"
#include "shared/db/migrations.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::employee::store {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Dataset {
  std::map<std::string, std::vector<SiasnUnorRecord>> units;  // by agency
  std::map<std::string, std::vector<SiasnEmployeeRecord>> employees;
  int64_t employee_count = 0;
  int64_t bad = 0;
};

Dataset Load(const std::string& dir) {
  Dataset data;
  std::ifstream unor(dir + "/unor.jsonl");
  for (std::string line; std::getline(unor, line);) {
    auto r = ParseSiasnUnorJson(line);
    if (!r.ok()) {
      ++data.bad;
      continue;
    }
    data.units[r.value.agency_id].push_back(std::move(r.value));
  }
  std::ifstream employees(dir + "/data-utama.jsonl");
  for (std::string line; std::getline(employees, line);) {
    auto r = ParseSiasnEmployeeJson(line);
    if (!r.ok()) {
      ++data.bad;
      continue;
    }
    ++data.employee_count;
    data.employees[r.value.agency_id].push_back(std::move(r.value));
  }
  return data;
}

// The employees row an import would write, as a COPY line.
void RawLine(const SiasnEmployeeRecord& r, std::string& out) {
  internal::CopyLine l(out);
  l.Text(r.siasn_id).Text(r.nip).Raw(EmployeeKindName(r.kind)).Bool(r.candidate).Text(r.name);
  l.Raw(SexName(r.sex)).Raw(internal::DayText(r.birth_date));
  if (std::holds_alternative<std::monostate>(r.rank)) {
    l.Null();
  } else {
    l.Text(RankLabel(r.rank));
  }
  l.Raw("ACTIVE").Text(r.agency_id).Text(r.unor_id).Text(r.position_name);
  if (r.cpns_date) {
    l.Raw(internal::DayText(*r.cpns_date));
  } else {
    l.Null();
  }
  if (r.position_date) {
    l.Raw(internal::DayText(*r.position_date));
  } else {
    l.Null();
  }
  l.Text(r.siasn_id).End();
}

double RawCopy(const std::string& dsn, const Dataset& data, bool indexed) {
  pqxx::connection conn(dsn);
  {
    pqxx::work tx(conn);
    tx.exec0("DROP TABLE IF EXISTS raw_employees");
    tx.exec0(indexed ? "CREATE TABLE raw_employees (LIKE employees INCLUDING DEFAULTS INCLUDING "
                       "CONSTRAINTS INCLUDING INDEXES)"
                     : "CREATE TABLE raw_employees (LIKE employees INCLUDING DEFAULTS)");
    tx.commit();
  }
  const auto start = Clock::now();
  pqxx::work tx(conn);
  {
    internal::CopyWriter writer(tx, "raw_employees",
                                {"id", "nip", "kind", "candidate", "name", "sex", "birth_date",
                                 "rank", "status", "agency_id", "unit_id", "position_id",
                                 "appointment_date", "position_start_date", "siasn_id"});
    for (const auto& [agency, records] : data.employees) {
      for (const SiasnEmployeeRecord& r : records) {
        RawLine(r, writer.buffer());
        writer.MaybeFlush();
      }
    }
    writer.Complete();
  }
  tx.commit();
  return Seconds(start);
}

int Run(const std::string& dir) {
  auto load_start = Clock::now();
  Dataset data = Load(dir);
  std::printf("parsed %lld employees, %zu agencies, %lld bad records in %.2f s\n",
              static_cast<long long>(data.employee_count), data.employees.size(),
              static_cast<long long>(data.bad), Seconds(load_start));

  auto& cluster = ::kinerja::testing::PgCluster::Get();
  const std::string db = cluster.CreateDatabase("import_bench");
  const std::string dsn = cluster.ProvisionService(db, {"employee", "kinerja_employee", "pw"});
  {
    pqxx::connection conn(dsn);
    std::vector<db::Migration> migrations = db::PlatformMigrations();
    for (db::Migration& m : EmployeeMigrations()) migrations.push_back(std::move(m));
    auto applied = db::ApplyMigrations(conn, "employee", migrations);
    if (!applied.ok()) {
      std::cerr << applied.status() << "\n";
      return 1;
    }
  }
  auto pool =
      db::Pool::Create({.dsn = dsn, .schema = "employee", .size = 2}, EmployeeStore::Statements());
  if (!pool.ok()) {
    std::cerr << pool.status() << "\n";
    return 1;
  }
  EmployeeStore store(**pool);
  const double n = static_cast<double>(data.employee_count);

  const double bare = RawCopy(dsn, data, /*indexed=*/false);
  const double indexed = RawCopy(dsn, data, /*indexed=*/true);
  {
    pqxx::connection conn(dsn);
    pqxx::work tx(conn);
    tx.exec0("DROP TABLE raw_employees");
    tx.commit();
  }

  WriteOptions write;
  write.ctx = {"bench", "bench"};
  for (const auto& [agency, units] : data.units) {
    Agency a{.id = agency, .name = absl::StrCat("Agency ", agency), .kind = AgencyKind::kCity};
    auto created = store.CreateAgency(a, write);
    if (!created.ok()) {
      std::cerr << created.status() << "\n";
      return 1;
    }
  }
  auto import_all = [&](const char* label) -> double {
    const auto start = Clock::now();
    ImportCounts total;
    double unor_seconds = 0;
    for (const auto& [agency, units] : data.units) {
      ImportOptions options{.agency_id = agency, .write = write};
      const auto unor_start = Clock::now();
      auto u = store.ImportUnor(options, units);
      unor_seconds += Seconds(unor_start);
      if (!u.ok()) {
        std::cerr << u.status() << "\n";
        return -1;
      }
      auto it = data.employees.find(agency);
      if (it == data.employees.end()) continue;
      auto e = store.ImportEmployees(options, it->second);
      if (!e.ok()) {
        std::cerr << e.status() << "\n";
        return -1;
      }
      total.created += e->created;
      total.updated += e->updated;
      total.unchanged += e->unchanged;
      total.failed += e->failed;
    }
    const double seconds = Seconds(start);
    std::printf(
        "%-12s %8.2f s  %9.0f rows/s  (UNOR %.2f s)  created %lld updated %lld unchanged %lld "
        "failed %lld\n",
        label, seconds, n / seconds, unor_seconds, static_cast<long long>(total.created),
        static_cast<long long>(total.updated), static_cast<long long>(total.unchanged),
        static_cast<long long>(total.failed));
    return seconds;
  };
  const double first = import_all("import");
  const double rerun = import_all("re-run");
  if (first < 0 || rerun < 0) return 1;
  std::printf("raw-bare     %8.2f s  %9.0f rows/s\n", bare, n / bare);
  std::printf("raw-indexed  %8.2f s  %9.0f rows/s\n", indexed, n / indexed);
  std::printf("import / raw-bare = %.2f, import / raw-indexed = %.2f (rows/s ratios)\n",
              bare / first, indexed / first);
  return 0;
}

}  // namespace
}  // namespace kinerja::employee::store

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: employee_import_bench <kinerja-gen output dir>\n");
    return 2;
  }
  return kinerja::employee::store::Run(argv[1]);
}
