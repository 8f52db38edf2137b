#include "tools/bench/analytics/event_lag.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "kinerja/analytics/v1/analytics_service.grpc.pb.h"
#include "services/analytics/tests/event_builders.h"
#include "shared/db/change_context.h"
#include "shared/events/outbox_writer.h"
#include "tools/bench/analytics/queries.h"
#include "tools/bench/goals/closed_loop.h"
#include "tools/bench/goals/setup.h"

namespace kinerja::bench::analytics {
namespace {

namespace av1 = ::kinerja::analytics::v1;
namespace rv1 = ::kinerja::review::v1;
using ::kinerja::analytics::testing::AssessmentEvent;
using ::kinerja::analytics::testing::AssessmentSpec;

constexpr char kEventType[] = "AssessmentFinalised";

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Annual assessments of the read model to finalise (again): the drafts first, then finalised
// ones from a sample of the table's pages, shuffled.
std::vector<AssessmentSpec> SampleAssessments(const LagOptions& options, size_t wanted) {
  pqxx::connection conn(options.analytics_dsn);
  pqxx::work tx(conn);
  std::vector<AssessmentSpec> specs;
  for (const pqxx::row& r :
       db::Exec(tx, queries::kSampleAssessments, options.year, static_cast<int64_t>(wanted))) {
    specs.push_back({.id = r[0].as<std::string>(),
                     .plan = r[1].as<std::string>(),
                     .period = r[2].as<std::string>(),
                     .agency = r[3].as<std::string>(),
                     .year = options.year,
                     .unit = r[4].as<std::string>(),
                     .unit_head = r[5].as<bool>(),
                     .position_type = r[6].as<std::string>(),
                     .employee_id = r[7].as<std::string>(),
                     .nip = r[8].as<std::string>(),
                     .name = r[9].as<std::string>(),
                     .assessor_nip = r[10].as<std::string>(),
                     .assessor_name = r[11].as<std::string>()});
  }
  std::shuffle(specs.begin(), specs.end(), std::mt19937_64(7));
  return specs;
}

// Ratings for the predicate mix of the national read model (Sangat Baik 15 %, Baik 77 %, Butuh
// Perbaikan 5 %, Kurang 2 %, Sangat Kurang 1 %).
void DrawRatings(std::mt19937_64& rng, AssessmentSpec& spec) {
  const double r = std::uniform_real_distribution<double>(0, 1)(rng);
  struct Pair {
    double upto;
    rv1::Rating results, behaviour;
  };
  static constexpr Pair kPairs[] = {
      {0.15, rv1::RATING_ABOVE_EXPECTATION, rv1::RATING_ABOVE_EXPECTATION},
      {0.92, rv1::RATING_AS_EXPECTED, rv1::RATING_AS_EXPECTED},
      {0.97, rv1::RATING_BELOW_EXPECTATION, rv1::RATING_AS_EXPECTED},
      {0.99, rv1::RATING_AS_EXPECTED, rv1::RATING_BELOW_EXPECTATION},
      {2.00, rv1::RATING_BELOW_EXPECTATION, rv1::RATING_BELOW_EXPECTATION}};
  for (const Pair& p : kPairs) {
    if (r < p.upto) {
      spec.results = p.results;
      spec.behaviour = p.behaviour;
      return;
    }
  }
}

// One AssessmentFinalised in its own transaction through the kit's outbox writer.
void WriteEvent(pqxx::connection& conn, const AssessmentSpec& spec, const std::string& request) {
  rv1::AssessmentChanged payload = AssessmentEvent(spec);
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  payload.mutable_assessment()->mutable_finalise_time()->set_seconds(
      std::chrono::duration_cast<std::chrono::seconds>(now).count());
  pqxx::work tx(conn);
  events::AppendEvent(tx,
                      db::ChangeContext{.actor = "kinerja-analytics-bench", .request_id = request},
                      {kEventType, "assessment", spec.id, &payload});
  tx.commit();
}

struct Marker {
  std::string agency{};
  Clock::time_point committed{};
  std::optional<Clock::time_point> visible{};
};

class Markers {
 public:
  void Add(Marker m) {
    std::lock_guard<std::mutex> lock(mu_);
    all_.push_back(std::move(m));
  }
  // The oldest marker not seen yet (its index), if any.
  std::optional<size_t> Oldest() {
    std::lock_guard<std::mutex> lock(mu_);
    while (next_ < all_.size() && all_[next_].visible.has_value()) ++next_;
    if (next_ >= all_.size()) return std::nullopt;
    return next_;
  }
  std::string Agency(size_t i) {
    std::lock_guard<std::mutex> lock(mu_);
    return all_[i].agency;
  }
  void Seen(size_t i, Clock::time_point at) {
    std::lock_guard<std::mutex> lock(mu_);
    all_[i].visible = at;
  }
  std::vector<Marker> Snapshot() {
    std::lock_guard<std::mutex> lock(mu_);
    return {all_.begin(), all_.end()};
  }

