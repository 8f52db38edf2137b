#include "services/employee/domain/assignment.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {

std::string_view AssignmentReasonName(AssignmentReason reason) {
  switch (reason) {
    case AssignmentReason::kInitial:
      return "INITIAL";
    case AssignmentReason::kTransfer:
      return "TRANSFER";
    case AssignmentReason::kPromotion:
      return "PROMOTION";
    case AssignmentReason::kDemotion:
      return "DEMOTION";
  }
  return "INITIAL";
}

absl::StatusOr<AssignmentReason> ParseAssignmentReason(std::string_view name) {
  for (AssignmentReason reason : {AssignmentReason::kInitial, AssignmentReason::kTransfer,
                                  AssignmentReason::kPromotion, AssignmentReason::kDemotion}) {
    if (name == AssignmentReasonName(reason)) return reason;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("reason: unknown assignment reason '", ToAbsl(name),
                   "'; expected INITIAL, TRANSFER, PROMOTION or DEMOTION"));
}

}  // namespace kinerja::employee
