#ifndef KINERJA_TOOLS_GEN_PLACES_H_
#define KINERJA_TOOLS_GEN_PLACES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gen/names.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {

// Regional government types (*kota*, *kabupaten*, *provinsi*).
enum class AgencyKind : uint8_t { kCity, kRegency, kProvince };

std::string_view AgencyKindCode(AgencyKind kind);    // "CITY", "REGENCY", "PROVINCE"
std::string_view HeadTitle(AgencyKind kind);         // "Wali Kota", "Bupati", "Gubernur"
std::string_view GovernmentPrefix(AgencyKind kind);  // "Pemerintah Kota " etc.

// A real place whose name we borrow for a synthetic agency.
struct AgencySeed {
  std::string_view place;
  AgencyKind kind;
  Region region;
};

std::span<const AgencySeed> AgencyCatalog();

// Hands out distinct local place names (for kecamatan, kelurahan, puskesmas, schools) within one
// agency: shuffled "Sukamaju", "Tanjung Harapan" style compounds, then numbered variants.
class PlaceNamer {
 public:
  explicit PlaceNamer(Rng& rng);

  const std::string& Next();

 private:
  std::vector<std::string> names_;
  size_t next_ = 0;
  std::string numbered_;
};

// "I", "II", ... for 1..3999 (wilayah numbers, PPPK grades).
std::string RomanNumeral(int value);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_PLACES_H_
