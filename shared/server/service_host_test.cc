// The host's /healthz on a real service process: JSON with the database's state and the
// followers and details a service registered, 200 while the database answers and 503 (still
// JSON, still listing the consumers) while it does not.
#include "shared/server/service_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <deque>
#include <nlohmann/json.hpp>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "shared/events/event_follower.h"
#include "shared/server/service_main.h"
#include "tests/harness/pg_cluster.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::server {
namespace {

using kinerja::common::v1::EventEnvelope;

// Events 1..n (occurred 2 s ago), then a stream that stays open until cancelled.
class ScriptedSource : public events::EventSource {
 public:
  explicit ScriptedSource(int n) : n_(n) {}
  absl::StatusOr<std::unique_ptr<events::EventReader>> Follow(
      const std::string& cursor, const std::vector<std::string>&) override {
    std::deque<EventEnvelope> events;
    for (int i = 1; i <= n_; ++i) {
      if (!cursor.empty() && i <= std::stoi(cursor.substr(1))) continue;
      EventEnvelope e;
      e.set_type("Thing");
      e.set_cursor("c" + std::to_string(i));
      e.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(absl::Now()) - 2);
      events.push_back(e);
    }
    return std::make_unique<Reader>(std::move(events));
  }

 private:
  class Reader : public events::EventReader {
   public:
    explicit Reader(std::deque<EventEnvelope> events) : events_(std::move(events)) {}
    bool Read(EventEnvelope* event) override {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return cancelled_ || !events_.empty();
      };
      mu_.Await(absl::Condition(&ready));
      if (cancelled_) return false;
      *event = events_.front();
      events_.pop_front();
      return true;
    }
    void Cancel() override {
      absl::MutexLock lock(&mu_);
      cancelled_ = true;
    }
    absl::Status Finish() override { return absl::CancelledError("cancelled"); }

   private:
    absl::Mutex mu_;
    std::deque<EventEnvelope> events_ ABSL_GUARDED_BY(mu_);
    bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  };
  const int n_;
};

// A service with no gRPC API of its own: one follower (started) and one that never starts, both
// watched, and two health details (one not JSON).
class FollowingParts final : public ServiceParts {
 public:
  explicit FollowingParts(ServiceHost& host)
      : source_(3),
        follower_(host.pool(), source_,
                  {.name = "hosttest.things", .types = {"Thing"}, .max_batch = 8},
                  [](const EventEnvelope&) -> absl::StatusOr<events::EventEffect> {
                    return events::EventEffect();  // the cursor only
                  }),
        idle_(host.pool(), source_, {.name = "hosttest.idle", .types = {"Thing"}},
              [](const EventEnvelope&) -> absl::StatusOr<events::EventEffect> {
                return absl::InternalError("never started");
              }) {
    host.WatchFollower(follower_);
    host.WatchFollower(idle_);
    host.AddHealthDetail("read_models", [] { return R"({"rebuilding":false,"tables":2})"; });
    host.AddHealthDetail("note", [] { return "not json"; });
  }
  std::vector<grpc::Service*> services() override { return {}; }
  void StartBackground() override { follower_.Start(); }
  void StopBackground() override { follower_.Stop(); }
  const events::EventFollower& follower() const { return follower_; }

 private:
  ScriptedSource source_;
  events::EventFollower follower_;
  events::EventFollower idle_;
};

ServiceDefinition FollowingDefinition() {
  return ServiceDefinition{
      .program = "kinerja-hosttest",
      .summary = "A service that only follows events.",
      .options = {},
      .settings = {.name = "hosttest",
                   .grpc_service = "kinerja.hosttest.v1.Nothing",
                   .migrations = {}},
      .wire = [](const config::Config&,
                 ServiceHost& host) -> absl::StatusOr<std::unique_ptr<ServiceParts>> {
        return std::make_unique<FollowingParts>(host);
      }};
}

class ServiceHostTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    issuer_ = new kinerja::testing::TestIssuer();
    std::string db = kinerja::testing::PgCluster::Get().CreateDatabase("host");
    running_ = kinerja::testing::StartInProcess(FollowingDefinition(), db, *issuer_, {}).release();
  }
  static void TearDownTestSuite() {
    delete running_;
    delete issuer_;
  }

  static httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", running_->host().metrics_port());
    client.set_read_timeout(5, 0);
    return client.Get(path.c_str());
  }
  // /healthz once it answers `status` (the monitor probes the database every 2 s).
  static httplib::Result AwaitHealth(int status) {
    absl::Time deadline = absl::Now() + absl::Seconds(20);
    httplib::Result health = Get("/healthz");
    while ((!health || health->status != status) && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(100));
      health = Get("/healthz");
    }
    return health;
  }
  static const events::EventFollower& follower() {
    return static_cast<FollowingParts&>(running_->parts()).follower();
  }

  static kinerja::testing::TestIssuer* issuer_;
  static RunningService* running_;
};

kinerja::testing::TestIssuer* ServiceHostTest::issuer_ = nullptr;
RunningService* ServiceHostTest::running_ = nullptr;

TEST_F(ServiceHostTest, HealthzIsJsonWithTheDatabaseTheConsumersAndTheDetails) {
  for (int i = 0; i < 1000 && follower().applied() < 3; ++i) absl::SleepFor(absl::Milliseconds(10));
  ASSERT_EQ(follower().applied(), 3);
  httplib::Result health = AwaitHealth(200);
  ASSERT_TRUE(health);
  ASSERT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(health->get_header_value("Cache-Control"), "no-store");
  nlohmann::json body = nlohmann::json::parse(health->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["database"], "up");
  ASSERT_EQ(body["consumers"].size(), 2u) << body.dump();

  const nlohmann::json& things = body["consumers"][0];
  EXPECT_EQ(things["name"], "hosttest.things");
  EXPECT_EQ(things["connected"], true);
  EXPECT_EQ(things["applied"], 3);
  EXPECT_EQ(things["cursor"], "c3");
  ASSERT_TRUE(things["lag_seconds"].is_number()) << things.dump();
  EXPECT_GE(things["lag_seconds"].get<double>(), 1.5) << "the events occurred 2 s before";
  EXPECT_LT(things["lag_seconds"].get<double>(), 30);
  ASSERT_TRUE(things["last_applied_at"].is_string());
  EXPECT_THAT(things["last_applied_at"].get<std::string>(),
              ::testing::MatchesRegex(
                  R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z)"));
  EXPECT_TRUE(things["last_occurred_at"].is_string());
  EXPECT_EQ(things["last_error"], "");
  EXPECT_TRUE(things["last_error_at"].is_null());

  const nlohmann::json& idle = body["consumers"][1];
  EXPECT_EQ(idle["name"], "hosttest.idle");
  EXPECT_EQ(idle["connected"], false);
  EXPECT_EQ(idle["applied"], 0);
  EXPECT_TRUE(idle["lag_seconds"].is_null()) << "nothing applied yet";
  EXPECT_TRUE(idle["last_applied_at"].is_null());

  EXPECT_EQ(body["read_models"], nlohmann::json::parse(R"({"rebuilding":false,"tables":2})"));
  EXPECT_EQ(body["note"], "not json");
}

TEST_F(ServiceHostTest, HealthzIs503AndStillJsonWhileTheDatabaseIsDown) {
  ASSERT_TRUE(AwaitHealth(200));
  kinerja::testing::PgCluster::Get().Stop();
  httplib::Result down = AwaitHealth(503);
  kinerja::testing::PgCluster::Get().Start();
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503);
  EXPECT_EQ(down->get_header_value("Content-Type"), "application/json");
  nlohmann::json body = nlohmann::json::parse(down->body);
  EXPECT_EQ(body["status"], "unavailable");
  EXPECT_EQ(body["database"], "down");
  EXPECT_EQ(body["consumers"].size(), 2u);

  httplib::Result up = AwaitHealth(200);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 200) << "the monitor sees the database again";
}

}  // namespace
}  // namespace kinerja::server
