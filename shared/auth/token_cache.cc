#include "shared/auth/token_cache.h"

#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "shared/text/text.h"

namespace kinerja::auth {
TokenCache::TokenCache(size_t capacity)
    : shard_capacity_(capacity == 0 ? 0 : (capacity + kShards - 1) / kShards) {}

TokenCache::Shard& TokenCache::ShardFor(std::string_view key) const {
  return shards_[absl::HashOf(ToAbsl(key)) % kShards];
}

std::optional<TokenCache::Entry> TokenCache::Lookup(std::string_view key) const {
  if (shard_capacity_ == 0) return std::nullopt;
  Shard& shard = ShardFor(key);
  {
    absl::ReaderMutexLock lock(&shard.mu);
    auto it = shard.entries.find(ToAbsl(key));
    if (it != shard.entries.end()) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      return it->second;
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  return std::nullopt;
}

void TokenCache::Insert(std::string key, Entry entry, absl::Time now) {
  if (shard_capacity_ == 0) return;
  Shard& shard = ShardFor(key);
  absl::MutexLock lock(&shard.mu);
  if (shard.entries.size() >= shard_capacity_ && !shard.entries.contains(key)) {
    absl::erase_if(shard.entries, [now](const auto& kv) { return kv.second.usable_until < now; });
    if (shard.entries.size() >= shard_capacity_) shard.entries.clear();
  }
  shard.entries.insert_or_assign(std::move(key), std::move(entry));
}

void TokenCache::Erase(std::string_view key) {
  if (shard_capacity_ == 0) return;
  Shard& shard = ShardFor(key);
  absl::MutexLock lock(&shard.mu);
  shard.entries.erase(ToAbsl(key));
}

void TokenCache::Clear() {
  for (Shard& shard : shards_) {
    absl::MutexLock lock(&shard.mu);
    shard.entries.clear();
  }
}

TokenCache::Stats TokenCache::stats() const {
  return Stats{.hits = hits_.load(std::memory_order_relaxed),
               .misses = misses_.load(std::memory_order_relaxed)};
}

}  // namespace kinerja::auth
