// Request resources (kinerja.employee.v1) -> domain records, naming bad fields with their request
// path ("employee.birth_date"). Responses use convert::ToProto (convert/resources.h), as the
// store's stored answers do, so that live and replayed (idempotent) answers are the same bytes.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "kinerja/employee/v1/resources.pb.h"
#include "services/employee/domain/acting_official.h"
#include "services/employee/domain/agency.h"
#include "services/employee/domain/assignment.h"
#include "services/employee/domain/employee_record.h"
#include "services/employee/domain/org_unit.h"
#include "services/employee/domain/position_record.h"

namespace kinerja::employee::api {

namespace v1 = ::kinerja::employee::v1;

absl::StatusOr<AgencyKind> AgencyKindFromProto(v1::AgencyKind kind, std::string_view field);

// prefix: "agency.", "unit.", ... Output-only fields (etag, times) are ignored.
absl::StatusOr<Agency> AgencyFromProto(const v1::Agency& agency, std::string_view prefix);
absl::StatusOr<OrgUnit> OrgUnitFromProto(const v1::OrgUnit& unit, std::string_view prefix);
absl::StatusOr<Position> PositionFromProto(const v1::Position& position, std::string_view prefix);
// Required: kind, nip, name, sex, birth_date, rank, position_id, appointment_date (the domain's
// ValidateEmployee checks the id and its agreement with sex and birth date afterwards). The
// name is normalised; an unspecified status is ACTIVE.
absl::StatusOr<EmployeeRecord> EmployeeRecordFromProto(const v1::Employee& employee,
                                                       std::string_view prefix);
absl::StatusOr<ActingOfficial> ActingOfficialFromProto(const v1::ActingOfficial& acting,
                                                       std::string_view prefix);
absl::StatusOr<AssignmentReason> AssignmentReasonFromProto(v1::AssignmentReason reason,
                                                           std::string_view field);

}  // namespace kinerja::employee::api
