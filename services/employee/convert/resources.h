// Conversions between the domain's records and the kinerja.employee.v1 resource protos: the API's
// responses, the payloads of the outbox events, and the responses stored for idempotent retries
// (one conversion, so live and replayed answers agree byte for byte).
#pragma once

#include "absl/status/statusor.h"
#include "kinerja/employee/v1/events.pb.h"
#include "kinerja/employee/v1/resources.pb.h"
#include "services/employee/domain/acting_official.h"
#include "services/employee/domain/agency.h"
#include "services/employee/domain/assignment.h"
#include "services/employee/domain/delegation.h"
#include "services/employee/domain/employee_record.h"
#include "services/employee/domain/org_unit.h"
#include "services/employee/domain/position_record.h"
#include "services/employee/domain/regional_head.h"

namespace kinerja::employee::convert {

// Etags are rpc::EtagFor(version); timestamps and dates are filled when set.
// Employee.rank is the golongan code ("31") for PNS and the roman grade ("IX") for PPPK;
// rank_label is "III/a Penata Muda" / "IX".
v1::Agency ToProto(const Agency& agency);
v1::OrgUnit ToProto(const OrgUnit& unit);
v1::Position ToProto(const Position& position);
v1::Employee ToProto(const EmployeeRecord& record);
v1::ActingOfficial ToProto(const ActingOfficial& acting);
v1::Assignment ToProto(const AssignmentRecord& assignment);
v1::AssessmentDelegation ToProto(const AssessmentDelegation& delegation);
v1::RegionalHead ToProto(const RegionalHead& head);

// Inverse conversions (used to return a replayed idempotent answer). INVALID_ARGUMENT on values
// that do not map back (unspecified enums, bad etag, bad rank).
absl::StatusOr<Agency> FromProto(const v1::Agency& proto);
absl::StatusOr<OrgUnit> FromProto(const v1::OrgUnit& proto);
absl::StatusOr<Position> FromProto(const v1::Position& proto);
absl::StatusOr<EmployeeRecord> FromProto(const v1::Employee& proto);
absl::StatusOr<ActingOfficial> FromProto(const v1::ActingOfficial& proto);
absl::StatusOr<AssessmentDelegation> FromProto(const v1::AssessmentDelegation& proto);
absl::StatusOr<RegionalHead> FromProto(const v1::RegionalHead& proto);

}  // namespace kinerja::employee::convert
