// Outbox payloads (kinerja/employee/v1/events.proto) that carry more than one resource.
#pragma once

#include "kinerja/employee/v1/events.pb.h"
#include "services/employee/domain/employee_record.h"
#include "services/employee/domain/transfer.h"

namespace kinerja::employee::convert {

// EmployeeTransferred: the employee after the transfer, where it came from, and the request's
// effective date and reason.
v1::EmployeeTransferred TransferredEvent(const Employee& before, const EmployeeRecord& after,
                                         const TransferRequest& request);

}  // namespace kinerja::employee::convert
