// LoadCascade: the plans below a root plan through assessor_employee_id (one recursive query,
// walking the plans_cascade index) and all their results (one query), in one snapshot.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "services/goals/domain/names.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {

absl::StatusOr<std::vector<CascadePlanInput>> GoalsStore::LoadCascade(
    const std::string& root_plan_id) {
  return db::RunInTransaction(
      pool_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<CascadePlanInput>> {
        // Both queries read the same snapshot.
        tx.exec0("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        // UNION (not UNION ALL) drops a plan reached twice, so cycles in the data end the walk.
        pqxx::result plans = tx.exec_params(
            "WITH RECURSIVE tree (id, period_id, employee_id) AS ("
            "  SELECT p.id, p.period_id, p.employee_id FROM plans p WHERE p.id = $1"
            "  UNION"
            "  SELECT c.id, c.period_id, c.employee_id FROM tree t JOIN plans c"
            "    ON c.period_id = t.period_id AND c.assessor_employee_id = t.employee_id"
            "   AND c.state <> 'CLOSED')"
            " SELECT p.id, p.employee_id, p.employee_nip, p.employee_name, p.position_id,"
            " p.position_name, p.unit_id, p.unit_name, p.employee_non_asn, p.employee_acting,"
            " p.employee_rank_label, p.position_type, p.state, p.assessor_employee_id"
            " FROM tree t JOIN plans p ON p.id = t.id",
            root_plan_id);
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
        pqxx::result results = tx.exec_params(
            "SELECT r.plan_id, r.id, r.kind, r.text, r.parent_result_id FROM plan_results r "
            "WHERE r.plan_id = ANY($1::text[]) ORDER BY r.plan_id, r.ordinal",
            db::TextArrayLiteral(ids));
        for (const pqxx::row& row : results) {
          auto it = index.find(absl::string_view(row[0].c_str(), row[0].size()));
          if (it == index.end()) continue;
          CascadeResultInput result;
          result.id = row[1].as<std::string>();
          absl::StatusOr<ResultKind> kind = ParseResultKind(row[2].as<std::string>(), "kind");
          result.kind = kind.ok() ? *kind : ResultKind::kMain;
          result.text = row[3].as<std::string>();
          result.parent_result_id = internal::TextOrEmpty(row[4]);
          out[it->second].results.push_back(std::move(result));
        }
        return out;
      });
}

}  // namespace kinerja::goals::store
