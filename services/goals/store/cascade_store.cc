// LoadCascade: the plans below a root plan through assessor_employee_id (one recursive query,
// walking the plans_cascade index) and all their results (one query), in one snapshot.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "services/goals/domain/names.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {

absl::StatusOr<std::vector<CascadePlanInput>> GoalsStore::LoadCascade(
    const std::string& root_plan_id) {
  return db::RunInTransaction(
      pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<CascadePlanInput>> {
        // Both queries read the same snapshot. Not a named query: PostgreSQL prepares only
        // SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES.
        tx.exec0("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        pqxx::result plans = db::Exec(tx, queries::kCascadePlans, root_plan_id);
        if (plans.empty()) return errors::NotFound("plan", root_plan_id);
        std::vector<CascadePlanInput> out;
        out.reserve(plans.size());
        absl::flat_hash_map<std::string, size_t> index;
        index.reserve(plans.size());
        std::vector<std::string> ids;
        ids.reserve(plans.size());
        for (const pqxx::row& row : plans) {
          CascadePlanInput plan;
          plan.plan_id = row[0].as<std::string>();
          plan.employee.employee_id = row[1].as<std::string>();
          plan.employee.nip = row[2].as<std::string>();
          plan.employee.name = row[3].as<std::string>();
          plan.employee.position_id = row[4].as<std::string>();
          plan.employee.position_name = row[5].as<std::string>();
          plan.employee.unit_id = row[6].as<std::string>();
          plan.employee.unit_name = row[7].as<std::string>();
          plan.employee.non_asn = row[8].as<bool>();
          plan.employee.acting = row[9].as<std::string>();
          plan.employee.rank_label = row[10].as<std::string>();
          plan.position_type = row[11].as<std::string>();
          absl::StatusOr<PlanState> state = ParsePlanState(row[12].as<std::string>(), "state");
          plan.state = state.ok() ? *state : PlanState::kDraft;
          plan.assessor_employee_id = internal::TextOrEmpty(row[13]);
          index.emplace(plan.plan_id, out.size());
          ids.push_back(plan.plan_id);
          out.push_back(std::move(plan));
        }
        pqxx::result results = db::Exec(tx, queries::kCascadeResults, db::TextArrayLiteral(ids));
        for (const pqxx::row& row : results) {
          auto it = index.find(absl::string_view(row[0].c_str(), row[0].size()));
          if (it == index.end()) continue;
          CascadeResultInput result;
          result.id = row[1].as<std::string>();
          absl::StatusOr<ResultKind> kind = ParseResultKind(row[2].as<std::string>(), "kind");
          result.kind = kind.ok() ? *kind : ResultKind::kMain;
          result.text = row[3].as<std::string>();
          result.parent_result_id = internal::TextOrEmpty(row[4]);
          result.cascade_type = db::OrDefault(
              ParseCascadeType(row[5].as<std::string>(), "cascade_type"), CascadeType::kNone);
          result.parent_indicator_id = row[6].as<std::string>();
          out[it->second].results.push_back(std::move(result));
        }
        return out;
      });
}

}  // namespace kinerja::goals::store
