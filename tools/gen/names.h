#ifndef KINERJA_TOOLS_GEN_NAMES_H_
#define KINERJA_TOOLS_GEN_NAMES_H_

#include <cstdint>
#include <string>

#include "tools/gen/rng.h"

namespace kinerja::gen {

// Naming traditions of Indonesia's regions; an agency has a home region and employees come
// mostly from it, the rest from the national mix. kMixed means "national mix only".
enum class Region : uint8_t {
  kJava,
  kSunda,
  kMalay,
  kAceh,
  kMinang,
  kBatak,
  kBanjar,
  kBugis,
  kBali,
  kNtt,
  kMinahasa,
  kMaluku,
  kPapua,
  kMixed,
};

// The background of one employee of an agency at home in `home`.
Region PickRegion(Region home, Rng& rng);

// Appends a plausible full name (no academic titles: SIASN keeps those in separate fields).
void AppendPersonName(Region region, bool female, Rng& rng, std::string* out);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_NAMES_H_
