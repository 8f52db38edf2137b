// Internal to the review store's feedback area: rows of the realisation, feedback, 360 and survey
// tables decoded into the contract's messages (the column orders of store/queries/
// realisations.sql, feedback360.sql, surveys.sql), and the idempotent write whose stored answer
// is that message.
#pragma once

#include <string>
#include <utility>

#include <pqxx/pqxx>

#include "absl/status/statusor.h"
#include "kinerja/review/v1/resources.pb.h"
#include "kinerja/review/v1/review_service.pb.h"
#include "services/review/store/review_store.h"
#include "shared/db/run.h"

namespace kinerja::review::store::internal {

v1::Realisation RealisationFromRow(const pqxx::row& row);
v1::IndicatorFeedback IndicatorFeedbackFromRow(const pqxx::row& row);
v1::FeedbackNote FeedbackNoteFromRow(const pqxx::row& row);
RoundRow RoundFromRow(const pqxx::row& row);
// The columns of UpsertSurveyResult's RETURNING (without the trailing "inserted" flag).
v1::SurveyResult SurveyResultFromRow(const pqxx::row& row);

// The window columns (year, index, first, last, month_start, month_end) from column `at` on.
v1::Window WindowFromRow(const pqxx::row& row, int at);

// A Window's row values.
std::string DayParam(absl::CivilDay day);

// Runs `fn(pqxx::work&) -> StatusOr<Message>` in one transaction with the idempotency key; the
// answer stored is the message.
template <typename Message, typename Fn>
absl::StatusOr<Message> RunMessageWrite(db::Pool& pool, const WriteOptions& write, Fn&& fn) {
  return db::RunIdempotentWrite<Message>(
      pool, write, std::forward<Fn>(fn),
      [](const Message& message) { return message.SerializeAsString(); },
      [](const std::string& stored) -> absl::StatusOr<Message> {
        Message message;
        if (!message.ParseFromString(stored)) {
          return absl::InternalError("stored idempotent response does not parse");
        }
        return message;
      });
}

}  // namespace kinerja::review::store::internal
