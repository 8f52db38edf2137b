#include "services/review/store/feedback_rows.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "shared/db/row_decode.h"
#include "shared/db/sql_values.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::store::internal {
namespace {

using db::DayFromField;
using db::TextOrEmpty;
using db::TimeFromField;

template <typename Message>
void FromJson(const pqxx::field& field, Message* out) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  (void)google::protobuf::util::JsonStringToMessage(TextOrEmpty(field), out, options);
}

}  // namespace

std::string DayParam(absl::CivilDay day) { return db::DayText(day); }

v1::Window WindowFromRow(const pqxx::row& row, int at) {
  v1::Window w;
  w.set_year(row[at].as<int>());
  w.set_index(row[at + 1].as<int>());
  *w.mutable_start_date() = rpc::DayToProto(DayFromField(row[at + 2]));
  *w.mutable_end_date() = rpc::DayToProto(DayFromField(row[at + 3]));
  w.set_start_month(row[at + 4].as<int>());
  w.set_end_month(row[at + 5].as<int>());
  return w;
}

// id, plan_id, plan_revision, indicator_id, window (6), value, text, evidence, employee_id,
// late, version, create_us, update_us, agency_id
v1::Realisation RealisationFromRow(const pqxx::row& row) {
  v1::Realisation r;
  r.set_id(row[0].as<std::string>());
  r.set_plan_id(row[1].as<std::string>());
  r.set_plan_revision(row[2].as<int>());
  r.set_indicator_id(row[3].as<std::string>());
  *r.mutable_window() = WindowFromRow(row, 4);
  if (!row[10].is_null()) {
    r.set_value(row[10].as<double>());
    r.set_has_value(true);
  }
  r.set_text(TextOrEmpty(row[11]));
  v1::RecordRealisationRequest evidence;  // parses the JSON array through a repeated field
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  (void)google::protobuf::util::JsonStringToMessage(
      absl::StrCat("{\"evidence\":", TextOrEmpty(row[12]), "}"), &evidence, options);
  *r.mutable_evidence() = evidence.evidence();
  r.set_employee_id(row[13].as<std::string>());
  r.set_late(row[14].as<bool>());
  r.set_etag(rpc::EtagFor(row[15].as<int64_t>()));
  rpc::TimeToProto(TimeFromField(row[16]), r.mutable_create_time());
  rpc::TimeToProto(TimeFromField(row[17]), r.mutable_update_time());
  return r;
}

// id, plan_id, indicator_id, window (6), text, given_by, create_us
v1::IndicatorFeedback IndicatorFeedbackFromRow(const pqxx::row& row) {
  v1::IndicatorFeedback f;
  f.set_id(row[0].as<std::string>());
  f.set_plan_id(row[1].as<std::string>());
  f.set_indicator_id(row[2].as<std::string>());
  *f.mutable_window() = WindowFromRow(row, 3);
  f.set_text(TextOrEmpty(row[9]));
  FromJson(row[10], f.mutable_given_by());
  rpc::TimeToProto(TimeFromField(row[11]), f.mutable_create_time());
  return f;
}

// id, plan_id, author, text, create_us
v1::FeedbackNote FeedbackNoteFromRow(const pqxx::row& row) {
  v1::FeedbackNote n;
  n.set_id(row[0].as<std::string>());
  n.set_plan_id(row[1].as<std::string>());
  FromJson(row[2], n.mutable_author());
  n.set_text(TextOrEmpty(row[3]));
  rpc::TimeToProto(TimeFromField(row[4]), n.mutable_create_time());
  return n;
}

// id, agency_id, employee_id, plan_id, open_days, close_days, state, invited, answered,
// opened_by, create_us, employee_nip
RoundRow RoundFromRow(const pqxx::row& row) {
  RoundRow out;
  v1::FeedbackRound& r = out.round;
  r.set_id(row[0].as<std::string>());
  r.set_agency_id(row[1].as<std::string>());
  r.set_employee_id(row[2].as<std::string>());
  r.set_plan_id(row[3].as<std::string>());
  *r.mutable_open_date() = rpc::DayToProto(DayFromField(row[4]));
  *r.mutable_close_date() = rpc::DayToProto(DayFromField(row[5]));
  r.set_state(row[6].as<std::string>() == "CLOSED" ? v1::ROUND_STATE_CLOSED : v1::ROUND_STATE_OPEN);
  r.set_raters_invited(row[7].as<int>());
  r.set_raters_answered(row[8].as<int>());
  r.set_opened_by(row[9].as<std::string>());
  rpc::TimeToProto(TimeFromField(row[10]), r.mutable_create_time());
  out.employee_nip = row[11].as<std::string>();
  return out;
}

// id, agency_id, unit_id, survey_id, start_days, end_days, ikm, respondents, import_us
v1::SurveyResult SurveyResultFromRow(const pqxx::row& row) {
  v1::SurveyResult s;
  s.set_id(row[0].as<std::string>());
  s.set_agency_id(row[1].as<std::string>());
  s.set_unit_id(row[2].as<std::string>());
  s.set_survey_id(row[3].as<std::string>());
  *s.mutable_period_start() = rpc::DayToProto(DayFromField(row[4]));
  *s.mutable_period_end() = rpc::DayToProto(DayFromField(row[5]));
  s.set_ikm(static_cast<double>(row[6].as<int64_t>()) / kIkmScale);
  s.set_respondents(row[7].as<int>());
  rpc::TimeToProto(TimeFromField(row[8]), s.mutable_import_time());
  return s;
}

}  // namespace kinerja::review::store::internal
