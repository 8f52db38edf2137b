// Rendering for the kinerja CLI: human-readable text (the default) or protobuf JSON (--json),
// and the text of a failed RPC with its google.rpc error details.
#pragma once

#include <grpcpp/grpcpp.h>

#include <ostream>
#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "google/type/date.pb.h"
#include "kinerja/common/v1/events.pb.h"
#include "kinerja/employee/v1/employee_service.pb.h"
#include "kinerja/employee/v1/resources.pb.h"

namespace kinerja::cli {

// Protobuf JSON (lowerCamelCase names, zero values included). Pretty: indented, else one line.
std::string ToJson(const google::protobuf::Message& message, bool pretty);

// "2024-05-01"; "-" for an unset date.
std::string FormatDate(const google::type::Date& date);

// A BerAKHLAK core value by its number, the same in the goals and review contracts
// (CORE_VALUE_*: 1 "Berorientasi Pelayanan" .. 7 "Kolaboratif"); "-" otherwise.
std::string CoreValueLabel(int value);

std::string FormatEmployee(const kinerja::employee::v1::Employee& employee);
std::string FormatAgency(const kinerja::employee::v1::Agency& agency);
std::string FormatOrgUnit(const kinerja::employee::v1::OrgUnit& unit);

// Tables: a header row, then one row per resource; FormatTable pads columns to the widest
// cell (counting UTF-8 code points) and separates them with two spaces.
using Row = std::vector<std::string>;
std::string FormatTable(const std::vector<Row>& rows);
Row EmployeeHeader();
Row EmployeeRow(const kinerja::employee::v1::Employee& employee);
Row AgencyHeader();
Row AgencyRow(const kinerja::employee::v1::Agency& agency);
Row UnitHeader();
Row UnitRow(const kinerja::employee::v1::OrgUnit& unit);

// "Budi Santoso [Plt]  NIP 1986...  IV/a Pembina" / "[NON-ASN] Wali Kota ... (no NIP)", then the
// position and unit on a second, indented line.
std::string FormatOfficial(const kinerja::employee::v1::Official& official);
std::string FormatReportingLine(const kinerja::employee::v1::ReportingLine& line);

// Counts, then at most `max_errors` errors "line N: field: message" and how many were left out.
std::string FormatImportSummary(const kinerja::employee::v1::ImportSummary& summary,
                                int max_errors);

// "2024-05-01T10:00:00Z EmployeeCreated employee/123 cursor=..."
std::string FormatEvent(const kinerja::common::v1::EventEnvelope& event);

// "INVALID_ARGUMENT"
std::string StatusCodeName(grpc::StatusCode code);

// "INVALID_ARGUMENT: message", then indented lines for the ErrorInfo reason and domain, its
// metadata, and each BadRequest field violation found in status.error_details().
std::string FormatRpcStatus(const grpc::Status& status);

}  // namespace kinerja::cli
