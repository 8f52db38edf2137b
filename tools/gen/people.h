#ifndef KINERJA_TOOLS_GEN_PEOPLE_H_
#define KINERJA_TOOLS_GEN_PEOPLE_H_

#include <string>
#include <string_view>

#include "tools/gen/dates.h"
#include "tools/gen/ids.h"
#include "tools/gen/names.h"
#include "tools/gen/positions.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {

enum class EmploymentStatus : uint8_t { kPns, kCpns, kPppk };
std::string_view EmploymentStatusCode(EmploymentStatus status);  // "PNS", "CPNS", "PPPK"

// One generated person. Reused from row to row, so the name keeps its capacity.
struct Person {
  SiasnId id;
  char nip[18] = {};
  std::string name;
  Date birth;
  bool female = false;
  EmploymentStatus status = EmploymentStatus::kPns;
  std::string_view golongan;  // "31" for PNS, "IX" for PPPK
  Date tmt_cpns;              // first appointment (for PPPK: the contract start)
  Date tmt_jabatan;           // start in the current position

  std::string_view nip_view() const { return {nip, sizeof(nip)}; }
};

// Makes people whose age, rank, appointment date and NIP fit the position they hold at the
// reference date `as_of`, with national-id serials kept unique through `registry`.
class PersonFactory {
 public:
  PersonFactory(Date as_of, NipRegistry* registry) : as_of_(as_of), registry_(registry) {}

  // A PNS (or a CPNS, when first appointed less than a year before `as_of`).
  void MakePns(const PositionSpec& position, Region home, Rng& rng, Person* out);
  // A PPPK on a contract; `position` should come from PositionCatalog::ForPppk.
  void MakePppk(const PositionSpec& position, Region home, Rng& rng, Person* out);

 private:
  void MakeIdentity(const PositionSpec& position, Region home, Rng& rng, Person* out);
  Date BirthDateForAge(int age, Rng& rng) const;
  Date RandomDateBetween(Date from, Date to, Rng& rng) const;

  Date as_of_;
  NipRegistry* registry_;
};

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_PEOPLE_H_
