#ifndef KINERJA_TOOLS_GEN_UNIT_CATALOG_H_
#define KINERJA_TOOLS_GEN_UNIT_CATALOG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gen/org_types.h"
#include "tools/gen/places.h"

namespace kinerja::gen {

// The kind of leader position a template unit has; its echelon depends on the agency kind
// (a provincial dinas head is II.a, a city one II.b).
enum class Role : uint8_t {
  kSekda,            // Sekretaris Daerah
  kAssistant,        // Asisten
  kBureau,           // Biro (provinces)
  kPart,             // Bagian
  kSubPart,          // Subbagian / Subbidang
  kOfficeHead,       // Kepala Dinas / Badan / Inspektur / Kasatpol PP / Sekretaris DPRD
  kOfficeSecretary,  // Sekretaris of an office
  kDivision,         // Bidang, Inspektur Pembantu
  kSection,          // Seksi
  kCamat,
  kSekcam,
  kLurah,
  kBranchHead,  // Kepala Cabang Dinas (provinces)
  kHospitalDirector,
  kFunctionalHead,  // head of a school or puskesmas: a functional with an extra task
};

Eselon EselonFor(Role role, AgencyKind kind);

// Where a top-level office takes the agency's bulk service units.
enum class BulkHost : uint8_t { kNone, kEducation, kHealth };

// A unit with the sub-units it may have. Sub-units appear when the office is detailed enough:
// depth 1 (sekretariat, bidang) first, then depth 2 (subbagian, seksi), and so on.
struct UnitTemplate {
  std::string name;
  std::string title;  // the leader's position title (*nama jabatan*)
  Role role = Role::kDivision;
  Specialty specialty = Specialty::kGeneral;
  StaffProfile leaf_profile = StaffProfile::kAdmin;  // staff mix when the unit is a leaf
  float leaf_weight = 1.0f;  // relative leaf size (Satpol PP squads are bigger)
  std::vector<UnitTemplate> children;
};

// A top-level office (*perangkat daerah*) of an agency.
struct OfficeTemplate {
  UnitTemplate unit;
  bool mandatory = false;  // kept even in the smallest agency
  BulkHost bulk = BulkHost::kNone;
};

// Offices of an agency kind, most essential first.
const std::vector<OfficeTemplate>& OfficeTemplates(AgencyKind kind);

// A hospital (*RSUD*) with its divisions; `name` like "Rumah Sakit Umum Daerah Kota Kupang".
UnitTemplate HospitalTemplate(std::string_view name);
// A kecamatan office with its sekretariat and sections (kelurahan are added separately).
UnitTemplate KecamatanTemplate(std::string_view place);

// "Kepala X", "Sekretaris Y" for "Sekretariat Y", "Camat Z" for "Kecamatan Z", ...
std::string DefaultLeaderTitle(std::string_view unit_name);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_UNIT_CATALOG_H_
