// Helpers shared by the ingestion files: wire values as the read model's SQL parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/any.pb.h>
#include <google/protobuf/timestamp.pb.h>
#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "google/type/date.pb.h"
#include "kinerja/common/v1/events.pb.h"

namespace kinerja::analytics::store::internal {

// "YYYY-MM-DD", or NULL for an unset or impossible date.
std::optional<std::string> DateParam(const google::type::Date& date);
// Microseconds since the epoch, or NULL for an unset timestamp.
std::optional<int64_t> MicrosParam(const google::protobuf::Timestamp& time);
// An enum's proto name without its prefix: ("PLAN_STATE_APPROVED", "PLAN_STATE_") -> "APPROVED";
// "" for the UNSPECIFIED value.
std::string EnumSuffix(std::string_view name, std::string_view prefix);

// A rating or predicate code, or NULL for 0 (unset).
inline std::optional<int> CodeOrNull(int code) {
  if (code < 1) return std::nullopt;
  return code;
}

// "{1,2,3}", for $n::integer[] parameters.
std::string IntArrayLiteral(const std::vector<int>& items);

// `value` as the text of a $n::jsonb parameter (batches of rows, jsonb_to_recordset). Text that
// is not UTF-8 is replaced rather than refused: the producers' strings are UTF-8 already.
std::string JsonParam(const nlohmann::json& value);

// Decodes the event's payload into `message`; INVALID_ARGUMENT naming the event otherwise.
absl::Status Unpack(const kinerja::common::v1::EventEnvelope& event,
                    google::protobuf::Message& message);

}  // namespace kinerja::analytics::store::internal
