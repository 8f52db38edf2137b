#include "services/employee/convert/events.h"

#include "services/employee/convert/resources.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::employee::convert {

v1::EmployeeTransferred TransferredEvent(const Employee& before, const EmployeeRecord& after,
                                         const TransferRequest& request) {
  v1::EmployeeTransferred event;
  *event.mutable_employee() = ToProto(after);
  event.set_from_position_id(before.position_id);
  event.set_from_unit_id(before.unit_id);
  rpc::DayToProto(request.effective_date, event.mutable_effective_date());
  // The proto enum numbers the domain's reasons in declaration order from 1.
  event.set_reason(static_cast<v1::AssignmentReason>(static_cast<int>(request.reason) + 1));
  return event;
}

}  // namespace kinerja::employee::convert
