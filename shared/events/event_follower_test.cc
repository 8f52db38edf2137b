// The event follower against a real PostgreSQL and a scripted producer: effects and cursors
// commit together, a restart resumes after the last applied event, a failing effect leaves
// nothing behind and is retried, and lag and counts are exported.
#include "shared/events/event_follower.h"

#include <deque>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "absl/synchronization/mutex.h"
#include "shared/db/migrations.h"
#include "shared/db/transaction.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::events {
namespace {

using kinerja::common::v1::EventEnvelope;

EventEnvelope Event(int n) {
  EventEnvelope e;
  e.set_type("Thing");
  e.set_aggregate_id(std::to_string(n));
  e.set_cursor("c" + std::to_string(n));
  e.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(absl::Now()) - 2);
  return e;
}

// A producer holding events 1..n; a reader delivers those after the cursor, then blocks.
class ScriptedSource : public EventSource {
 public:
  class Reader : public EventReader {
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

  explicit ScriptedSource(int n) {
    for (int i = 1; i <= n; ++i) events_.push_back(Event(i));
  }
  absl::StatusOr<std::unique_ptr<EventReader>> Follow(
      const std::string& cursor, const std::vector<std::string>& types) override {
    absl::MutexLock lock(&mu_);
    follows_.push_back(cursor);
    EXPECT_EQ(types, std::vector<std::string>{"Thing"});
    std::deque<EventEnvelope> after;
    bool past = cursor.empty();
    for (const EventEnvelope& e : events_) {
      if (past) after.push_back(e);
      if (e.cursor() == cursor) past = true;
    }
    return std::make_unique<Reader>(std::move(after));
  }
  std::vector<std::string> follows() {
    absl::MutexLock lock(&mu_);
    return follows_;
  }

 private:
  std::vector<EventEnvelope> events_;
  absl::Mutex mu_;
  std::vector<std::string> follows_ ABSL_GUARDED_BY(mu_);
};

class EventFollowerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    using kinerja::testing::PgCluster;
    std::string db = PgCluster::Get().CreateDatabase("follower");
    std::string dsn = PgCluster::Get().ProvisionService(db, {"svc", "kinerja_svc", "pw-svc"});
    pqxx::connection conn(dsn);
    std::vector<db::Migration> migrations = db::PlatformMigrations();
    migrations.push_back({"svc/0001.sql", "CREATE TABLE things (id text PRIMARY KEY);"});
    ASSERT_TRUE(db::ApplyMigrations(conn, "svc", migrations).ok());
    auto pool = db::Pool::Create({.dsn = dsn, .schema = "svc", .size = 2});
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
  }

  // Inserts the event's aggregate id into `things`; fails for ids in `failing_`.
  PrepareEvent InsertThing() {
    return [this](const EventEnvelope& e) -> absl::StatusOr<EventEffect> {
      if (failing_.load() == std::stoi(e.aggregate_id())) {
        return EventEffect([](pqxx::work& tx) {
          tx.exec0("INSERT INTO things VALUES ('half-written')");
          return absl::FailedPreconditionError("refused");
        });
      }
      std::string id = e.aggregate_id();
      return EventEffect([id](pqxx::work& tx) {
        tx.exec_params0("INSERT INTO things VALUES ($1)", id);
        return absl::OkStatus();
      });
    };
  }
  int Things() {
    return *db::RunInTransaction(*pool_, [](pqxx::work& tx) -> absl::StatusOr<int> {
      return tx.exec1("SELECT count(*) FROM things")[0].as<int>();
    });
  }
  void AwaitApplied(EventFollower& follower, int n) {
    for (int i = 0; i < 500 && follower.applied() < n; ++i) absl::SleepFor(absl::Milliseconds(10));
    ASSERT_EQ(follower.applied(), n);
  }

  std::unique_ptr<db::Pool> pool_;
  std::atomic<int> failing_{0};
  metrics::Registry registry_;
};

TEST_F(EventFollowerTest, AppliesEventsWithTheirCursorAndResumesAfterARestart) {
  ScriptedSource source(3);
  {
    EventFollower follower(*pool_, source, {.name = "svc.things", .types = {"Thing"}},
                           InsertThing(), &registry_);
    follower.Start();
    AwaitApplied(follower, 3);
  }
  EXPECT_EQ(Things(), 3);
  EventFollower again(*pool_, source, {.name = "svc.things", .types = {"Thing"}}, InsertThing());
  EXPECT_EQ(*again.Cursor(), "c3");
  again.Start();
  absl::SleepFor(absl::Milliseconds(200));
  again.Stop();
  EXPECT_EQ(again.applied(), 0) << "nothing after c3: the restart must not re-apply";
  EXPECT_EQ(Things(), 3);
  std::vector<std::string> follows = source.follows();
  ASSERT_GE(follows.size(), 2u);
  EXPECT_EQ(follows.front(), "");
  EXPECT_EQ(follows.back(), "c3");
  std::string text = registry_.Render();
  EXPECT_NE(text.find("event_consumer_events_total{consumer=\"svc.things\"} 3"), std::string::npos)
      << text;
  EXPECT_NE(text.find("event_consumer_lag_seconds{consumer=\"svc.things\"}"), std::string::npos);
}

TEST_F(EventFollowerTest, AFailingEffectLeavesNothingAndIsRetriedFromTheStoredCursor) {
  ScriptedSource source(3);
  failing_ = 2;
  EventFollower follower(*pool_, source,
                         {.name = "svc.retry",
                          .types = {"Thing"},
                          .initial_backoff = absl::Milliseconds(20),
                          .max_backoff = absl::Milliseconds(40)},
                         InsertThing());
  follower.Start();
  AwaitApplied(follower, 1);
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(follower.applied(), 1) << "event 2 fails; event 3 must not be applied past it";
  EXPECT_EQ(*follower.Cursor(), "c1");
  EXPECT_EQ(Things(), 1) << "the failing effect's insert is rolled back";
  failing_ = 0;  // the cause is mended: the retry goes through
  AwaitApplied(follower, 3);
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c3");
  EXPECT_EQ(Things(), 3);
  EXPECT_GE(source.follows().size(), 2u);
}

}  // namespace
}  // namespace kinerja::events
