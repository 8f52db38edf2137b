// Agency policy per unit (DOMAIN.md "Execution and periodic assessment": public satisfaction
// surveys, index IKM, measure the service quality of units that serve the public). A policy
// applies to its unit and, with include_subunits, to every unit below it; the nearest unit's
// policy wins as a whole.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

// agency_id and unit_id required (<= 64 bytes); survey_id, when set, a survey code (at most 64
// bytes of [A-Za-z0-9._-]) and only with public_service. INVALID_ARGUMENT listing violations
// ("agency_id", "unit_id", "survey_id").
absl::Status ValidateUnitPolicy(const UnitPolicy& policy);

// The units whose policies may apply to the plan, root first: plan.unit_path, or
// {employee.unit_id} when the path is not known (empty).
std::vector<std::string> PolicyUnitPath(const Plan& plan);

// The policy that applies to a plan whose unit path (root first, the plan's unit last) is
// `unit_path`: the plan's unit's own policy, else the nearest ancestor's policy that has
// include_subunits; nullopt when none applies. `policies` may hold any policies (others are
// ignored).
std::optional<UnitPolicy> ApplyingPolicy(const std::vector<std::string>& unit_path,
                                         const std::vector<UnitPolicy>& policies);

}  // namespace kinerja::goals