 private:
  std::mutex mu_;
  std::deque<Marker> all_;
  size_t next_ = 0;
};

// True when analytics' distribution of `agency` counts a finalised assessment.
bool Visible(av1::AnalyticsService::Stub& stub, const LagOptions& options,
             const std::string& agency, std::string* error) {
  av1::GetPredicateDistributionRequest request;
  request.mutable_scope()->set_year(options.year);
  request.mutable_scope()->set_agency_id(agency);
  av1::DistributionReport report;
  std::unique_ptr<grpc::ClientContext> ctx = CallContext(options.token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::Status status = stub.GetPredicateDistribution(ctx.get(), request, &report);
  if (!status.ok()) {
    *error = CodeName(status.error_code()) + ": " + status.error_message();
    return false;
  }
  return report.totals().total() > 0;
}

}  // namespace

LagFigures MeasureLag(const LagOptions& options) {
  LagFigures out;
  const long total = std::lround(options.rate * options.seconds);
  std::vector<AssessmentSpec> specs;
  try {
    specs = SampleAssessments(options, static_cast<size_t>(total));
  } catch (const std::exception& e) {
    std::printf("lag: sampling the read model's assessments failed: %s\n", e.what());
    return out;
  }
  if (specs.empty()) {
    std::printf("lag: the read model has no annual assessments of %d to finalise\n", options.year);
    return out;
  }
  std::printf(
      "== load: %ld AssessmentFinalised events at %.0f/s for %d s (%d writers, %zu "
      "distinct assessments), a marker every %d ms\n",
      total, options.rate, options.seconds, options.writers, specs.size(),
      options.marker_interval_ms);
  std::fflush(stdout);

  auto stub = av1::AnalyticsService::NewStub(Channel(options.analytics_addr, 0));
  {
    std::string error;
    Visible(*stub, options, "lag-probe", &error);
    if (!error.empty()) {
      std::printf("lag: analytics does not answer GetPredicateDistribution: %s\n", error.c_str());
      return out;
    }
  }
  const std::string run = absl::StrCat("lag-", getpid(), "-");
  Markers markers;
  std::atomic<bool> load_done{false};
  std::atomic<bool> failed{false};
  std::atomic<long> next{0};
  std::atomic<long> committed{0};
  std::mutex stats_mu;
  double behind_max_ms = 0;
  Clock::time_point last_commit;
  const Clock::time_point t0 = Clock::now() + std::chrono::milliseconds(200);

  std::vector<std::thread> writers;
  for (int w = 0; w < options.writers; ++w) {
    writers.emplace_back([&, w] {
      try {
        pqxx::connection conn(options.review_dsn);
        std::mt19937_64 rng(100 + w);
        for (long i = next++; i < total && !failed; i = next++) {
          const Clock::time_point due =
              t0 + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(static_cast<double>(i) / options.rate));
          std::this_thread::sleep_until(due);
          const double behind = Ms(Clock::now() - due);
          AssessmentSpec spec = specs[static_cast<size_t>(i) % specs.size()];
          DrawRatings(rng, spec);
          WriteEvent(conn, spec, absl::StrCat(run, "load-", i));
          const Clock::time_point done = Clock::now();
          ++committed;
          std::lock_guard<std::mutex> lock(stats_mu);
          behind_max_ms = std::max(behind_max_ms, behind);
          last_commit = std::max(last_commit, done);
        }
      } catch (const std::exception& e) {
        std::printf("lag: writer %d failed: %s\n", w, e.what());
        failed = true;
      }
    });
  }
  std::thread marker_writer([&] {
    try {
      pqxx::connection conn(options.review_dsn);
      std::this_thread::sleep_until(t0);
      for (long n = 0; !load_done && !failed; ++n) {
        const std::string agency = absl::StrCat(run, n);
        AssessmentSpec spec{.id = agency + ".a",
                            .plan = agency + ".pl",
                            .period = agency + ".period",
                            .agency = agency,
                            .year = options.year,
                            .unit = agency + ".u1",
                            .employee_id = agency + ".e",
                            .nip = agency,
                            .name = "Penanda " + agency};
        WriteEvent(conn, spec, agency);
        markers.Add({.agency = agency, .committed = Clock::now()});
        std::this_thread::sleep_for(std::chrono::milliseconds(options.marker_interval_ms));
      }
    } catch (const std::exception& e) {
      std::printf("lag: marker writer failed: %s\n", e.what());
      failed = true;
    }
  });
  std::atomic<bool> polling_done{false};
  std::string poll_error;
  std::thread poller([&] {
    while (!polling_done) {
      std::optional<size_t> oldest = markers.Oldest();
      if (!oldest.has_value()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_interval_ms));
        continue;
      }
      std::string error;
      if (Visible(*stub, options, markers.Agency(*oldest), &error)) {
        markers.Seen(*oldest, Clock::now());
        continue;  // the next one may be visible too: ask at once
      }
      if (!error.empty() && poll_error.empty()) poll_error = error;
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_interval_ms));
    }
  });

  for (std::thread& t : writers) t.join();
  load_done = true;
  marker_writer.join();
  const double load_seconds = Ms(last_commit - t0) / 1000.0;
  const Clock::time_point drain_until =
      Clock::now() + std::chrono::seconds(options.drain_timeout_seconds);
  while (Clock::now() < drain_until && markers.Oldest().has_value()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  polling_done = true;
  poller.join();

  out.events = committed;
  out.per_s = load_seconds > 0 ? static_cast<double>(out.events) / load_seconds : 0;
  out.behind_max_ms = behind_max_ms;
  Latencies lags;
  for (const Marker& m : markers.Snapshot()) {
    ++out.markers;
    if (!m.visible.has_value()) continue;
    ++out.visible;
    lags.Add(Ms(*m.visible - m.committed));
  }
  out.p50_ms = lags.Percentile(0.50);
  out.p99_ms = lags.Percentile(0.99);
  out.max_ms = lags.Percentile(1.0);
  out.ok = !failed && out.visible > 0;
  std::printf("writes events=%ld seconds=%.2f per_s=%.1f behind_max_ms=%.1f\n", out.events,
              load_seconds, out.per_s, out.behind_max_ms);
  std::printf("lag markers=%ld visible=%ld p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", out.markers,
              out.visible, out.p50_ms, out.p99_ms, out.max_ms);
  if (!poll_error.empty()) std::printf("  a poll failed: %s\n", poll_error.c_str());
  std::fflush(stdout);
  return out;
}

}  // namespace kinerja::bench::analytics
