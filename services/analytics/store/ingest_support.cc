#include "services/analytics/store/ingest_support.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"

namespace kinerja::analytics::store::internal {

std::optional<std::string> DateParam(const google::type::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return std::nullopt;
  const absl::CivilDay day(date.year(), date.month(), date.day());
  if (day.year() != date.year() || day.month() != date.month() || day.day() != date.day()) {
    return std::nullopt;
  }
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::optional<int64_t> MicrosParam(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return std::nullopt;
  return time.seconds() * 1000000 + time.nanos() / 1000;
}

std::string EnumSuffix(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  if (name == "UNSPECIFIED") return "";
  return std::string(name);
}

std::string IntArrayLiteral(const std::vector<int>& items) {
  return absl::StrCat("{", absl::StrJoin(items, ","), "}");
}

std::string JsonParam(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::Status Unpack(const kinerja::common::v1::EventEnvelope& event,
                    google::protobuf::Message& message) {
  if (event.payload().UnpackTo(&message)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("event ", event.event_id(), " (", event.type(),
                                                 "): payload is not a ", message.GetTypeName(),
                                                 " but ", event.payload().type_url()));
}

}  // namespace kinerja::analytics::store::internal
