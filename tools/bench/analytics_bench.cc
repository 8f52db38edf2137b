// kinerja-analytics-bench: the analytics service's figures (tools/bench/run-analytics runs the
// steps against a throwaway cluster and the real services).
//
//   kinerja-analytics-bench generate --dsn DSN [--employees 4300000] [--year 2025]
//       A national-size read model in the analytics schema of DSN (the analytics role's DSN):
//       set-based SQL, then store::RebuildDerived (analytics/national.h).
//   kinerja-analytics-bench reports --addr HOST:PORT --token JWT --agency ID --unit ID
//       [--year 2025] [--calls 300] [--concurrency 8] [--target-p99-ms 50]
//       p50 / p99 of the distribution and compliance reports through the gRPC API, one call at a
//       time and --concurrency in flight (analytics/report_latency.h).
//   kinerja-analytics-bench lag --review-dsn DSN --analytics-dsn DSN --addr HOST:PORT --token JWT
//       [--year 2025] [--rate 2000] [--seconds 30] [--writers 4] [--marker-interval-ms 100]
//       Events-to-visible lag while AssessmentFinalised events are written into the review
//       service's outbox at --rate per second (analytics/event_lag.h).
//
// Each command ends with its machine-readable lines (docs/benchmarks.md):
//   figure analytics_<report>_p99[_c<C>] VALUE ms target < 50 met|short
//   figure analytics_lag_p99 VALUE ms target < 1000 met|short
//   figure analytics_write_rate VALUE per_s target >= RATE met|short
// (VALUE "none" when a measure got no answer). Exit status 1 when a step could not run, 2 on a
// usage error.
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "tools/bench/analytics/event_lag.h"
#include "tools/bench/analytics/national.h"
#include "tools/bench/analytics/report_latency.h"

