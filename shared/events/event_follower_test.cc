// The event follower against a real PostgreSQL and a scripted producer: effects and cursors
// commit together, a restart resumes after the last applied event, a failing effect leaves
// nothing behind and is retried, and lag and counts are exported. With batches: fewer
// transactions, the last cursor stored, a failing event isolated from the rest of its batch,
// non-durable commits; and the status an operator reads.
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
    // The test cluster commits without waiting for flushes; this database waits, as production
    // does, so that a follower's non-durable commits can be told apart.
    pqxx::connection admin(PgCluster::Get().AdminDsn(db));
    pqxx::nontransaction(admin).exec0("ALTER DATABASE " + admin.quote_name(db) +
                                      " SET synchronous_commit = on");
    pqxx::connection conn(dsn);
    std::vector<db::Migration> migrations = db::PlatformMigrations();
    // Each row records the transaction that inserted it and that transaction's
    // synchronous_commit, to count batches and to see non-durable commits.
    migrations.push_back({"svc/0001.sql",
                          "CREATE TABLE things (id text PRIMARY KEY, "
                          "tx bigint NOT NULL DEFAULT txid_current(), "
                          "sync text NOT NULL DEFAULT current_setting('synchronous_commit'));"});
    ASSERT_TRUE(db::ApplyMigrations(conn, "svc", migrations).ok());
    auto pool = db::Pool::Create({.dsn = dsn, .schema = "svc", .size = 2});
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
  }

  // Inserts the event's aggregate id into `things`; the effect of event `failing_` fails after
  // a write, the preparation of event `failing_prepare_` fails; event `slow_` is prepared slowly
  // (so that the events after it queue up behind it).
  PrepareEvent InsertThing() {
    return [this](const EventEnvelope& e) -> absl::StatusOr<EventEffect> {
      const int n = std::stoi(e.aggregate_id());
      if (slow_.load() == n) absl::SleepFor(absl::Milliseconds(300));
      if (failing_prepare_.load() == n) return absl::UnavailableError("lookup failed");
      if (failing_.load() == n) {
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
  // One row per value of `sql`, e.g. the distinct transactions or settings of `things`.
  std::vector<std::string> Column(const std::string& sql) {
    return *db::RunInTransaction(*pool_,
                                 [&](pqxx::work& tx) -> absl::StatusOr<std::vector<std::string>> {
                                   std::vector<std::string> out;
                                   for (const auto& row : tx.exec(sql))
                                     out.push_back(row[0].as<std::string>());
                                   return out;
                                 });
  }
  void AwaitApplied(EventFollower& follower, int n) {
    for (int i = 0; i < 1000 && follower.applied() < n; ++i) absl::SleepFor(absl::Milliseconds(10));
    ASSERT_EQ(follower.applied(), n);
  }

  std::unique_ptr<db::Pool> pool_;
  std::atomic<int> failing_{0};
  std::atomic<int> failing_prepare_{0};
  std::atomic<int> slow_{0};
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
  EXPECT_EQ(Column("SELECT DISTINCT sync FROM things"), std::vector<std::string>{"on"})
      << "durable commits by default";
  EXPECT_EQ(Column("SELECT DISTINCT tx FROM things").size(), 3u) << "one transaction per event";
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

FollowerOptions Batched(std::string name, int max_batch) {
  return {.name = std::move(name),
          .types = {"Thing"},
          .initial_backoff = absl::Milliseconds(20),
          .max_backoff = absl::Milliseconds(40),
          .max_batch = max_batch};
}

TEST_F(EventFollowerTest, BatchesApplyManyEventsInFewerTransactionsAndStoreTheLastCursor) {
  ScriptedSource source(200);
  EventFollower follower(*pool_, source, Batched("svc.batch", 50), InsertThing(), &registry_);
  follower.Start();
  AwaitApplied(follower, 200);
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c200");
  EXPECT_EQ(Things(), 200);
  const size_t transactions = Column("SELECT DISTINCT tx FROM things").size();
  EXPECT_GE(transactions, 4u) << "at most 50 events a transaction";
  EXPECT_LE(transactions, 20u) << "events already queued are applied together";
  EXPECT_EQ(Column("SELECT max(n) FROM (SELECT count(*) AS n FROM things GROUP BY tx) t"),
            std::vector<std::string>{"50"})
      << "a full batch once the reader is ahead, never more than max_batch";
  // Every event's lag is observed (2 to 3 s: the scripted events occurred 2 s before).
  std::string text = registry_.Render();
  EXPECT_NE(text.find("event_consumer_lag_seconds_histogram_count{consumer=\"svc.batch\"} 200"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("event_consumer_lag_seconds_histogram_bucket{consumer=\"svc.batch\",le=\"1\"} 0"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "event_consumer_lag_seconds_histogram_bucket{consumer=\"svc.batch\",le=\"60\"} 200"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("event_consumer_events_total{consumer=\"svc.batch\"} 200"),
            std::string::npos);
}

// With a backoff of 500 ms, a follower that reached event `n` without reconnecting applied the
// events before a failure in the same stream, not one reconnection at a time.
FollowerOptions SlowRetries(std::string name) {
  return {.name = std::move(name),
          .types = {"Thing"},
          .initial_backoff = absl::Milliseconds(500),
          .max_backoff = absl::Milliseconds(500),
          .max_batch = 16};
}

TEST_F(EventFollowerTest, AFailingEventInABatchIsIsolatedAndRetriedAndNothingAfterItIsApplied) {
  ScriptedSource source(10);
  slow_ = 1;     // events 2..10 queue up while event 1 is prepared: a batch of them follows
  failing_ = 5;  // fails that batch
  EventFollower follower(*pool_, source, SlowRetries("svc.isolate"), InsertThing());
  follower.Start();
  AwaitApplied(follower, 4);
  EXPECT_EQ(source.follows().size(), 1u)
      << "events 2..4 are applied one by one after their batch failed, in the same stream";
  slow_ = 0;
  absl::SleepFor(absl::Milliseconds(1200));  // retries
  EXPECT_EQ(follower.applied(), 4) << "event 5 fails; nothing after it is applied";
  EXPECT_EQ(*follower.Cursor(), "c4") << "the events before it in its batch are kept";
  EXPECT_EQ(Column("SELECT id FROM things ORDER BY id"),
            (std::vector<std::string>{"1", "2", "3", "4"}))
      << "no half-written row, nothing after event 5";
  FollowerStatus status = follower.Status();
  EXPECT_EQ(status.last_error, "refused");
  EXPECT_GT(status.last_error_at, absl::Now() - absl::Seconds(5));
  EXPECT_EQ(status.cursor, "c4");
  std::vector<std::string> follows = source.follows();
  ASSERT_GE(follows.size(), 2u) << "retried after the backoff";
  EXPECT_EQ(follows.back(), "c4") << "from the stored cursor";

  failing_ = 0;  // the cause is mended: the retry goes through
  AwaitApplied(follower, 10);
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c10");
  EXPECT_EQ(Things(), 10);
}

TEST_F(EventFollowerTest, AFailingPreparationInABatchAppliesTheEventsBeforeIt) {
  ScriptedSource source(8);
  slow_ = 1;
  failing_prepare_ = 4;
  EventFollower follower(*pool_, source, SlowRetries("svc.prepare"), InsertThing());
  follower.Start();
  AwaitApplied(follower, 3);
  EXPECT_EQ(source.follows().size(), 1u) << "events 2..3 are applied before event 4 is retried";
  slow_ = 0;
  absl::SleepFor(absl::Milliseconds(700));
  EXPECT_EQ(follower.applied(), 3);
  EXPECT_EQ(*follower.Cursor(), "c3");
  EXPECT_EQ(follower.Status().last_error, "lookup failed");
  EXPECT_GE(source.follows().size(), 2u);
  failing_prepare_ = 0;
  AwaitApplied(follower, 8);
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c8");
  EXPECT_EQ(Things(), 8);
}

// One effect per batch: inserts every event's id with one statement, and records each call's
// size; the batch holding event `failing_` fails after a write.
PrepareBatch InsertThings(std::atomic<int>& failing, std::vector<size_t>& sizes) {
  return [&failing, &sizes](std::span<const EventEnvelope> batch) -> absl::StatusOr<EventEffect> {
    sizes.push_back(batch.size());
    std::string values;
    bool fails = false;
    for (const EventEnvelope& e : batch) {
      if (std::stoi(e.aggregate_id()) == failing.load()) fails = true;
      values += (values.empty() ? "('" : ",('") + e.aggregate_id() + "')";
    }
    return EventEffect([values, fails](pqxx::work& tx) {
      tx.exec0("INSERT INTO things VALUES " + values);
      if (fails) return absl::FailedPreconditionError("refused");
      return absl::OkStatus();
    });
  };
}

TEST_F(EventFollowerTest, ABatchPreparedAsOneEffectIsOneTransactionAndIsolatesAFailingEvent) {
  ScriptedSource source(40);
  std::atomic<int> failing{25};
  std::vector<size_t> sizes;  // written by the follower's thread only, read after Stop
  {
    EventFollower follower(*pool_, source, SlowRetries("svc.as-one"), InsertThings(failing, sizes));
    follower.Start();
    AwaitApplied(follower, 24);
    absl::SleepFor(absl::Milliseconds(700));
    EXPECT_EQ(follower.applied(), 24) << "event 25 fails; nothing after it is applied";
    EXPECT_EQ(*follower.Cursor(), "c24");
    EXPECT_EQ(Things(), 24) << "the failing batch's insert is rolled back";
    failing = 0;
    AwaitApplied(follower, 40);
    follower.Stop();
  }
  EXPECT_EQ(Things(), 40);
  EXPECT_LE(Column("SELECT DISTINCT tx FROM things").size(), 40u - 10u)
      << "batches of several events share one transaction";
  EXPECT_GT(*std::max_element(sizes.begin(), sizes.end()), 1u) << "called with whole batches";
  EXPECT_NE(std::find(sizes.begin(), sizes.end(), 1u), sizes.end())
      << "and one event at a time after a batch failed";
}

// Two replicas of a service run the same follower: one leads, the other waits, and takes over
// once the leader stops; every event is applied once.
TEST_F(EventFollowerTest, OneReplicaLeadsAConsumerAndAStandbyTakesOverWhenItStops) {
  ScriptedSource source(30);
  EventFollower first(*pool_, source, Batched("svc.replicas", 8), InsertThing());
  EventFollower second(*pool_, source, Batched("svc.replicas", 8), InsertThing());
  first.Start();
  AwaitApplied(first, 30);
  second.Start();
  for (int i = 0; i < 100 && !second.Status().standby; ++i) absl::SleepFor(absl::Milliseconds(10));
  EXPECT_TRUE(second.Status().standby) << "the first replica holds the consumer";
  EXPECT_FALSE(first.Status().standby);
  first.Stop();
  for (int i = 0; i < 300 && second.Status().standby; ++i) absl::SleepFor(absl::Milliseconds(10));
  EXPECT_FALSE(second.Status().standby) << "the standby takes over after the leader stopped";
  EXPECT_TRUE(second.Status().connected);
  second.Stop();
  EXPECT_EQ(second.applied(), 0) << "the new leader resumed after the stored cursor";
  EXPECT_EQ(*second.Cursor(), "c30");
  EXPECT_EQ(Things(), 30);
}

// A leader that lost its lock's session without noticing while another replica moved on: its
// next transaction sees the cursor moved, writes nothing, and it resumes from the stored cursor.
TEST_F(EventFollowerTest, ATransactionWritesNothingWhenAnotherReplicaMovedTheCursor) {
  ScriptedSource source(6);
  std::atomic<bool> release{false};
  PrepareEvent insert = InsertThing();
  // Event 3 waits until the cursor has been moved under the follower.
  PrepareEvent held = [&](const EventEnvelope& e) {
    while (e.aggregate_id() == "3" && !release.load()) absl::SleepFor(absl::Milliseconds(5));
    return insert(e);
  };
  EventFollower follower(*pool_, source,
                         {.name = "svc.moved",
                          .types = {"Thing"},
                          .initial_backoff = absl::Milliseconds(20),
                          .max_backoff = absl::Milliseconds(40)},
                         held);
  follower.Start();
  AwaitApplied(follower, 2);
  // Another replica applied events 3 and 4 (their rows and its cursor).
  ASSERT_TRUE(db::RunInTransaction(*pool_, [](pqxx::work& tx) {
                tx.exec0("INSERT INTO things (id) VALUES ('3'), ('4')");
                tx.exec0("UPDATE event_cursors SET cursor = 'c4' WHERE consumer = 'svc.moved'");
                return absl::OkStatus();
              }).ok());
  release = true;
  AwaitApplied(follower, 4);  // 5 and 6, after resuming from c4
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c6");
  EXPECT_EQ(Column("SELECT id FROM things ORDER BY id"),
            (std::vector<std::string>{"1", "2", "3", "4", "5", "6"}))
      << "3 and 4 once each: the stale transaction wrote nothing";
  EXPECT_NE(follower.Status().last_error.find("another replica moved the cursor"),
            std::string::npos)
      << follower.Status().last_error;
}

TEST_F(EventFollowerTest, NonDurableCommitsStillStoreEffectsAndCursorTogether) {
  ScriptedSource source(20);
  failing_ = 15;
  FollowerOptions options = Batched("svc.fast", 8);
  options.durable_commit = false;
  EventFollower follower(*pool_, source, options, InsertThing());
  follower.Start();
  AwaitApplied(follower, 14);
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(*follower.Cursor(), "c14");
  EXPECT_EQ(Things(), 14);
  failing_ = 0;
  AwaitApplied(follower, 20);
  follower.Stop();
  EXPECT_EQ(*follower.Cursor(), "c20");
  EXPECT_EQ(Things(), 20);
  EXPECT_EQ(Column("SELECT DISTINCT sync FROM things"), std::vector<std::string>{"off"})
      << "every transaction of the follower commits without waiting for its flush";
  EXPECT_EQ(Column("SELECT current_setting('synchronous_commit')"), std::vector<std::string>{"on"})
      << "SET LOCAL: the pooled connection is left as it was";
  // Without batches too.
  EventFollower single(*pool_, source,
                       {.name = "svc.fast-single", .types = {"Thing"}, .durable_commit = false},
                       InsertThing());
  ASSERT_TRUE(single.Apply(Event(21)).ok());
  EXPECT_EQ(*single.Cursor(), "c21");
  EXPECT_EQ(Column("SELECT sync FROM things WHERE id = '21'"), std::vector<std::string>{"off"});
}

TEST_F(EventFollowerTest, StatusReportsConnectionAppliedEventsAndLag) {
  ScriptedSource source(3);
  EventFollower follower(*pool_, source, Batched("svc.status", 4), InsertThing());
  FollowerStatus before = follower.Status();
  EXPECT_EQ(before.name, "svc.status");
  EXPECT_FALSE(before.connected);
  EXPECT_EQ(before.applied, 0);
  EXPECT_EQ(before.cursor, "");
  EXPECT_EQ(before.last_applied_at, absl::InfinitePast());

  follower.Start();
  AwaitApplied(follower, 3);
  FollowerStatus status = follower.Status();
  EXPECT_TRUE(status.connected) << "the stream stays open after the backlog";
  EXPECT_EQ(status.applied, 3);
  EXPECT_EQ(status.cursor, "c3");
  EXPECT_GE(status.lag_seconds, 1.5) << "the scripted events occurred 2 s before";
  EXPECT_LT(status.lag_seconds, 30);
  EXPECT_NEAR(absl::ToDoubleSeconds(status.last_applied_at - status.last_occurred_at),
              status.lag_seconds, 1e-6);
  EXPECT_GT(status.last_applied_at, absl::Now() - absl::Seconds(30));
  EXPECT_EQ(status.last_error, "");
  EXPECT_EQ(status.last_error_at, absl::InfinitePast());

  absl::Time start = absl::Now();
  follower.Stop();
  EXPECT_LT(absl::Now() - start, absl::Seconds(1)) << "the blocked reader is cancelled";
  EXPECT_FALSE(follower.Status().connected);
  EXPECT_EQ(follower.Status().applied, 3);
}

TEST_F(EventFollowerTest, StopIsPromptWhileTheReaderIsAheadOfABusyApplyLoop) {
  ScriptedSource source(500);
  PrepareEvent inner = InsertThing();
  EventFollower follower(*pool_, source, Batched("svc.busy", 2),
                         [inner](const EventEnvelope& e) -> absl::StatusOr<EventEffect> {
                           absl::SleepFor(absl::Milliseconds(5));
                           return inner(e);
                         });
  follower.Start();
  for (int i = 0; i < 1000 && follower.applied() < 4; ++i) absl::SleepFor(absl::Milliseconds(10));
  ASSERT_GE(follower.applied(), 4);
  absl::Time start = absl::Now();
  follower.Stop();
  EXPECT_LT(absl::Now() - start, absl::Seconds(1)) << "the reader waits on a full queue";
  const int64_t applied = follower.applied();
  EXPECT_LT(applied, 500);
  EXPECT_EQ(*follower.Cursor(), "c" + std::to_string(applied));
  EXPECT_EQ(Things(), applied);
}

}  // namespace
}  // namespace kinerja::events
