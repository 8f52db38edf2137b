#include "services/analytics/web/report_json.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"

namespace kinerja::analytics::web {

absl::StatusOr<std::string> ReportJson(const google::protobuf::Message& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(report, &json, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot print ", report.GetTypeName(), " as JSON: ", status.ToString()));
  }
  json += '\n';
  return json;
}

}  // namespace kinerja::analytics::web
