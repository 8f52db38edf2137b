// Public satisfaction survey results: an import is one transaction (every row or none); a dry
// run counts what it would create and update, then rolls back.
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/store/feedback_rows.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"

namespace kinerja::review::store {
namespace {

using internal::DayParam;

}  // namespace

const rpc::FilterSchema& ReviewStore::SurveyResultFilterSchema() {
  static const rpc::FilterSchema* schema = new rpc::FilterSchema{
      {rpc::IdField("agency_id"), rpc::IdField("unit_id"), rpc::IdField("survey_id")}};
  return *schema;
}

absl::StatusOr<v1::ImportSurveyResultsSummary> ReviewStore::ImportSurveyResults(
    SurveyImport import, const WriteOptions& write) {
  if (import.dry_run) {
    // Reads only: which rows exist already. Nothing is written, nothing is kept.
    return internal::RunRead(
        pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<v1::ImportSurveyResultsSummary> {
          int64_t updated = 0;
          for (const SurveyRow& row : import.rows) {
            pqxx::result r = tx.exec_params(
                "SELECT 1 FROM survey_results WHERE unit_id = $1 AND survey_id = $2 AND "
                "period_start = $3::date AND period_end = $4::date",
                row.unit_id, row.survey_id, DayParam(row.period_start), DayParam(row.period_end));
            if (!r.empty()) ++updated;
          }
          return import.summarise(static_cast<int64_t>(import.rows.size()) - updated, updated);
        });
  }
  return internal::RunMessageWrite<v1::ImportSurveyResultsSummary>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::ImportSurveyResultsSummary> {
        int64_t created = 0;
        int64_t updated = 0;
        for (const SurveyRow& row : import.rows) {
          pqxx::result saved = db::Exec(
              tx, queries::kUpsertSurveyResult, import.agency_id, row.unit_id, row.survey_id,
              DayParam(row.period_start), DayParam(row.period_end),
              static_cast<int64_t>(row.ikm_ten_thousandths), static_cast<int64_t>(row.respondents));
          v1::SurveyResult result = internal::SurveyResultFromRow(saved[0]);
          const bool inserted = saved[0][9].as<bool>();
          (inserted ? created : updated) += 1;
          internal::Audit(tx, write, inserted ? "survey_result.create" : "survey_result.update",
                          "survey_result", result.id(), std::nullopt,
                          internal::MessageJson(result));
          v1::SurveyResultChanged event;
          *event.mutable_result() = result;
          internal::Emit(tx, write, kSurveyResultImported, "survey_result", result.id(), event);
        }
        return import.summarise(created, updated);
      });
}

absl::StatusOr<Page<v1::SurveyResult>> ReviewStore::ListSurveyResults(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 1));
  static const std::vector<db::FilterColumn>* columns =
      new std::vector<db::FilterColumn>{{.field = "agency_id", .column = "s.agency_id"},
                                        {.field = "unit_id", .column = "s.unit_id"},
                                        {.field = "survey_id", .column = "s.survey_id"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) where.push_back(absl::StrCat("s.id > ", params.Add(page.after[0])));
  const std::string sql = absl::StrCat(
      "SELECT s.id, s.agency_id, s.unit_id, s.survey_id, (s.period_start - date '1970-01-01'), "
      "(s.period_end - date '1970-01-01'), s.ikm_ten_thousandths, s.respondents, "
      "(extract(epoch FROM s.import_time) * 1000000)::bigint FROM survey_results s",
      db::WhereClause(where), " ORDER BY s.id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<v1::SurveyResult>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<v1::SurveyResult> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::SurveyResultFromRow(row));
        }
        if (out.has_more) out.last_key = {out.items.back().id()};
        return out;
      });
}

}  // namespace kinerja::review::store
