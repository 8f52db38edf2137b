// Remembers tokens that already passed verification, so a client that sends the same bearer
// token on every RPC pays the signature math once per token rather than once per call.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/auth/principal.h"

namespace kinerja::auth {

// Thread-safe. Sharded by a hash of the key so concurrent RPC threads rarely share a lock.
class TokenCache {
 public:
  struct Entry {
    Principal principal;
    // The instants between which the token is accepted, leeway already applied. The caller
    // checks them on every hit: a cached token still expires.
    absl::Time usable_from;
    absl::Time usable_until;
  };
  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
  };

  // `capacity` 0 disables the cache.
  explicit TokenCache(size_t capacity);

  // `key` is the token itself: the map compares whole tokens, so an entry is only ever found
  // by the exact token that was verified (a digest would cost a SHA-256 per call, measured at
  // ~4% of a service's CPU on its busiest read path).
  std::optional<Entry> Lookup(std::string_view key) const;
  // A full shard first drops entries that expired before `now`, then, if still full, all of
  // them: cheap and bounded, and a dropped token merely gets verified again.
  void Insert(std::string key, Entry entry, absl::Time now);
  void Erase(std::string_view key);
  // Forgets every entry (the keys they were verified with changed).
  void Clear();

  Stats stats() const;

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable absl::Mutex mu;
    absl::flat_hash_map<std::string, Entry> entries ABSL_GUARDED_BY(mu);
  };

  Shard& ShardFor(std::string_view key) const;

  const size_t shard_capacity_;
  mutable std::array<Shard, kShards> shards_;
  mutable std::atomic<uint64_t> hits_{0};
  mutable std::atomic<uint64_t> misses_{0};
};

}  // namespace kinerja::auth
