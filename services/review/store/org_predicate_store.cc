// Organisation predicates: one per unit and period, set by the leader one level up of the day.
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/filter_sql.h"

namespace kinerja::review::store {

absl::StatusOr<OrgPredicateRecord> ReviewStore::SetOrgPredicate(OrgPredicateChange change,
                                                                const WriteOptions& write) {
  return internal::RunWrite<OrgPredicateRecord>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<OrgPredicateRecord> {
        pqxx::result current =
            db::Exec(tx, queries::kLockOrgPredicate, change.unit_id, change.period_id);
        std::optional<OrgPredicateRecord> before;
        if (!current.empty()) {
          before = internal::OrgPredicateFromJson(internal::RowJson(current[0][0]));
          if (before->decision.agency_id != change.agency_id) {
            return errors::RuleViolation(
                "DIFFERENT_AGENCY",
                absl::StrCat("unit ", change.unit_id, " belongs to another agency"));
          }
        }
        const int finalised =
            db::Exec1(tx, queries::kFinalisedInUnitPeriod, change.unit_id, change.period_id)[0]
                .as<int>();
        ASSIGN_OR_RETURN(OrgPredicateDecision decision, change.decide(finalised));
        OrgPredicateRecord record;
        record.period_id = change.period_id;
        record.decision = decision;
        record.decided_by_position_id = change.decided_by_position_id;
        pqxx::result saved_row =
            db::Exec(tx, queries::kUpsertOrgPredicate, change.agency_id, change.unit_id,
                     change.period_id, std::string(OrgPredicateName(decision.predicate)),
                     internal::OfficialJson(
                         OfficialRecord{decision.decided_by, change.decided_by_position_id, ""}),
                     std::string(CapacityName(decision.decided_by.capacity)), decision.recorded_by,
                     decision.note, *internal::MicrosParam(decision.decide_time));
        OrgPredicateRecord saved =
            internal::OrgPredicateFromJson(internal::RowJson(saved_row[0][0]));
        std::optional<std::string> before_json;
        if (before) before_json = internal::MessageJson(ToProto(*before));
        internal::Audit(tx, write, "org_predicate.set", "org_predicate", saved.id,
                        std::move(before_json), internal::MessageJson(ToProto(saved)));
        v1::OrgPredicateChanged event;
        *event.mutable_decision() = ToProto(saved);
        internal::Emit(tx, write, kOrgPredicateSet, "org_predicate", saved.id, event);
        return saved;
      });
}

absl::StatusOr<Page<OrgPredicateRecord>> ReviewStore::ListOrgPredicates(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 2));
  static const std::vector<db::FilterColumn>* columns =
      new std::vector<db::FilterColumn>{{.field = "agency_id", .column = "o.agency_id"},
                                        {.field = "period_id", .column = "o.period_id"},
                                        {.field = "unit_id", .column = "o.unit_id"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) {
    where.push_back(absl::StrCat("(o.period_id, o.unit_id) > (", params.Add(page.after[0]), ", ",
                                 params.Add(page.after[1]), ")"));
  }
  const std::string sql =
      absl::StrCat("SELECT to_jsonb(o) FROM org_predicates o", db::WhereClause(where),
                   " ORDER BY o.period_id, o.unit_id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<OrgPredicateRecord>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<OrgPredicateRecord> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::OrgPredicateFromJson(internal::RowJson(row[0])));
        }
        if (out.has_more) {
          out.last_key = {out.items.back().period_id, out.items.back().decision.unit_id};
        }
        return out;
      });
}

}  // namespace kinerja::review::store
