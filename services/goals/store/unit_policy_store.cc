// Unit policies: upsert by unit id, list by agency.
#include <string>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/domain/unit_policy.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/filter_sql.h"

namespace kinerja::goals::store {

absl::StatusOr<UnitPolicy> GoalsStore::SetUnitPolicy(const UnitPolicy& policy,
                                                     const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateUnitPolicy(policy));
  return internal::RunWrite<UnitPolicy>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<UnitPolicy> {
        pqxx::result current = db::Exec(tx, queries::kLockUnitPolicy, policy.unit_id);
        std::optional<UnitPolicy> before;
        if (!current.empty()) {
          before = internal::UnitPolicyFromRow(current[0]);
          if (before->agency_id != policy.agency_id) {
            return errors::RuleViolation("DIFFERENT_AGENCY",
                                         absl::StrCat("agency_id: unit ", policy.unit_id,
                                                      " belongs to agency ", before->agency_id));
          }
          if (before->public_service == policy.public_service &&
              before->include_subunits == policy.include_subunits &&
              before->survey_id == policy.survey_id) {
            return *before;  // unchanged
          }
        }
        // A concurrent first write of the same unit turns the insert into the update; no row
        // when that unit belongs to another agency.
        pqxx::result r = db::Exec(tx, queries::kUpsertUnitPolicy, policy.unit_id, policy.agency_id,
                                  policy.public_service, policy.include_subunits, policy.survey_id);
        if (r.empty()) {
          return errors::RuleViolation(
              "DIFFERENT_AGENCY",
              absl::StrCat("agency_id: unit ", policy.unit_id, " belongs to another agency"));
        }
        UnitPolicy saved = internal::UnitPolicyFromRow(r[0]);
        std::optional<std::string> before_json;
        if (before) before_json = internal::MessageJson(ToProto(*before));
        internal::Audit(tx, write, "unit_policy.set", "unit_policy", saved.unit_id,
                        std::move(before_json), internal::MessageJson(ToProto(saved)));
        pb::UnitPolicyChanged event;
        *event.mutable_policy() = ToProto(saved);
        internal::Emit(tx, write, kUnitPolicyChanged, "unit_policy", saved.unit_id, event);
        return saved;
      });
}

absl::StatusOr<Page<UnitPolicy>> GoalsStore::ListUnitPolicies(
    const std::vector<rpc::Condition>& filter, const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 1));
  static const std::vector<db::FilterColumn>* columns =
      new std::vector<db::FilterColumn>{{.field = "agency_id", .column = "u.agency_id"}};
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) where.push_back("u.unit_id > " + params.Add(page.after[0]));
  const std::string sql =
      absl::StrCat("SELECT ", internal::UnitPolicyColumns("u"), " FROM unit_policies u",
                   db::WhereClause(where), " ORDER BY u.unit_id LIMIT ", page.page_size + 1);
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<UnitPolicy>> {
        pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
        Page<UnitPolicy> out;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          out.items.push_back(internal::UnitPolicyFromRow(row));
        }
        if (out.has_more) out.last_key = {out.items.back().unit_id};
        return out;
      });
}

}  // namespace kinerja::goals::store
