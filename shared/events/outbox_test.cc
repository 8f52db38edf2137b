// The outbox under concurrent writers: a reader that resumes after its last cursor must see
// every committed event exactly once, even though sequence numbers commit out of order.
#include <atomic>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "google/protobuf/timestamp.pb.h"
#include "shared/db/migrations.h"
#include "shared/db/transaction.h"
#include "shared/events/outbox_reader.h"
#include "shared/events/outbox_writer.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::events {
namespace {

using ::kinerja::testing::PgCluster;

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string db = PgCluster::Get().CreateDatabase("outbox");
    dsn_ = PgCluster::Get().ProvisionService(db, {"svc", "kinerja_outbox", "pw"});
    pqxx::connection conn(dsn_);
    ASSERT_TRUE(db::ApplyMigrations(conn, "svc", db::PlatformMigrations()).ok());
    auto pool = db::Pool::Create({.dsn = dsn_, .schema = "svc", .size = 10});
    ASSERT_TRUE(pool.ok());
    pool_ = *std::move(pool);
  }
  absl::Status Write(pqxx::work& tx, const std::string& id) {
    google::protobuf::Timestamp payload;
    payload.set_seconds(1);
    AppendEvent(tx, {"tester", "req"}, {"Thing", "thing", id, &payload});
    return absl::OkStatus();
  }
  std::string dsn_;
  std::unique_ptr<db::Pool> pool_;
};

TEST_F(OutboxTest, CursorRoundTripAndRejectsGarbage) {
  auto c = DecodeCursor(EncodeCursor({12345, 67}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->txid, 12345u);
  EXPECT_EQ(c->sequence, 67);
  EXPECT_EQ(DecodeCursor("").value().sequence, 0);
  EXPECT_EQ(DecodeCursor("12;3").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeCursor("x.1").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(OutboxTest, EventsCarryPayloadAndFilterByType) {
  ASSERT_TRUE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
                google::protobuf::Timestamp p;
                p.set_seconds(42);
                AppendEvent(tx, {"alice", "r-1"}, {"Created", "thing", "t1", &p});
                AppendEvent(tx, {"alice", "r-1"}, {"Deleted", "thing", "t1", &p});
                return absl::OkStatus();
              }).ok());
  auto events = db::RunInTransaction(
      *pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<common::v1::EventEnvelope>> {
        return FetchEvents(tx, {}, {"Deleted"}, 10);
      });
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  const auto& e = (*events)[0];
  EXPECT_EQ(e.type(), "Deleted");
  EXPECT_EQ(e.actor(), "alice");
  EXPECT_EQ(e.request_id(), "r-1");
  google::protobuf::Timestamp p;
  ASSERT_TRUE(e.payload().UnpackTo(&p));
  EXPECT_EQ(p.seconds(), 42);
}

TEST_F(OutboxTest, RolledBackEventsAreNeverDelivered) {
  auto failed = db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
    (void)Write(tx, "ghost");
    return absl::AbortedError("changed my mind");
  });
  EXPECT_FALSE(failed.ok());
  auto events = db::RunInTransaction(
      *pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<common::v1::EventEnvelope>> {
        return FetchEvents(tx, {}, {}, 10);
      });
  EXPECT_TRUE(events->empty());
}

// A reader of one type must not rescan the same rows of other types each time it is woken: the
// batch's scan position moves past them, and past the horizon when the batch is not full.
TEST_F(OutboxTest, AFilteredFetchMovesItsScanPastRowsOfOtherTypes) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
                  return Write(tx, "t" + std::to_string(i));
                }).ok());
  }
  auto fetch = [&](const Cursor& from, std::vector<std::string> types, int limit) {
    return db::RunInTransaction(*pool_, [&](pqxx::work& tx) -> absl::StatusOr<EventBatch> {
      return FetchEventBatch(tx, from, types, limit);
    });
  };
  auto wanted = fetch({}, {"Wanted"}, 10);
  ASSERT_TRUE(wanted.ok());
  EXPECT_TRUE(wanted->events.empty());
  auto rest = fetch(wanted->scanned, {}, 10);
  ASSERT_TRUE(rest.ok());
  EXPECT_TRUE(rest->events.empty()) << "the scan position is not past the rows of other types";
  for (const char* id : {"w1", "w2", "w3"}) {
    ASSERT_TRUE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
                  google::protobuf::Timestamp payload;
                  AppendEvent(tx, {"tester", "req"}, {"Wanted", "thing", id, &payload});
                  return absl::OkStatus();
                }).ok());
  }
  // A full batch stops at its last event; the next one goes on from there.
  auto first = fetch(wanted->scanned, {"Wanted"}, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->events.size(), 2u);
  EXPECT_EQ(EncodeCursor(first->scanned), first->events[1].cursor());
  auto second = fetch(first->scanned, {"Wanted"}, 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->events.size(), 1u);
  EXPECT_EQ(second->events[0].aggregate_id(), "w3");
}

