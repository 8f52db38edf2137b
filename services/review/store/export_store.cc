// SIASN export: which finalised assessments are due (never exported, or changed by an objection
// since their last export), and the marks of those streamed.
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/sql_array.h"

namespace kinerja::review::store {

absl::StatusOr<std::vector<ExportCandidate>> ReviewStore::PendingExports(
    const ExportQuery& query, const std::string& after_id, int limit) {
  if (query.agency_id.empty()) return errors::InvalidField("agency_id", "is required");
  if (query.period_id.empty()) return errors::InvalidField("period_id", "is required");
  db::SqlParams params;
  std::vector<std::string> where = {
      "a.state = 'FINALISED'", "a.agency_id = " + params.Add(query.agency_id),
      "a.period_id = " + params.Add(query.period_id), "a.id > " + params.Add(after_id)};
  if (!query.unit_ids.empty()) {
    where.push_back(absl::StrCat("a.unit_id = ANY(",
                                 params.Add(db::TextArrayLiteral(query.unit_ids)), "::text[])"));
  }
  if (query.kind.has_value()) {
    where.push_back("a.kind = " + params.Add(std::string(AssessmentKindName(*query.kind))));
  }
  if (!query.all) where.push_back("(x.assessment_id IS NULL OR x.exported_version < a.version)");
  const std::string sql = absl::StrCat(
      "SELECT to_jsonb(a), x.assessment_id IS NOT NULL FROM assessments a "
      "LEFT JOIN assessment_exports x ON x.assessment_id = a.id",
      db::WhereClause(where), " ORDER BY a.id LIMIT ", limit);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<std::vector<ExportCandidate>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        std::vector<ExportCandidate> out;
        for (const pqxx::row& row : r) {
          out.push_back(
              {internal::AssessmentFromJson(internal::RowJson(row[0])), row[1].as<bool>()});
        }
        return out;
      });
}

absl::Status ReviewStore::MarkExported(const std::vector<ExportMark>& marks,
                                       const WriteOptions& write) {
  if (marks.empty()) return absl::OkStatus();
  return db::RunInTransaction(pool_, [&](pqxx::work& tx) -> absl::Status {
    for (const ExportMark& mark : marks) {
      db::Exec(tx, queries::kMarkExported, mark.assessment_id, mark.version, write.ctx.actor);
      internal::Audit(tx, write, "assessment.export", "assessment", mark.assessment_id,
                      std::nullopt, internal::MessageJson(mark.record));
      v1::AssessmentExported event;
      *event.mutable_record() = mark.record;
      internal::Emit(tx, write, kAssessmentExported, "assessment", mark.assessment_id, event);
    }
    return absl::OkStatus();
  });
}

}  // namespace kinerja::review::store
