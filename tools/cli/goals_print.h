// Text rendering of the goals service's resources: periods, SKP plans (with the regulation's
// terms: RHK utama / tambahan, IKI, Perilaku kerja (BerAKHLAK)) and the cascade tree.
#pragma once

#include <string>

#include "kinerja/goals/v1/goals_service.pb.h"
#include "kinerja/goals/v1/resources.pb.h"
#include "tools/cli/print.h"

namespace kinerja::cli {

// "APPROVED", "OPEN", "QUARTERLY": the enum name without its prefix; "-" for the zero value.
std::string PlanStateLabel(kinerja::goals::v1::PlanState state);
std::string PeriodStateLabel(kinerja::goals::v1::PeriodState state);

std::string FormatPeriod(const kinerja::goals::v1::Period& period);
Row PeriodHeader();
Row PeriodRow(const kinerja::goals::v1::Period& period);

// "Budi [Plt]  NIP 1986...  Pembina (IV/a)" and, on the next line, "position, unit".
std::string FormatPlanPerson(const kinerja::goals::v1::PlanPerson& person);

// The whole plan: header fields, the reporting line, the main and additional work results with
// their indicators, and the 7 behaviour expectations.
std::string FormatPlan(const kinerja::goals::v1::Plan& plan);
// "plan P1 (Andi): APPROVED, revision 1"
std::string FormatPlanSummary(const kinerja::goals::v1::Plan& plan);
Row PlanHeader();
Row PlanRow(const kinerja::goals::v1::Plan& plan);

// The tree indented two spaces a level (employee, position, state; each result with its text
// and how many results cascade from it), then the orphans and the uncovered results.
std::string FormatCascadeTree(const kinerja::goals::v1::CascadeTree& tree);

}  // namespace kinerja::cli