// Only commits that wrote events wake the service's streams: not reads, not writes without
// events, not rolled-back transactions, and no NOTIFY goes to the database.
TEST_F(OutboxTest, OnlyCommittedEventsCallTheEventCommitListener) {
  std::atomic<int> woken{0};
  pool_->SetEventCommitListener([&] { ++woken; });
  ASSERT_TRUE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) { return Write(tx, "a"); }).ok());
  EXPECT_EQ(woken.load(), 1);
  ASSERT_TRUE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
                tx.exec("SELECT 1");
                return absl::OkStatus();
              }).ok());
  EXPECT_EQ(woken.load(), 1) << "a transaction without events woke the streams";
  EXPECT_FALSE(db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
                 (void)Write(tx, "ghost");
                 return absl::AbortedError("changed my mind");
               }).ok());
  EXPECT_EQ(woken.load(), 1) << "a rolled-back transaction woke the streams";
  auto events = db::RunInTransaction(
      *pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<common::v1::EventEnvelope>> {
        return FetchEvents(tx, {}, {}, 10);
      });
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->size(), 1u);
  EXPECT_EQ(woken.load(), 1) << "reading the outbox woke the streams";
  pqxx::connection conn(dsn_);
  pqxx::work tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                     "WHERE c.relname = 'outbox' AND NOT t.tgisinternal")[0]
                .as<int>(),
            0)
      << "the outbox has a trigger again (NOTIFY serialises writers' commits)";
  pool_->SetEventCommitListener(nullptr);
}

// A slow writer takes its sequence number first and commits last; a naive "sequence > N" reader
// would skip it. Writers here hold their transaction open for a random while after inserting.
TEST_F(OutboxTest, ConcurrentWritersNeverLoseEventsForAResumingReader) {
  constexpr int kWriters = 6;
  constexpr int kEventsPerWriter = 60;
  std::atomic<bool> done{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      std::mt19937 rng(w);
      for (int i = 0; i < kEventsPerWriter; ++i) {
        std::string id = std::to_string(w) + "-" + std::to_string(i);
        absl::Status s = db::RunInTransaction(*pool_, [&](pqxx::work& tx) {
          (void)Write(tx, id);
          std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
          return absl::OkStatus();
        });
        ASSERT_TRUE(s.ok()) << s;
      }
    });
  }
  std::multiset<std::string> seen;
  Cursor cursor;
  std::thread reader([&] {
    for (;;) {
      bool finished = done.load();
      auto batch = db::RunInTransaction(
          *pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<common::v1::EventEnvelope>> {
            return FetchEvents(tx, cursor, {}, 7);  // small pages: many resumes
          });
      ASSERT_TRUE(batch.ok()) << batch.status();
      for (const auto& e : *batch) {
        seen.insert(e.aggregate_id());
        cursor = DecodeCursor(e.cursor()).value();
      }
      if (finished && batch->empty()) return;
    }
  });
  for (auto& t : writers) t.join();
  done = true;
  reader.join();
  EXPECT_EQ(seen.size(), static_cast<size_t>(kWriters * kEventsPerWriter));
  std::set<std::string> distinct(seen.begin(), seen.end());
  EXPECT_EQ(distinct.size(), seen.size()) << "an event was delivered twice";
  auto rows = db::RunInTransaction(*pool_, [&](pqxx::work& tx) -> absl::StatusOr<int> {
    return tx.exec1("SELECT count(*) FROM outbox")[0].as<int>();
  });
  EXPECT_EQ(*rows, kWriters * kEventsPerWriter) << "rows in the outbox";
}

}  // namespace
}  // namespace kinerja::events
