// Realisations, HR reopenings of windows and the assessor's indicator feedback: each write runs
// its rule (the callback) inside the transaction that holds the row and the window's reopening,
// then writes the row, its audit row and its event.
#include <nlohmann/json.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/feedback_rows.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/row_decode.h"
#include "shared/rpc/etag.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::store {
namespace {

using internal::DayParam;

std::optional<absl::CivilDay> ReopenedUntil(pqxx::work& tx, const std::string& plan_id,
                                            absl::CivilDay window_first) {
  pqxx::result r = db::Exec(tx, queries::kReopenedUntil, plan_id, DayParam(window_first));
  if (r.empty()) return std::nullopt;
  return db::DayFromField(r[0][0]);
}

std::string EvidenceJson(const std::vector<Evidence>& evidence) {
  nlohmann::json out = nlohmann::json::array();
  for (const Evidence& e : evidence) out.push_back({{"name", e.name}, {"link", e.link}});
  return out.dump();
}

constexpr int kListFirstDays = -1000000;  // before any window: the first page

}  // namespace

const rpc::FilterSchema& ReviewStore::RealisationFilterSchema() {
  static const rpc::FilterSchema* schema = new rpc::FilterSchema{{
      rpc::IdField("plan_id"),
      rpc::IdField("indicator_id"),
      rpc::FilterField{.name = "window_start_month",
                       .type = rpc::FilterFieldType::kInt,
                       .ops = {rpc::FilterOp::kEq}},
  }};
  return *schema;
}

absl::StatusOr<v1::Realisation> ReviewStore::RecordRealisation(RealisationEntry entry,
                                                               const WriteOptions& write) {
  const Realisation& in = entry.realisation;
  return internal::RunMessageWrite<v1::Realisation>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::Realisation> {
        pqxx::result current = db::Exec(tx, queries::kLockRealisation, in.plan_id, in.indicator_id,
                                        DayParam(in.window.first));
        std::optional<v1::Realisation> before;
        if (!current.empty()) before = internal::RealisationFromRow(current[0]);
        if (entry.expected_version.has_value()) {
          if (!before.has_value()) {
            return absl::AbortedError("etag: the realisation does not exist yet");
          }
          ASSIGN_OR_RETURN(int64_t version, rpc::VersionFromEtag(before->etag()));
          RETURN_IF_ERROR(internal::CheckVersion(entry.expected_version, version, "realisation"));
        }
        ASSIGN_OR_RETURN(bool late, entry.check(ReopenedUntil(tx, in.plan_id, in.window.first)));
        std::optional<double> value = in.value;
        pqxx::result saved = db::Exec(
            tx, queries::kUpsertRealisation, in.plan_id, entry.plan_revision, entry.agency_id,
            entry.employee_id, in.indicator_id, in.window.year, in.window.index,
            DayParam(in.window.first), DayParam(in.window.last), in.window.month_start,
            in.window.month_end, value, in.text, EvidenceJson(in.evidence), late, in.recorded_by);
        v1::Realisation after = internal::RealisationFromRow(saved[0]);
        std::optional<std::string> before_json;
        if (before.has_value()) before_json = internal::MessageJson(*before);
        internal::Audit(tx, write, "realisation.record", "realisation", after.id(),
                        std::move(before_json), internal::MessageJson(after));
        v1::RealisationChanged event;
        *event.mutable_realisation() = after;
        internal::Emit(tx, write, kRealisationRecorded, "realisation", after.id(), event);
        return after;
      });
}

absl::StatusOr<Page<v1::Realisation>> ReviewStore::ListRealisations(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 2));
  bool has_plan = false;
  for (const rpc::Condition& c : filter) has_plan |= c.field == "plan_id";
  if (!has_plan) return errors::InvalidField("filter", "must hold plan_id = \"...\"");
  static const std::vector<db::FilterColumn>* columns = new std::vector<db::FilterColumn>{
      {.field = "plan_id", .column = "r.plan_id"},
      {.field = "indicator_id", .column = "r.indicator_id"},
      {.field = "window_start_month", .column = "r.month_start", .cast = "::integer"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) {
    int64_t after_days = 0;
    if (!absl::SimpleAtoi(page.after[0], &after_days)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    where.push_back(absl::StrCat("((r.window_first - date '1970-01-01'), r.indicator_id) > (",
                                 params.Add(page.after[0]), "::integer, ",
                                 params.Add(page.after[1]), "::text)"));
  }
  const std::string sql = absl::StrCat(
      "SELECT r.id, r.plan_id, r.plan_revision, r.indicator_id, r.window_year, r.window_index, "
      "(r.window_first - date '1970-01-01'), (r.window_last - date '1970-01-01'), r.month_start, "
      "r.month_end, r.value, r.text, r.evidence::text, r.employee_id, r.late, r.version, "
      "(extract(epoch FROM r.create_time) * 1000000)::bigint, "
      "(extract(epoch FROM r.update_time) * 1000000)::bigint, r.agency_id "
      "FROM realisations r",
      db::WhereClause(where), " ORDER BY r.window_first, r.indicator_id LIMIT ",
      page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<v1::Realisation>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<v1::Realisation> out;
        int64_t last_days = 0;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          last_days = row[6].as<int64_t>();
          out.items.push_back(internal::RealisationFromRow(row));
        }
        if (out.has_more) out.last_key = {absl::StrCat(last_days), out.items.back().indicator_id()};
        return out;
      });
}

