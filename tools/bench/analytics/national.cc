#include "tools/bench/analytics/national.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "services/analytics/store/migrations.h"
#include "services/analytics/store/rebuild.h"
#include "shared/db/migrations.h"
#include "shared/db/query.h"
#include "shared/db/sql_array.h"
#include "tools/bench/analytics/queries.h"

namespace kinerja::bench::analytics {
namespace {

using Clock = std::chrono::steady_clock;
namespace q = queries;

constexpr int kCentral = 98;
constexpr int kProvinces = 38;
constexpr int kRegencies = 508;  // kabupaten and kota
constexpr double kCentralShare = 0.22;
constexpr double kProvinceShare = 0.12;
constexpr int kEmployeesPerUnit = 25;
constexpr int kMinAgency = 20;

// The big tables whose secondary indexes are built after the load (much faster than keeping
// them up to date row by row).
const std::vector<std::string> kLoadedTables = {"units", "plans", "assessments"};
// Every table written here, for ANALYZE and VACUUM (the role owns no others).
constexpr char kLoadedTablesList[] = "agencies, units, periods, plans, assessments, org_predicates";
constexpr char kDerivedTablesList[] = "predicate_counts, agency_predicate_counts, unit_compliance";

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string IntList(const std::vector<int>& v) {
  return absl::StrCat("{", absl::StrJoin(v, ","), "}");
}

}  // namespace

std::vector<AgencyPlan> PlanAgencies(int64_t employees) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::lognormal_distribution<double> lognormal(0.0, 0.5);
  std::vector<AgencyPlan> plans;
  std::vector<double> weights;
  double harmonic = 0;
  for (int i = 1; i <= kCentral; ++i) harmonic += 1.0 / i;
  for (int i = 1; i <= kCentral; ++i) {
    plans.push_back({.id = absl::StrFormat("c%03d", i),
                     .name = absl::StrFormat("Kementerian/Lembaga %03d", i),
                     .central = true});
    weights.push_back(kCentralShare * (1.0 / i) / harmonic);
  }
  std::vector<double> factors;
  for (int i = 1; i <= kProvinces; ++i) factors.push_back(0.5 + uniform(rng));
  double sum = std::accumulate(factors.begin(), factors.end(), 0.0);
  for (int i = 1; i <= kProvinces; ++i) {
    plans.push_back({.id = absl::StrFormat("p%02d", i),
                     .name = absl::StrFormat("Pemerintah Provinsi %02d", i)});
    weights.push_back(kProvinceShare * factors[i - 1] / sum);
  }
  factors.clear();
  for (int i = 1; i <= kRegencies; ++i) {
    // Every fifth is a city: smaller than a regency.
    factors.push_back(lognormal(rng) * (i % 5 == 0 ? 0.6 : 1.0));
  }
  sum = std::accumulate(factors.begin(), factors.end(), 0.0);
  for (int i = 1; i <= kRegencies; ++i) {
    plans.push_back(
        {.id = absl::StrFormat("r%03d", i),
         .name = absl::StrFormat("Pemerintah %s %03d", i % 5 == 0 ? "Kota" : "Kabupaten", i)});
    weights.push_back((1.0 - kCentralShare - kProvinceShare) * factors[i - 1] / sum);
  }
  int64_t total = 0;
  for (size_t i = 0; i < plans.size(); ++i) {
    plans[i].employees =
        std::max<int>(kMinAgency, static_cast<int>(std::llround(weights[i] * employees)));
    total += plans[i].employees;
  }
  plans[0].employees += static_cast<int>(employees - total);  // the largest takes the rounding
  int64_t next = 1;
  for (AgencyPlan& a : plans) {
    a.units = std::max(3, static_cast<int>(std::lround(a.employees / double{kEmployeesPerUnit})));
    a.level2 = std::max(1, static_cast<int>(std::lround(a.units * 0.06)));
    a.level3 = std::max(1, static_cast<int>(std::lround(a.units * 0.30)));
    a.level3 = std::min(a.level3, a.units - 1 - a.level2);
    a.first_employee = next;
    next += a.employees;
  }
  return plans;
}

