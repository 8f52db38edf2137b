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
