#ifndef KINERJA_TOOLS_GEN_IDS_H_
#define KINERJA_TOOLS_GEN_IDS_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "tools/gen/dates.h"

namespace kinerja::gen {

// A SIASN record id: 32 uppercase hex characters, like the Oracle GUIDs SIASN hands out for
// persons, units (UNOR) and agencies (instansi).
struct SiasnId {
  std::array<char, 32> text{};

  std::string_view view() const { return {text.data(), text.size()}; }
};

enum class IdKind : uint64_t { kAgency = 1, kUnit = 2, kPerson = 3 };

// Hands out ids that look random but are unique by construction: the first 64 bits are a
// bijective mix of (kind, counter) keyed by the seed, so no two ids of a run can collide.
class SiasnIdFactory {
 public:
  explicit SiasnIdFactory(uint64_t seed);

  SiasnId Next(IdKind kind);

 private:
  uint64_t key_;
  uint64_t counters_[4] = {};
};

// Serial numbers for NIP (PNS) and NI PPPK. Both end in a 3-digit serial that must be unique
// among people sharing every other digit (birth date, appointment, sex), so the registry counts
// per such prefix. NIP digits 9-14 are a month and NI PPPK digits 13-14 are not (we write "21"),
// so the two spaces never collide.
class NipRegistry {
 public:
  static constexpr int kMaxSerial = 999;

  // 1..999 for a new NIP, or 0 when the prefix is exhausted (pick another appointment month).
  int NextPnsSerial(const Date& birth, const Date& appointment, int sex_digit);
  int NextPppkSerial(const Date& birth, int appointment_year, int sex_digit);

 private:
  int Next(uint64_t key);

  absl::flat_hash_map<uint64_t, uint16_t> used_;
};

// The two digits we put at NI PPPK positions 13-14 (their meaning varies between batches).
inline constexpr std::string_view kPppkMiddleCode = "21";

// NIP: birth yyyymmdd, first appointment yyyymm, sex digit (1 male, 2 female), serial 001-999.
void WritePnsNip(const Date& birth, const Date& appointment, int sex_digit, int serial,
                 char out[18]);
// NI PPPK: birth yyyymmdd, appointment yyyy, kPppkMiddleCode, sex digit, serial 001-999.
void WritePppkNi(const Date& birth, int appointment_year, int sex_digit, int serial, char out[18]);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_IDS_H_