absl::StatusOr<v1::WindowReopening> ReviewStore::ReopenWindow(const WindowReopeningEntry& entry,
                                                              const WriteOptions& write) {
  return internal::RunMessageWrite<v1::WindowReopening>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::WindowReopening> {
        const std::string key = absl::StrCat(entry.plan_id, "/", DayParam(entry.window.first));
        pqxx::result current =
            db::Exec(tx, queries::kLockReopening, entry.plan_id, DayParam(entry.window.first));
        v1::WindowReopening out;
        out.set_plan_id(entry.plan_id);
        *out.mutable_window() = ToProto(entry.window);
        *out.mutable_until() = rpc::DayToProto(entry.until);
        out.set_reason(entry.reason);
        out.set_granted_by(entry.granted_by);
        std::optional<std::string> before_json;
        if (!current.empty()) {
          v1::WindowReopening before = out;
          *before.mutable_until() = rpc::DayToProto(db::DayFromField(current[0][0]));
          before.set_reason(db::TextOrEmpty(current[0][1]));
          before.set_granted_by(db::TextOrEmpty(current[0][2]));
          before_json = internal::MessageJson(before);
        }
        pqxx::result saved =
            db::Exec(tx, queries::kUpsertReopening, entry.plan_id, DayParam(entry.window.first),
                     DayParam(entry.window.last), entry.window.year, entry.window.index,
                     entry.agency_id, DayParam(entry.until), entry.reason, entry.granted_by);
        rpc::TimeToProto(db::TimeFromField(saved[0][0]), out.mutable_grant_time());
        internal::Audit(tx, write, "window.reopen", "window_reopening", key, std::move(before_json),
                        internal::MessageJson(out));
        v1::WindowReopeningChanged event;
        *event.mutable_reopening() = out;
        internal::Emit(tx, write, kWindowReopened, "window_reopening", key, event);
        return out;
      });
}

absl::StatusOr<v1::IndicatorFeedback> ReviewStore::GiveIndicatorFeedback(
    IndicatorFeedbackEntry entry, const WriteOptions& write) {
  const IndicatorFeedback& in = entry.feedback;
  return internal::RunMessageWrite<v1::IndicatorFeedback>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::IndicatorFeedback> {
        pqxx::result current = db::Exec(tx, queries::kLockIndicatorFeedback, in.plan_id,
                                        in.indicator_id, DayParam(in.window.first));
        RETURN_IF_ERROR(entry.check(ReopenedUntil(tx, in.plan_id, in.window.first)));
        std::optional<std::string> before_json;
        if (!current.empty()) {
          before_json = nlohmann::json{{"id", db::TextOrEmpty(current[0][0])},
                                       {"text", db::TextOrEmpty(current[0][1])},
                                       {"capacity", db::TextOrEmpty(current[0][3])},
                                       {"recorded_by", db::TextOrEmpty(current[0][4])}}
                            .dump();
        }
        pqxx::result saved =
            db::Exec(tx, queries::kUpsertIndicatorFeedback, in.plan_id, entry.agency_id,
                     in.indicator_id, in.window.year, in.window.index, DayParam(in.window.first),
                     DayParam(in.window.last), in.window.month_start, in.window.month_end, in.text,
                     internal::OfficialJson(entry.given_by),
                     std::string(CapacityName(entry.given_by.official.capacity)), in.recorded_by);
        v1::IndicatorFeedback after = internal::IndicatorFeedbackFromRow(saved[0]);
        internal::Audit(tx, write, "indicator_feedback.give", "indicator_feedback", after.id(),
                        std::move(before_json), internal::MessageJson(after));
        v1::IndicatorFeedbackChanged event;
        *event.mutable_feedback() = after;
        internal::Emit(tx, write, kIndicatorFeedbackGiven, "indicator_feedback", after.id(), event);
        return after;
      });
}

absl::StatusOr<Page<v1::IndicatorFeedback>> ReviewStore::ListIndicatorFeedback(
    const std::string& plan_id, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 2));
  int after_days = kListFirstDays;
  std::string after_indicator;
  if (!page.after.empty()) {
    if (!absl::SimpleAtoi(page.after[0], &after_days)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    after_indicator = page.after[1];
  }
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<v1::IndicatorFeedback>> {
        pqxx::result r = db::Exec(tx, queries::kIndicatorFeedbackPage, plan_id, after_days,
                                  after_indicator, page.page_size + 1);
        Page<v1::IndicatorFeedback> out;
        int64_t last_days = 0;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          last_days = row[5].as<int64_t>();
          out.items.push_back(internal::IndicatorFeedbackFromRow(row));
        }
        if (out.has_more) out.last_key = {absl::StrCat(last_days), out.items.back().indicator_id()};
        return out;
      });
}

}  // namespace kinerja::review::store
