// Internal to the review store: rows read back as one JSON object each (to_jsonb of the row),
// decoded here; parameters of the writes; the read / write wrappers shared by the *_store.cc
// files. Not for the API layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <google/protobuf/message.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/records.h"
#include "services/review/store/review_store.h"
#include "shared/db/audit.h"
#include "shared/db/run.h"
#include "shared/db/sql_values.h"
#include "shared/db/version_check.h"
#include "shared/errors/errors.h"
#include "shared/events/outbox_writer.h"

namespace kinerja::review::store::internal {

using nlohmann::json;

// The JSON object of a to_jsonb(row) column.
json RowJson(const pqxx::field& field);

AssessmentRecord AssessmentFromJson(const json& row);
ObjectionRecord ObjectionFromJson(const json& row);
OrgPredicateRecord OrgPredicateFromJson(const json& row);
ReviewPolicy PolicyFromJson(const json& row);

// An official as stored (the JSON form of kinerja.review.v1.Official).
std::string OfficialJson(const OfficialRecord& official);
// "" -> NULL.
std::optional<std::string> OfficialJson(const std::optional<OfficialRecord>& official);

// Microseconds since the epoch, for "timestamptz 'epoch' + $n * interval '1 microsecond'".
std::optional<int64_t> MicrosParam(const std::optional<absl::Time>& time);
// Page size and key shape checks shared by the List calls.
absl::Status CheckPage(const PageRequest& page, size_t key_size);

// A message as JSON (proto field names), for audit rows.
std::string MessageJson(const google::protobuf::Message& message);

using db::Audit;
using db::CheckVersion;
using db::DayText;
using db::RunRead;
using events::Emit;

// Runs a mutating `fn(pqxx::work&) -> StatusOr<Record>` in one transaction, honouring the
// optional idempotency key: a replay returns the first answer (stored as the resource proto).
template <typename Record, typename Fn>
absl::StatusOr<Record> RunWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  return db::RunProtoWrite<Record>(pool, write, std::forward<Fn>(fn),
                                   [](const auto& proto) { return FromProto(proto); });
}

// Assessments (assessment_store.cc): the row locked FOR UPDATE (NOT_FOUND when missing), and
// saving a changed record (version + 1; inserted when record.assessment.id is empty).
absl::StatusOr<AssessmentRecord> LockAssessment(pqxx::work& tx, const std::string& id);
AssessmentRecord SaveAssessment(pqxx::work& tx, const AssessmentRecord& record);
// The audit row and the AssessmentChanged event of an assessment change.
void RecordAssessmentChange(pqxx::work& tx, const WriteOptions& write, const std::string& action,
                            const char* event_type, const std::optional<AssessmentRecord>& before,
                            const AssessmentRecord& after);

}  // namespace kinerja::review::store::internal
