#ifndef KINERJA_TOOLS_GEN_ORG_TYPES_H_
#define KINERJA_TOOLS_GEN_ORG_TYPES_H_

#include <cstdint>
#include <string_view>

namespace kinerja::gen {

// Structural echelon (*eselon*) of a unit's leader position.
enum class Eselon : uint8_t { kNone, kIb, kIIa, kIIb, kIIIa, kIIIb, kIVa, kIVb };

// SIASN eselon code ("12" for I.b ... "42" for IV.b); empty for kNone.
std::string_view EselonCode(Eselon eselon);

// What kind of people work in a unit; drives the position mix of its staff.
enum class StaffProfile : uint8_t {
  kAdmin,            // leaf office unit (bidang, seksi, subbagian, ...)
  kAdminHub,         // office unit with sub-units: few direct staff, mostly functional
  kTerritorial,      // kelurahan
  kSchoolBasic,      // SD, SLB
  kSchoolSecondary,  // SMP, SMA, SMK
  kPuskesmas,
  kHospital,
  kPolicing,      // Satpol PP
  kFirefighting,  // Damkar
  kNone,          // the political head's root unit: no staff of its own
};

// The trade of an office (its functional positions), inherited by its sub-units.
enum class Specialty : uint8_t {
  kGeneral,
  kGovernment,
  kEducationOffice,
  kHealthOffice,
  kInspectorate,
  kPlanning,
  kPersonnel,
  kFinance,
  kRevenue,
  kPublicWorks,
  kCivilRegistry,
  kTransport,
  kSocial,
  kEnvironment,
  kCommunication,
  kAgriculture,
  kFisheries,
  kLibrary,
  kManpower,
  kTrade,
  kTourism,
  kFamily,
  kCooperatives,
  kProcurement,
  kLaw,
  kFire,
  kPolicing,
};

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_ORG_TYPES_H_
