// Compliance with the organisation-predicate bands, "by how much" (resources.proto
// BandViolation.excess_percent / excess_staff). The bands and when a rule is broken are the
// review service's (shared/rating distribution module: "at most p %" broken when count * 100 >
// p * unit_staff; "at least p %" and "at least N" broken only when they can no longer be met,
// counting staff not finalised yet as possibly meeting them). Here, for a broken rule:
//  - AT_MOST p %:   excess_percent = actual % - p;
//                   excess_staff = count - floor(p * unit_staff / 100) (the fewest of its staff
//                   whose predicate would have to be another for the rule to hold).
//  - AT_LEAST p %:  excess_percent = p - (count + pending) * 100 / unit_staff (percentage points
//                   short, even if every pending person got the predicate);
//                   excess_staff = ceil(p * unit_staff / 100) - (count + pending).
//  - AT_LEAST N:    excess_staff = N - (count + pending); excess_percent = excess_staff * 100 /
//                   unit_staff (the shortfall as a share of the unit).
// A rule that holds has no excess (0, 0). A unit's excess_staff (its place in the report) is the
// largest of its violations': the rules can be repaired by moving the same people.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kinerja::analytics {

enum class BandBound { kAtMostPercent, kAtLeastPercent, kAtLeastCount };

// The bound of a rule by its stable name ("SANGAT_BAIK_AT_MOST 70%", "KURANG_AT_LEAST 60%",
// "BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1"); nullopt for a name of another shape.
std::optional<BandBound> BoundOfRule(std::string_view rule_name);

struct BandCheck {
  BandBound bound = BandBound::kAtMostPercent;
  int count = 0;       // finalised staff with one of the rule's predicates
  int pending = 0;     // staff not finalised yet
  int unit_staff = 0;  // the denominator
  int limit = 0;       // percent, or count for kAtLeastCount
};

struct BandExcess {
  double excess_percent = 0;
  int excess_staff = 0;
  friend bool operator==(const BandExcess&, const BandExcess&) = default;
};

// By how much `check` breaks its rule ({0, 0} when it holds or unit_staff is 0).
BandExcess ExcessOf(const BandCheck& check);

// A unit's excess staff: the largest of its violations' (0 for none).
int UnitExcessStaff(const std::vector<BandExcess>& violations);

}  // namespace kinerja::analytics
