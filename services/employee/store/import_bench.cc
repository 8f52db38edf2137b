// employee_import_bench: the store's SIASN import against a raw COPY baseline, on a throwaway
// PostgreSQL (tests/harness). Not a test: it prints figures and ratios measured in one run.
//
//   kinerja-gen --out /tmp/gen --employees 1000000 --seed 7
//   employee_import_bench [--no-rerun] [--hold FILE] [--log-statements] [--agencies N]
//                         /tmp/gen
//
// Like tools/bench/run-import, agencies are imported one by one (UNOR, then data-utama) into tables
// that grow to the full dataset, and the import rate counts the data-utama calls only (also
// printed per tenth of the agencies, to show whether the cost per row grows with the tables).
// --no-rerun skips the no-op re-run; --hold FILE writes the database's DSN to FILE after the
// import and waits until FILE is deleted (to inspect the end state, e.g. with EXPLAIN);
// --log-statements logs every statement of the service role with its duration to the
// cluster's server.log (log_min_duration_statement = 0; its path is printed), with the plans
// (auto_explain, estimates only, or with actual rows and times when the environment has
// KINERJA_BENCH_EXPLAIN_ANALYZE) of those over 50 ms; --agencies N keeps only the first N
// agencies of the dataset (baselines included).
//
// Baselines (same rows, one transaction each, COPY of pre-built text lines):
//   raw-bare:    COPY into a table shaped like employees without indexes or constraints;
//   raw-indexed: COPY into a copy of employees with its indexes and CHECKs (no foreign keys).
// Import: ImportUnor + ImportEmployees per agency (staging COPY, set-based merge, assignments,
// one outbox event per employee) excluding JSON parsing, then a no-op re-run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <string>
#include <thread>
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

Dataset Load(const std::string& dir, size_t max_agencies) {
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
    data.employees[r.value.agency_id].push_back(std::move(r.value));
  }
  while (data.units.size() > max_agencies) {
    data.employees.erase(data.units.rbegin()->first);
    data.units.erase(std::prev(data.units.end()));
  }
  for (const auto& [agency, records] : data.employees) {
    if (data.units.contains(agency)) data.employee_count += static_cast<int64_t>(records.size());
  }
  for (auto it = data.employees.begin(); it != data.employees.end();) {
    it = data.units.contains(it->first) ? std::next(it) : data.employees.erase(it);
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

int Run(const std::string& dir, bool rerun_too, const std::string& hold, bool log_statements,
        size_t max_agencies) {
  auto load_start = Clock::now();
  Dataset data = Load(dir, max_agencies);
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
  if (log_statements) {
    pqxx::connection admin(cluster.AdminDsn(db));
    pqxx::nontransaction tx(admin);
    tx.exec0("ALTER ROLE kinerja_employee SET log_min_duration_statement = 0");
    tx.exec0("ALTER ROLE kinerja_employee SET session_preload_libraries = 'auto_explain'");
    tx.exec0("ALTER ROLE kinerja_employee SET auto_explain.log_min_duration = '50ms'");
    if (std::getenv("KINERJA_BENCH_EXPLAIN_ANALYZE") != nullptr) {
      tx.exec0("ALTER ROLE kinerja_employee SET auto_explain.log_analyze = on");
    }
    std::printf("statements logged to %s/server.log\n", tx.exec1("SHOW data_directory")[0].c_str());
  }
  auto pool = db::Pool::Create({.dsn = dsn, .schema = "employee", .size = 2});
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
    double employee_seconds = 0;
    // Data-utama rate per tenth of the agencies (in import order): shows whether the cost per
    // row grows with the tables.
    std::vector<std::pair<int64_t, double>> tenths(10);
    size_t index = 0;
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
      const auto employee_start = Clock::now();
      auto e = store.ImportEmployees(options, it->second);
      const double call_seconds = Seconds(employee_start);
      employee_seconds += call_seconds;
      auto& tenth = tenths[std::min<size_t>(9, index++ * 10 / data.units.size())];
      tenth.first += static_cast<int64_t>(it->second.size());
      tenth.second += call_seconds;
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
    std::printf("%-12s %8.2f s  %9.0f rows/s  data-utama calls only; per tenth of agencies:", "",
                employee_seconds, n / employee_seconds);
    for (const auto& [rows, secs] : tenths) {
      if (secs > 0) std::printf(" %.0f", static_cast<double>(rows) / secs);
    }
    std::printf("\n");
    std::fflush(stdout);
    return employee_seconds;
  };
  const double first = import_all("import");
  if (!hold.empty()) {
    { std::ofstream(hold) << cluster.AdminDsn(db) << "\n"; }
    std::printf("holding: DSN in %s; delete it to continue\n", hold.c_str());
    std::fflush(stdout);
    while (std::ifstream(hold).good()) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  const double rerun = rerun_too ? import_all("re-run") : 0;
  if (first < 0 || rerun < 0) return 1;
  std::printf("raw-bare     %8.2f s  %9.0f rows/s\n", bare, n / bare);
  std::printf("raw-indexed  %8.2f s  %9.0f rows/s\n", indexed, n / indexed);
  std::printf(
      "data-utama import / raw-bare = %.2f, / raw-indexed = %.2f (rows/s ratios; target >= 0.5)\n",
      bare / first, indexed / first);
  return 0;
}

}  // namespace
}  // namespace kinerja::employee::store

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines show up in a log as they happen
  bool rerun = true;
  bool log_statements = false;
  size_t agencies = std::numeric_limits<size_t>::max();
  std::string hold;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--no-rerun") {
      rerun = false;
    } else if (arg == "--log-statements") {
      log_statements = true;
    } else if (arg == "--agencies" && i + 1 < argc) {
      agencies = std::stoul(argv[++i]);
    } else if (arg == "--hold" && i + 1 < argc) {
      hold = argv[++i];
    } else if (dir.empty() && !arg.starts_with("--")) {
      dir = arg;
    } else {
      dir.clear();
      break;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr,
                 "usage: employee_import_bench [--no-rerun] [--hold FILE] [--log-statements] "
                 "[--agencies N] <kinerja-gen output dir>\n");
    return 2;
  }
  return kinerja::employee::store::Run(dir, rerun, hold, log_statements, agencies);
}
