#include "shared/log/log_line.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/log/json_writer.h"

namespace kinerja::log {
namespace {

bool IsReservedKey(std::string_view key) {
  return key == "ts" || key == "level" || key == "msg" || key == "request_id";
}

void AppendKey(std::string* out, std::string_view key) {
  out->push_back(',');
  AppendJsonString(out, key);
  out->push_back(':');
}

void AppendValue(std::string* out, const Field::Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    AppendJsonString(out, *s);
  } else if (const auto* i = std::get_if<int64_t>(&value)) {
    out->append(std::to_string(*i));
  } else if (const auto* d = std::get_if<double>(&value)) {
    AppendJsonNumber(out, *d);
  } else {
    out->append(std::get<bool>(value) ? "true" : "false");
  }
}

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

absl::StatusOr<Level> ParseLevel(std::string_view name) {
  std::string lower = absl::AsciiStrToLower(absl::string_view(name.data(), name.size()));
  if (lower == "debug") return Level::kDebug;
  if (lower == "info") return Level::kInfo;
  if (lower == "warn" || lower == "warning") return Level::kWarn;
  if (lower == "error") return Level::kError;
  return absl::InvalidArgumentError(
      absl::StrCat("log level must be debug, info, warn or error, got \"", lower, "\""));
}

std::string FormatLine(Level level, absl::Time time, std::string_view request_id,
                       std::string_view msg, Fields fields) {
  std::string out = "{\"ts\":\"";
  out.append(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone()));
  out.append("\",\"level\":\"").append(LevelName(level)).append("\"");
  AppendKey(&out, "msg");
  AppendJsonString(&out, msg);
  if (!request_id.empty()) {
    AppendKey(&out, "request_id");
    AppendJsonString(&out, request_id);
  }
  for (const Field& field : fields) {
    AppendKey(&out, IsReservedKey(field.key()) ? "field_" + field.key() : field.key());
    AppendValue(&out, field.value());
  }
  out.append("}\n");
  return out;
}

}  // namespace kinerja::log