namespace {

namespace ba = ::kinerja::bench::analytics;

constexpr char kUsage[] =
    "usage: kinerja-analytics-bench generate --dsn DSN [--employees 4300000] [--year 2025]\n"
    "       kinerja-analytics-bench reports --addr HOST:PORT --token JWT --agency ID --unit ID\n"
    "           [--year 2025] [--calls 300] [--concurrency 8] [--target-p99-ms 50]\n"
    "       kinerja-analytics-bench lag --review-dsn DSN --analytics-dsn DSN --addr HOST:PORT\n"
    "           --token JWT [--year 2025] [--rate 2000] [--seconds 30] [--writers 4]\n"
    "           [--marker-interval-ms 100]\n";

int Usage(const std::string& problem) {
  std::cerr << "kinerja-analytics-bench: " << problem << "\n" << kUsage;
  return 2;
}

// --flag value pairs; every flag must be in `known`, every `required` one present.
bool ParseFlags(int argc, char** argv, const std::set<std::string>& known,
                const std::set<std::string>& required, std::map<std::string, std::string>& flags,
                std::string& problem) {
  for (int i = 2; i < argc; ++i) {
    const std::string flag = argv[i];
    if (!known.contains(flag)) {
      problem = "unknown flag " + flag;
      return false;
    }
    if (i + 1 >= argc) {
      problem = flag + " needs a value";
      return false;
    }
    flags[flag] = argv[++i];
  }
  for (const std::string& flag : required) {
    if (!flags.contains(flag)) {
      problem = flag + " is required";
      return false;
    }
  }
  return true;
}

template <typename Number>
bool ReadNumber(const std::map<std::string, std::string>& flags, const std::string& flag,
                Number& out, std::string& problem) {
  auto it = flags.find(flag);
  if (it == flags.end()) return true;
  bool ok = false;
  if constexpr (std::is_floating_point_v<Number>) {
    ok = absl::SimpleAtod(it->second, &out) && out > 0;
  } else {
    ok = absl::SimpleAtoi(it->second, &out) && out > 0;
  }
  if (!ok) problem = flag + " must be a number > 0, got \"" + it->second + "\"";
  return ok;
}

const char* Verdict(bool met) { return met ? "met" : "short"; }

int Generate(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  std::string problem;
  ba::NationalOptions options;
  if (!ParseFlags(argc, argv, {"--dsn", "--employees", "--year"}, {"--dsn"}, flags, problem) ||
      !ReadNumber(flags, "--employees", options.employees, problem) ||
      !ReadNumber(flags, "--year", options.year, problem)) {
    return Usage(problem);
  }
  options.dsn = flags["--dsn"];
  absl::StatusOr<ba::NationalReadModel> model = ba::GenerateNational(options, std::cout);
  if (!model.ok()) {
    std::fprintf(stderr, "kinerja-analytics-bench: %s\n", model.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "generated agencies=%ld units=%ld employees=%ld annual=%ld periodic=%ld org_predicates=%ld "
      "unit_compliance=%ld breaking=%ld database_mb=%ld load_s=%.1f rebuild_s=%.1f seconds=%.1f\n",
      model->agencies, model->units, model->employees, model->annual_assessments,
      model->periodic_assessments, model->org_predicates, model->unit_compliance,
      model->units_breaking, model->database_bytes >> 20, model->load_seconds,
      model->rebuild_seconds, model->seconds);
  return 0;
}

int Reports(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  std::string problem;
  ba::ReportOptions options;
  if (!ParseFlags(argc, argv,
                  {"--addr", "--token", "--agency", "--unit", "--year", "--calls", "--concurrency",
                   "--target-p99-ms"},
                  {"--addr", "--token", "--agency", "--unit"}, flags, problem) ||
      !ReadNumber(flags, "--year", options.year, problem) ||
      !ReadNumber(flags, "--calls", options.calls, problem) ||
      !ReadNumber(flags, "--concurrency", options.concurrency, problem) ||
      !ReadNumber(flags, "--target-p99-ms", options.target_p99_ms, problem)) {
    return Usage(problem);
  }
  options.addr = flags["--addr"];
  options.token = flags["--token"];
  options.agency = flags["--agency"];
  options.unit = flags["--unit"];
  const std::vector<ba::ReportFigure> figures = ba::MeasureReports(options);
  int status = 0;
  for (const ba::ReportFigure& f : figures) {
    const std::string name = "analytics_" + f.name + "_p99" +
                             (f.concurrency == 1 ? "" : absl::StrFormat("_c%d", f.concurrency));
    if (f.ok == 0) {
      std::printf("figure %s none ms target < %g short\n", name.c_str(), options.target_p99_ms);
      status = 1;
      continue;
    }
    std::printf("figure %s %.1f ms target < %g %s\n", name.c_str(), f.p99_ms, options.target_p99_ms,
                Verdict(f.errors == 0 && f.p99_ms < options.target_p99_ms));
  }
  return status;
}

int Lag(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  std::string problem;
  ba::LagOptions options;
  if (!ParseFlags(argc, argv,
                  {"--review-dsn", "--analytics-dsn", "--addr", "--token", "--year", "--rate",
                   "--seconds", "--writers", "--marker-interval-ms"},
                  {"--review-dsn", "--analytics-dsn", "--addr", "--token"}, flags, problem) ||
      !ReadNumber(flags, "--year", options.year, problem) ||
      !ReadNumber(flags, "--rate", options.rate, problem) ||
      !ReadNumber(flags, "--seconds", options.seconds, problem) ||
      !ReadNumber(flags, "--writers", options.writers, problem) ||
      !ReadNumber(flags, "--marker-interval-ms", options.marker_interval_ms, problem)) {
    return Usage(problem);
  }
  options.review_dsn = flags["--review-dsn"];
  options.analytics_dsn = flags["--analytics-dsn"];
  options.analytics_addr = flags["--addr"];
  options.token = flags["--token"];
  const ba::LagFigures lag = ba::MeasureLag(options);
  // A marker never seen is late beyond any bound.
  const bool all_seen = lag.visible > 0 && lag.visible == lag.markers;
  if (lag.visible > 0) {
    std::printf("figure analytics_lag_p99 %.0f ms target < 1000 %s\n", lag.p99_ms,
                Verdict(all_seen && lag.p99_ms < 1000));
  } else {
    std::printf("figure analytics_lag_p99 none ms target < 1000 short\n");
  }
  const double rate = std::round(lag.per_s);
  std::printf("figure analytics_write_rate %.0f per_s target >= %.0f %s\n", rate, options.rate,
              Verdict(rate >= options.rate));
  return lag.ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage("a command is required");
  const std::string command = argv[1];
  if (command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "generate") return Generate(argc, argv);
  if (command == "reports") return Reports(argc, argv);
  if (command == "lag") return Lag(argc, argv);
  return Usage("unknown command " + command);
}
