#ifndef KINERJA_TOOLS_GEN_ORG_TREE_H_
#define KINERJA_TOOLS_GEN_ORG_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tools/gen/org_types.h"
#include "tools/gen/places.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {

// Who leads a unit: the elected head (NON-ASN, no NIP) at the root, a structural official, or
// a functional with an extra task (school and puskesmas heads).
enum class LeaderKind : uint8_t { kPoliticalHead, kStructural, kFunctional };

// One organisational unit (*unit organisasi*, UNOR) before ids and people are attached.
struct Unit {
  int32_t parent = -1;
  std::string name;          // namaUnor
  std::string leader_title;  // namaJabatan
  Eselon eselon = Eselon::kNone;
  LeaderKind leader_kind = LeaderKind::kStructural;
  StaffProfile profile = StaffProfile::kAdmin;
  Specialty specialty = Specialty::kGeneral;
  float staff_weight = 0;  // relative number of direct staff (not counting the leader)
};

struct AgencySpec {
  AgencyKind kind = AgencyKind::kCity;
  std::string place;  // "Kupang"
  std::string name;   // "Pemerintah Kota Kupang"
  Region region = Region::kMixed;
  int64_t employees = 0;
};

// Builds a unit tree sized for `agency.employees`: the number of offices, their depth (bidang,
// seksi), schools, puskesmas, hospitals, kecamatan and kelurahan all grow with the headcount so
// that units keep realistic sizes. Units come in depth-first order (parents before children);
// units[0] is the root, led by the political head.
std::vector<Unit> BuildOrgTree(const AgencySpec& agency, Rng& rng);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_ORG_TREE_H_
