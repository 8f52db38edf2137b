#include "tools/cli/print.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string_view>

#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "kinerja/employee/v1/events.pb.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;

// "EMPLOYEE_STATUS_ON_LEAVE" -> "on leave"; "" for the zero value.
std::string EnumLabel(const std::string& name, std::string_view prefix, bool lower = true) {
  std::string label = name;
  if (label.compare(0, prefix.size(), prefix) == 0) label = label.substr(prefix.size());
  if (label == "UNSPECIFIED") return "";
  for (char& c : label) {
    if (c == '_') c = ' ';
    if (lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return label;
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

void Field(std::string& out, std::string_view label, const std::string& value) {
  std::string line = "  " + std::string(label) + ":";
  line.resize(std::max<size_t>(line.size() + 1, 22), ' ');
  out += line + OrDash(value) + "\n";
}

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;  // count UTF-8 lead bytes
  return width;
}

std::string Rank(const std::string& rank, const std::string& label) {
  if (label.empty()) return rank;
  return rank.empty() ? label : rank + " (" + label + ")";
}

std::string ActingMark(v1::ActingKind acting) {
  switch (acting) {
    case v1::ACTING_KIND_PLT:
      return "[Plt] ";
    case v1::ACTING_KIND_PLH:
      return "[Plh] ";
    default:
      return "";
  }
}

}  // namespace

std::string ToJson(const google::protobuf::Message& message, bool pretty) {
  // Links the employee event payloads into the binary so that an Any payload can be printed.
  (void)v1::EmployeeChanged::descriptor();
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    // Only an Any of an unknown type gets here; say so rather than print half a message.
    return "{\"error\": \"cannot print " + message.GetTypeName() + " as JSON\"}" +
           (pretty ? "\n" : "");
  }
  return json;
}

std::string CoreValueLabel(int value) {
  static constexpr const char* kLabels[] = {"Berorientasi Pelayanan",
                                            "Akuntabel",
                                            "Kompeten",
                                            "Harmonis",
                                            "Loyal",
                                            "Adaptif",
                                            "Kolaboratif"};
  if (value < 1 || value > 7) return "-";
  return kLabels[value - 1];
}

std::string FormatDate(const google::type::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "-";
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", date.year(), date.month(), date.day());
  return text;
}

std::string FormatEmployee(const v1::Employee& e) {
  std::string out = "Employee " + OrDash(e.id()) + "\n";
  Field(out, "NIP", e.nip());
  Field(out, "name", e.name());
  Field(out, "kind", EnumLabel(v1::EmployeeKind_Name(e.kind()), "EMPLOYEE_KIND_", false));
  Field(out, "status", EnumLabel(v1::EmployeeStatus_Name(e.status()), "EMPLOYEE_STATUS_"));
  Field(out, "sex", EnumLabel(v1::Sex_Name(e.sex()), "SEX_"));
  Field(out, "birth date", FormatDate(e.birth_date()));
  Field(out, "rank", Rank(e.rank(), e.rank_label()));
  Field(out, "agency", e.agency_id());
  Field(out, "unit", e.unit_id());
  Field(out, "position", e.position_id());
  Field(out, "appointed", FormatDate(e.appointment_date()));
  Field(out, "in position since", FormatDate(e.position_start_date()));
  Field(out, "etag", e.etag());
  return out;
}

std::string FormatAgency(const v1::Agency& a) {
  std::string out = "Agency " + OrDash(a.id()) + "\n";
  Field(out, "name", a.name());
  Field(out, "kind", EnumLabel(v1::AgencyKind_Name(a.kind()), "AGENCY_KIND_"));
  Field(out, "head title", a.head_title());
  Field(out, "etag", a.etag());
  return out;
}

std::string FormatOrgUnit(const v1::OrgUnit& u) {
  std::string out = "Unit " + OrDash(u.id()) + "\n";
  Field(out, "name", u.name());
  Field(out, "agency", u.agency_id());
  Field(out, "parent", u.parent_id().empty() ? "(root)" : u.parent_id());
  Field(out, "leader position", u.leader_position_id());
  Field(out, "eselon", u.eselon());
  Field(out, "etag", u.etag());
  return out;
}

