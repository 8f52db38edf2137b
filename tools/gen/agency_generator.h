#ifndef KINERJA_TOOLS_GEN_AGENCY_GENERATOR_H_
#define KINERJA_TOOLS_GEN_AGENCY_GENERATOR_H_

#include <cstdint>

#include "tools/gen/ids.h"
#include "tools/gen/org_tree.h"
#include "tools/gen/people.h"
#include "tools/gen/writers.h"

namespace kinerja::gen {

struct AgencyTotals {
  int64_t units = 0;
  int64_t employees = 0;
  int64_t pppk = 0;
  int64_t vacancies = 0;
};

struct StaffingOptions {
  double pppk_share = 0.15;     // of all employees of the agency
  double vacancy_share = 0.03;  // of leader positions (the political head's excepted)
};

// Generates one agency (unit tree, leaders, staff) and streams its records to `writer`.
// Everything random comes from `seed`; ids and NIPs from the shared factories.
AgencyTotals GenerateAgency(const AgencySpec& agency, std::string_view agency_id, uint64_t seed,
                            const StaffingOptions& options, SiasnIdFactory& ids,
                            PersonFactory& people, DatasetWriter& writer);

}  // namespace kinerja::gen

#endif  // KINERJA_TOOLS_GEN_AGENCY_GENERATOR_H_
