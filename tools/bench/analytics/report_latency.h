// Step 2 of kinerja-analytics-bench: the latency of the analytics reports over the national read
// model, through the service's gRPC API with an auditor token (everything readable): the
// predicate distribution of the nation, by agency, of one agency by unit and of one unit's
// subtree, and compliance with the organisation-predicate bands of the nation and of one agency
// (breaking units first). Each report: warm-up calls, then `calls` calls one at a time and
// `calls` calls with `concurrency` in flight (closed loop); p50 and p99 of the OK answers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

namespace kinerja::bench::analytics {

struct ReportOptions {
  std::string addr;
  std::string token;  // an auditor's
  int year = 2025;
  std::string agency;  // the agency of the agency-scoped reports
  std::string unit;    // the root of the subtree report
  int calls = 300;
  int warmup = 20;
  int concurrency = 8;
  double target_p99_ms = 50;
};

struct ReportFigure {
  std::string name;  // e.g. "distribution_national"
  int concurrency = 1;
  long ok = 0;
  long errors = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double per_s = 0;
};

// Runs every report and prints a "report ..." line per report and concurrency, with what the
// answer held (rows, totals) as a check that it is the real thing. Figures of reports with no OK
// answer have ok == 0.
std::vector<ReportFigure> MeasureReports(const ReportOptions& options);

}  // namespace kinerja::bench::analytics
