// Step 1 of kinerja-analytics-bench: a national-size analytics read model, generated straight into
// the analytics schema by set-based SQL (queries/national.sql) instead of through millions of
// events, then its derived tables (predicate counters, every unit's compliance) computed by the
// store's own RebuildDerived, as an operator would after a bulk load.
//
// Shape (ASN numbers, rounded): 98 central agencies (ministries and agencies, Zipf-sized: the
// largest about 4 % of all employees, the smallest a few hundred), 38 provinces and 508 regencies
// and cities (log-normal sizes around 5,600; cities smaller), together 22 % / 12 % / 66 % of the
// employees. One unit per 25 employees in a 3- or 4-level tree (root, 6 % level 2, 30 % level 3,
// the rest level 4), each unit headed by one employee; one period per agency for the year, a plan
// per employee, annual assessments (95 % finalised) with a predicate mix that varies by unit,
// four finalised quarterly assessments for 5 % of the employees, and an organisation predicate
// for 90 % of the units. Tables no measured report reads (employees and positions: the plans
// carry who and where; realisations, indicators, per-value ratings, 360 summaries) stay empty.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::bench::analytics {

struct AgencyPlan {
  std::string id;
  std::string name;
  bool central = false;
  int employees = 0;
  int units = 0;
  int level2 = 0;  // units at level 2 (under the root)
  int level3 = 0;
  int64_t first_employee = 1;  // national number of its first employee (NIPs follow from it)
};

// The 644 agencies for `employees` employees in total (deterministic).
std::vector<AgencyPlan> PlanAgencies(int64_t employees);

struct NationalOptions {
  std::string dsn;  // the analytics service's role (its search_path is the analytics schema)
  int64_t employees = 4'300'000;
  int year = 2025;
};

struct NationalReadModel {
  int64_t agencies = 0;
  int64_t units = 0;
  int64_t employees = 0;
  int64_t annual_assessments = 0;
  int64_t periodic_assessments = 0;
  int64_t org_predicates = 0;
  int64_t unit_compliance = 0;
  int64_t units_breaking = 0;
  int64_t database_bytes = 0;
  double load_seconds = 0;     // rows, indexes, VACUUM ANALYZE
  double rebuild_seconds = 0;  // store::RebuildDerived
  double seconds = 0;          // everything, migrations and VACUUM ANALYZE included
};

// Applies the analytics migrations, refuses a read model that already has units, generates,
// rebuilds the derived tables and vacuums; logs each step's time to `log`.
absl::StatusOr<NationalReadModel> GenerateNational(const NationalOptions& options,
                                                   std::ostream& log);

}  // namespace kinerja::bench::analytics