std::string FormatTable(const std::vector<Row>& rows) {
  std::vector<size_t> widths;
  for (const Row& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string out;
  for (const Row& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

Row EmployeeHeader() { return {"ID", "NIP", "NAME", "RANK", "STATUS", "UNIT"}; }

Row EmployeeRow(const v1::Employee& e) {
  return {OrDash(e.id()),
          OrDash(e.nip()),
          OrDash(e.name()),
          OrDash(e.rank()),
          OrDash(EnumLabel(v1::EmployeeStatus_Name(e.status()), "EMPLOYEE_STATUS_")),
          OrDash(e.unit_id())};
}

Row AgencyHeader() { return {"ID", "KIND", "NAME", "HEAD"}; }

Row AgencyRow(const v1::Agency& a) {
  return {OrDash(a.id()), OrDash(EnumLabel(v1::AgencyKind_Name(a.kind()), "AGENCY_KIND_")),
          OrDash(a.name()), OrDash(a.head_title())};
}

Row UnitHeader() { return {"ID", "PARENT", "ESELON", "NAME"}; }

Row UnitRow(const v1::OrgUnit& u) {
  return {OrDash(u.id()), OrDash(u.parent_id()), OrDash(u.eselon()), OrDash(u.name())};
}

std::string FormatOfficial(const v1::Official& o) {
  std::string line = ActingMark(o.acting());
  bool non_asn = o.kind() == v1::Official::KIND_NON_ASN;
  if (non_asn) line += "[NON-ASN] ";
  line += OrDash(o.name());
  if (!o.nip().empty()) {
    line += "  NIP " + o.nip();
  } else if (non_asn) {
    line += "  (no NIP)";
  }
  if (!o.rank_label().empty()) line += "  " + o.rank_label();
  if (!o.employee_id().empty()) line += "  (id " + o.employee_id() + ")";
  std::string position = o.position_name().empty() ? o.position_id() : o.position_name();
  std::string unit = o.unit_name().empty() ? o.unit_id() : o.unit_name();
  std::string where = position;
  if (!unit.empty()) where += (where.empty() ? "" : ", ") + unit;
  return "  " + line + "\n" + (where.empty() ? "" : "  " + where + "\n");
}

std::string FormatReportingLine(const v1::ReportingLine& line) {
  std::string out = "Reporting line on " + FormatDate(line.date()) + "\n";
  auto role = [&](std::string_view label, bool present, const v1::Official& official) {
    out += std::string(label) + ":\n";
    out += present ? FormatOfficial(official) : "  (none found)\n";
  };
  role("employee", line.has_employee(), line.employee());
  role("assessor (pejabat penilai)", line.has_assessor(), line.assessor());
  role("assessor's superior (atasan pejabat penilai)", line.has_assessor_superior(),
       line.assessor_superior());
  return out;
}

std::string FormatImportSummary(const v1::ImportSummary& s, int max_errors) {
  std::string out = s.dry_run() ? "dry run (nothing written): " : "import finished: ";
  out += "received " + std::to_string(s.received()) + ", created " + std::to_string(s.created()) +
         ", updated " + std::to_string(s.updated()) + ", unchanged " +
         std::to_string(s.unchanged()) + ", failed " + std::to_string(s.failed()) + "\n";
  if (s.errors_size() == 0) return out;
  out += "errors:\n";
  int shown = std::min(s.errors_size(), std::max(max_errors, 0));
  for (int i = 0; i < shown; ++i) {
    const v1::ImportError& e = s.errors(i);
    out += "  ";
    if (e.line() > 0) out += "line " + std::to_string(e.line()) + ": ";
    if (!e.field().empty()) out += e.field() + ": ";
    out += e.message() + "\n";
  }
  if (shown < s.errors_size()) {
    out += "  ... and " + std::to_string(s.errors_size() - shown) +
           " more (--json prints every error the server returned)\n";
  }
  return out;
}

std::string FormatEvent(const kinerja::common::v1::EventEnvelope& event) {
  std::string when = event.has_occurred_at()
                         ? google::protobuf::util::TimeUtil::ToString(event.occurred_at())
                         : "-";
  return when + "  " + OrDash(event.type()) + "  " + OrDash(event.aggregate_type()) + "/" +
         OrDash(event.aggregate_id()) + "  cursor=" + event.cursor() + "\n";
}

std::string StatusCodeName(grpc::StatusCode code) {
  static const std::map<grpc::StatusCode, std::string>* const kNames =
      new std::map<grpc::StatusCode, std::string>{
          {grpc::OK, "OK"},
          {grpc::CANCELLED, "CANCELLED"},
          {grpc::UNKNOWN, "UNKNOWN"},
          {grpc::INVALID_ARGUMENT, "INVALID_ARGUMENT"},
          {grpc::DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED"},
          {grpc::NOT_FOUND, "NOT_FOUND"},
          {grpc::ALREADY_EXISTS, "ALREADY_EXISTS"},
          {grpc::PERMISSION_DENIED, "PERMISSION_DENIED"},
          {grpc::RESOURCE_EXHAUSTED, "RESOURCE_EXHAUSTED"},
          {grpc::FAILED_PRECONDITION, "FAILED_PRECONDITION"},
          {grpc::ABORTED, "ABORTED"},
          {grpc::OUT_OF_RANGE, "OUT_OF_RANGE"},
          {grpc::UNIMPLEMENTED, "UNIMPLEMENTED"},
          {grpc::INTERNAL, "INTERNAL"},
          {grpc::UNAVAILABLE, "UNAVAILABLE"},
          {grpc::DATA_LOSS, "DATA_LOSS"},
          {grpc::UNAUTHENTICATED, "UNAUTHENTICATED"},
      };
  auto it = kNames->find(code);
  return it == kNames->end() ? "CODE_" + std::to_string(static_cast<int>(code)) : it->second;
}

std::string FormatRpcStatus(const grpc::Status& status) {
  std::string out = StatusCodeName(status.error_code()) + ": " + status.error_message() + "\n";
  if (status.error_details().empty()) return out;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) {
    return out + "  (error details could not be decoded)\n";
  }
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad_request;
    if (any.UnpackTo(&info)) {
      out += "  reason: " + info.reason();
      if (!info.domain().empty()) out += " (domain " + info.domain() + ")";
      out += "\n";
      std::map<std::string, std::string> sorted(info.metadata().begin(), info.metadata().end());
      for (const auto& [key, value] : sorted) out += "  " + key + ": " + value + "\n";
    } else if (any.UnpackTo(&bad_request)) {
      for (const auto& violation : bad_request.field_violations()) {
        out += "  field " + violation.field() + ": " + violation.description() + "\n";
      }
    } else {
      out += "  detail: " + any.type_url() + "\n";
    }
  }
  return out;
}

}  // namespace kinerja::cli
