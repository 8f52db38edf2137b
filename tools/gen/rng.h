#ifndef KINERJA_TOOLS_GEN_RNG_H_
#define KINERJA_TOOLS_GEN_RNG_H_

#include <cstddef>
#include <cstdint>
#include <span>

namespace kinerja::gen {

// SplitMix64 step: a bijective 64-bit mixer, also used to derive seeds and ids.
constexpr uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// xoshiro256**: small, fast and, unlike the standard distributions, gives the same stream on
// every platform and library version, which the byte-for-byte determinism promise needs.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) {
      seed = Mix64(seed);
      word = seed;
    }
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n); n must be positive. The bias (< n / 2^32) is irrelevant here.
  uint32_t Below(uint32_t n) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }

  // Uniform in [lo, hi], both inclusive; returns lo when hi < lo.
  int Between(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }

  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  bool Chance(double p) { return Unit() < p; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(static_cast<uint32_t>(items.size()))];
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t state_[4];
};

// A value with an integer weight, for weighted choices from small constant tables.
template <typename T>
struct Weighted {
  T value;
  int weight;
};

template <typename T>
const T& PickWeighted(std::span<const Weighted<T>> items, Rng& rng) {
  int total = 0;
  for (const auto& item : items) total += item.weight;
  int ticket = static_cast<int>(rng.Below(static_cast<uint32_t>(total)));
  for (const auto& item : items) {
    if (ticket < item.weight) return item.value;
    ticket -= item.weight;
  }
  return items.back().value;
}

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_RNG_H_
