#include "shared/server/read_coalescer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "shared/server/worker_pool.h"

namespace kinerja::server {
namespace {

using ::testing::ElementsAre;

// Collects what each Load was answered.
class Answers {
 public:
  ReadCoalescer<std::string>::Done For(int index) {
    return [this, index](const absl::Status& status, const std::string* value) {
      absl::MutexLock lock(&mu_);
      got_[index] = !status.ok()       ? "error: " + std::string(status.message())
                    : value == nullptr ? "not found"
                                       : *value;
      ++count_;
    };
  }
  void WaitFor(int n) {
    absl::MutexLock lock(&mu_);
    auto done = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return count_ >= n; };
    mu_.Await(absl::Condition(&done));
  }
  int Count() {
    absl::MutexLock lock(&mu_);
    return count_;
  }
  std::string At(int index) {
    absl::MutexLock lock(&mu_);
    return got_[index];
  }

 private:
  absl::Mutex mu_;
  std::map<int, std::string> got_ ABSL_GUARDED_BY(mu_);
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};

// A fetch that records its batches and can be held until released.
class HeldFetch {
 public:
  ReadCoalescer<std::string>::Fetch Fn() {
    return [this](const std::vector<std::string>& keys)
               -> absl::StatusOr<absl::flat_hash_map<std::string, std::string>> {
      {
        absl::MutexLock lock(&mu_);
        batches_.push_back(keys);
        ++reading_;
        max_reading_ = std::max(max_reading_, reading_);
        auto released = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !held_; };
        mu_.Await(absl::Condition(&released));
        --reading_;
      }
      absl::flat_hash_map<std::string, std::string> found;
      for (const std::string& k : keys) {
        if (k.rfind("missing", 0) != 0) found[k] = "value of " + k;
      }
      return found;
    };
  }
  void Hold() {
    absl::MutexLock lock(&mu_);
    held_ = true;
  }
  void Release() {
    absl::MutexLock lock(&mu_);
    held_ = false;
  }
  // Waits until `n` fetches have started.
  void WaitForBatches(size_t n) {
    absl::MutexLock lock(&mu_);
    auto started = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return batches_.size() >= n; };
    mu_.Await(absl::Condition(&started));
  }
  std::vector<std::vector<std::string>> batches() {
    absl::MutexLock lock(&mu_);
    return batches_;
  }
  int max_reading() {
    absl::MutexLock lock(&mu_);
    return max_reading_;
  }

 private:
  absl::Mutex mu_;
  bool held_ ABSL_GUARDED_BY(mu_) = false;
  int reading_ ABSL_GUARDED_BY(mu_) = 0;
  int max_reading_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<std::vector<std::string>> batches_ ABSL_GUARDED_BY(mu_);
};

TEST(ReadCoalescerTest, LoneLoadIsReadAtOnce) {
  WorkerPool workers(2);
  HeldFetch fetch;
  Answers answers;
  ReadCoalescer<std::string> reads(&workers, fetch.Fn(), {.max_batch = 8, .max_in_flight = 1});
  reads.Load("e1", answers.For(0));
  answers.WaitFor(1);
  EXPECT_EQ(answers.At(0), "value of e1");
  EXPECT_THAT(fetch.batches(), ElementsAre(ElementsAre("e1")));
}

TEST(ReadCoalescerTest, LoadsQueuedWhileReadingShareTheNextBatch) {
  WorkerPool workers(2);
  HeldFetch fetch;
  Answers answers;
  std::vector<int> reported;  // by on_batch, before each batch is read (one at a time here)
  ReadCoalescer<std::string> reads(
      &workers, fetch.Fn(), {.max_batch = 8, .max_in_flight = 1, .on_batch = [&reported](int n) {
                               reported.push_back(n);
                             }});
  fetch.Hold();
  reads.Load("first", answers.For(0));
  fetch.WaitForBatches(1);
  // While the first batch reads, four more arrive (one key twice, one unknown).
  reads.Load("e1", answers.For(1));
  reads.Load("e2", answers.For(2));
  reads.Load("e1", answers.For(3));
  reads.Load("missing-1", answers.For(4));
  fetch.Release();
  answers.WaitFor(5);
  EXPECT_THAT(fetch.batches(),
              ElementsAre(ElementsAre("first"), ElementsAre("e1", "e2", "missing-1")));
  EXPECT_EQ(answers.At(0), "value of first");
  EXPECT_EQ(answers.At(1), "value of e1");
  EXPECT_EQ(answers.At(2), "value of e2");
  EXPECT_EQ(answers.At(3), "value of e1");
  EXPECT_EQ(answers.At(4), "not found");
  ReadCoalescer<std::string>::Stats stats = reads.stats();
  EXPECT_EQ(stats.batches, 2);
  EXPECT_EQ(stats.keys, 5);
  EXPECT_EQ(stats.largest_batch, 4);
  EXPECT_THAT(reported, ElementsAre(1, 4));
}

TEST(ReadCoalescerTest, BatchesAreCappedAndInFlightIsLimited) {
  WorkerPool workers(4);
  HeldFetch fetch;
  Answers answers;
  ReadCoalescer<std::string> reads(&workers, fetch.Fn(), {.max_batch = 3, .max_in_flight = 2});
  fetch.Hold();
  for (int i = 0; i < 10; ++i) reads.Load("k" + std::to_string(i), answers.For(i));
  fetch.WaitForBatches(2);
  fetch.Release();
  answers.WaitFor(10);
  size_t keys = 0;
  for (const auto& batch : fetch.batches()) {
    EXPECT_LE(batch.size(), 3u);
    keys += batch.size();
  }
  EXPECT_EQ(keys, 10u);
  EXPECT_LE(fetch.max_reading(), 2);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(answers.At(i), "value of k" + std::to_string(i));
}

TEST(ReadCoalescerTest, AFailedOrThrowingFetchAnswersEveryWaiter) {
  WorkerPool workers(2);
  Answers answers;
  std::atomic<int> calls{0};
  ReadCoalescer<std::string> reads(
      &workers,
      [&](const std::vector<std::string>& keys)
          -> absl::StatusOr<absl::flat_hash_map<std::string, std::string>> {
        if (calls++ == 0) return absl::UnavailableError("database down");
        throw std::runtime_error("bug in " + keys.front());
      },
      {.max_batch = 8, .max_in_flight = 1});
  reads.Load("a", answers.For(0));
  answers.WaitFor(1);
  reads.Load("b", answers.For(1));
  answers.WaitFor(2);
  EXPECT_EQ(answers.At(0), "error: database down");
  EXPECT_EQ(answers.At(1), "error: bug in b");
}

TEST(ReadCoalescerTest, ManyThreadsLoadingAllGetTheirOwnValue) {
  WorkerPool workers(4);
  HeldFetch fetch;
  Answers answers;
  constexpr int kThreads = 4, kEach = 200;
  {
    ReadCoalescer<std::string> reads(&workers, fetch.Fn(), {.max_batch = 16, .max_in_flight = 2});
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          const int n = t * kEach + i;
          reads.Load("k" + std::to_string(n), answers.For(n));
        }
      });
    }
    for (auto& t : threads) t.join();
    // Leaving the scope waits for every answer (the destructor drains).
  }
  EXPECT_EQ(answers.Count(), kThreads * kEach);
  for (int n = 0; n < kThreads * kEach; ++n) {
    ASSERT_EQ(answers.At(n), "value of k" + std::to_string(n));
  }
}

}  // namespace
}  // namespace kinerja::server