absl::StatusOr<NationalReadModel> GenerateNational(const NationalOptions& options,
                                                   std::ostream& log) {
  const Clock::time_point start = Clock::now();
  NationalReadModel out;
  try {
    pqxx::connection conn(options.dsn);
    std::vector<db::Migration> migrations = db::PlatformMigrations();
    for (db::Migration& m : kinerja::analytics::AnalyticsMigrations()) {
      migrations.push_back(std::move(m));
    }
    absl::StatusOr<db::MigrationReport> migrated =
        db::ApplyMigrations(conn, "analytics", migrations);
    if (!migrated.ok()) return migrated.status();
    {
      pqxx::work tx(conn);
      if (tx.exec1("SELECT count(*) FROM units")[0].as<int64_t>() > 0) {
        return absl::FailedPreconditionError(
            "the analytics read model already has units: generate into an empty schema");
      }
    }
    {
      // Big sorts and hashes in memory; no JIT (compiling the rebuild's statements took a third
      // of their time here).
      pqxx::nontransaction session(conn);
      session.exec(
          "SET temp_buffers = '512MB'; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; "
          "SET synchronous_commit = off; SET jit = off");
    }
    const std::vector<AgencyPlan> agencies = PlanAgencies(options.employees);
    const Clock::time_point load_start = Clock::now();
    auto step = [&](const std::string& what, auto&& work) {
      const Clock::time_point began = Clock::now();
      pqxx::work tx(conn);
      work(tx);
      tx.commit();
      log << absl::StrFormat("generate: %-32s %7.1f s\n", what, SecondsSince(began));
      log.flush();
    };
    auto vacuum = [&](const std::string& what, const char* tables) {
      const Clock::time_point began = Clock::now();
      pqxx::nontransaction session(conn);
      session.exec(absl::StrCat("VACUUM (ANALYZE) ", tables));
      log << absl::StrFormat("generate: %-32s %7.1f s\n", what, SecondsSince(began));
      log.flush();
    };
    std::vector<std::pair<std::string, std::string>> indexes;
    step("agencies", [&](pqxx::work& tx) {
      tx.exec(q::kCreateHelpers.sql);
      std::vector<std::string> ids, names;
      std::vector<int> sizes, units, level2, level3;
      std::string central = "{", first = "{";
      for (const AgencyPlan& a : agencies) {
        ids.push_back(a.id);
        names.push_back(a.name);
        sizes.push_back(a.employees);
        units.push_back(a.units);
        level2.push_back(a.level2);
        level3.push_back(a.level3);
        absl::StrAppend(&central, central.size() > 1 ? "," : "", a.central ? "t" : "f");
        absl::StrAppend(&first, first.size() > 1 ? "," : "", a.first_employee);
      }
      central += "}";
      first += "}";
      db::Exec(tx, q::kLoadGenAgencies, db::TextArrayLiteral(ids), db::TextArrayLiteral(names),
               central, IntList(sizes), IntList(units), IntList(level2), IntList(level3), first);
      db::Exec(tx, q::kInsertAgencies);
      for (const pqxx::row& row :
           db::Exec(tx, q::kSecondaryIndexes, db::TextArrayLiteral(kLoadedTables))) {
        indexes.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
        tx.exec("DROP INDEX " + tx.quote_name(row[0].as<std::string>()));
      }
    });
    step("units", [&](pqxx::work& tx) { db::Exec(tx, q::kInsertUnits); });
    step("periods", [&](pqxx::work& tx) { db::Exec(tx, q::kInsertPeriods, options.year); });
    step("staff (temporary)", [&](pqxx::work& tx) {
      tx.exec(q::kCreateStaff.sql);
      db::Exec(tx, q::kInsertStaff);
    });
    step("plans", [&](pqxx::work& tx) { db::Exec(tx, q::kInsertPlans, options.year); });
    step("annual assessments",
         [&](pqxx::work& tx) { db::Exec(tx, q::kInsertAnnualAssessments, options.year); });
    step("periodic assessments",
         [&](pqxx::work& tx) { db::Exec(tx, q::kInsertPeriodicAssessments, options.year); });
    step("organisation predicates", [&](pqxx::work& tx) {
      db::Exec(tx, q::kInsertOrgPredicates, options.year);
      tx.exec("DROP TABLE gen_staff");
    });
    step(absl::StrCat(indexes.size(), " secondary indexes"), [&](pqxx::work& tx) {
      for (const auto& [name, definition] : indexes) tx.exec(definition);
    });
    // VACUUM now (not only ANALYZE, which the rebuild's plans need): it also leaves autovacuum
    // nothing to do with the fresh rows while the reports are measured.
    vacuum("vacuum analyze (loaded tables)", kLoadedTablesList);
    out.load_seconds = SecondsSince(load_start);
    const Clock::time_point rebuild_start = Clock::now();
    absl::Status rebuilt = absl::OkStatus();
    step("store::RebuildDerived",
         [&](pqxx::work& tx) { rebuilt = kinerja::analytics::store::RebuildDerived(tx); });
    if (!rebuilt.ok()) return rebuilt;
    out.rebuild_seconds = SecondsSince(rebuild_start);
    vacuum("vacuum analyze (derived tables)", kDerivedTablesList);
    pqxx::work tx(conn);
    const pqxx::row size = db::Exec(tx, q::kReadModelSize)[0];
    out.agencies = size[0].as<int64_t>();
    out.units = size[1].as<int64_t>();
    out.employees = size[2].as<int64_t>();  // a plan each
    out.annual_assessments = size[3].as<int64_t>();
    out.periodic_assessments = size[4].as<int64_t>();
    out.org_predicates = size[5].as<int64_t>();
    out.unit_compliance = size[8].as<int64_t>();
    out.units_breaking = size[9].as<int64_t>();
    out.database_bytes = size[10].as<int64_t>();
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("generating the national read model: ", e.what()));
  }
  out.seconds = SecondsSince(start);
  return out;
}

}  // namespace kinerja::bench::analytics
