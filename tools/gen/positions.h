#ifndef KINERJA_TOOLS_GEN_POSITIONS_H_
#define KINERJA_TOOLS_GEN_POSITIONS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gen/org_types.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {

// SIASN *jenis jabatan*: "1" structural, "2" certain functional, "4" general functional
// (executor, *pelaksana*).
enum class JobType : uint8_t { kStructural, kFunctional, kExecutor };
std::string_view JobTypeCode(JobType type);

// PNS ranks (*golongan/ruang*) I/a..IV/e as indices 0..16; national codes "11".."45".
inline constexpr int kGolonganCount = 17;
std::string_view GolonganCode(int index);
// PPPK grades I..XVII as text for grade 1..17.
std::string_view PppkGradeText(int grade);
// Usual minimum age for a first appointment at the given entry rank (school leavers at II/a,
// diploma at II/c, bachelors at III/a, professionals at III/b).
int EntryAge(int entry_golongan);

// One concrete position a person can hold, with what makes a holder plausible.
struct PositionSpec {
  std::string title;
  JobType type = JobType::kExecutor;
  int8_t golongan_min = 0;  // rank range held by PNS in this position (indices)
  int8_t golongan_max = 0;
  int8_t entry_golongan = 0;  // rank at first appointment (education level)
  int8_t age_min = 0;         // youngest plausible holder (leaders); 0: from the rank rules
  int8_t age_max = 57;        // oldest age still in office (retirement age - 1)
  float female_share = 0.5f;
  int8_t pppk_grade = 0;  // grade of a PPPK in this position
  int16_t job = -1;       // functional family or executor row, for PPPK mapping
  int8_t level = -1;      // functional level (0..3 skilled, 4..7 expert), -1 for executors
};

// All positions of the generator: functional families expanded to their levels, executor
// positions, and the rank/age rules for leaders by echelon.
class PositionCatalog {
 public:
  static const PositionCatalog& Get();

  // A staff position for someone working in a unit with this profile and specialty.
  const PositionSpec& PickStaff(StaffProfile profile, Specialty specialty, Rng& rng) const;
  // The position a PPPK recruit would hold instead (PPPK enter at the first levels).
  const PositionSpec& ForPppk(const PositionSpec& position, Rng& rng) const;
  // Rank and age rules for a structural leader; the title comes from the unit.
  const PositionSpec& Leader(Eselon eselon) const;
  // The functional position of a school or puskesmas head (*tugas tambahan*).
  const PositionSpec& FunctionalHead(StaffProfile profile, Rng& rng) const;

 private:
  PositionCatalog();
  const PositionSpec& Functional(int job, Rng& rng) const;
  const PositionSpec* AtLevel(int job, int level) const;

  std::vector<PositionSpec> positions_;
  std::vector<std::array<int, 8>> level_index_;  // per job: position index per level or -1
  std::vector<PositionSpec> leaders_;            // indexed by Eselon
};

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_POSITIONS_H_
