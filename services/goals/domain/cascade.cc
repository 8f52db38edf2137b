#include "services/goals/domain/cascade.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "shared/errors/errors.h"

namespace kinerja::goals {
namespace {

// One plan of the tree while it is being built: input index and reports (tree indices).
struct Visit {
  size_t input = 0;
  std::vector<size_t> reports;
};

CascadeIssueOut Issue(const CascadePlanInput& plan, const CascadeResultInput& result) {
  return CascadeIssueOut{plan.plan_id, plan.employee.employee_id, plan.employee.name, result.id,
                         result.text};
}

// The result nodes of one plan, with child_result_ids taken from its reports' results in
// report order (each report's results in content order).
std::vector<CascadeResultNode> ResultNodes(const std::vector<CascadePlanInput>& plans,
                                           const std::vector<Visit>& tree, const Visit& visit) {
  const CascadePlanInput& plan = plans[visit.input];
  std::vector<CascadeResultNode> nodes;
  nodes.reserve(plan.results.size());
  absl::flat_hash_map<std::string_view, size_t> by_id;
  for (const CascadeResultInput& r : plan.results) {
    if (!r.id.empty()) by_id.emplace(r.id, nodes.size());
    nodes.push_back(CascadeResultNode{
        r.id, r.kind, r.text, r.parent_result_id, {}, r.cascade_type, r.parent_indicator_id});
  }
  for (size_t report : visit.reports) {
    for (const CascadeResultInput& r : plans[tree[report].input].results) {
      if (r.parent_result_id.empty()) continue;
      if (auto it = by_id.find(r.parent_result_id); it != by_id.end()) {
        nodes[it->second].child_result_ids.push_back(r.id);
      }
    }
  }
  return nodes;
}

}  // namespace

absl::StatusOr<CascadeTreeOut> BuildCascadeTree(const std::string& root_plan_id,
                                                const std::vector<CascadePlanInput>& plans) {
  size_t root = plans.size();
  for (size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].plan_id == root_plan_id) {
      root = i;
      break;
    }
  }
  if (root == plans.size()) return errors::NotFound("plan", root_plan_id);

  // Reports by their assessor's employee id (closed plans are out of the tree).
  absl::flat_hash_map<std::string_view, std::vector<size_t>> by_assessor;
  for (size_t i = 0; i < plans.size(); ++i) {
    const CascadePlanInput& p = plans[i];
    if (i == root || p.state == PlanState::kClosed || p.assessor_employee_id.empty()) continue;
    by_assessor[p.assessor_employee_id].push_back(i);
  }

  // Depth-first, iteratively (deep or cyclic data must not exhaust the stack). A plan is claimed
  // when its assessor's plan is expanded, so it appears once and siblings stay siblings.
  // (Not `= {plans[root].plan_id}`: that initializer list holds a temporary copy of the string,
  // and the set would keep a view of it.)
  absl::flat_hash_set<std::string_view> claimed;
  claimed.insert(std::string_view(plans[root].plan_id));
  std::vector<Visit> tree = {Visit{root, {}}};  // in depth-first pre-order
  std::vector<size_t> stack = {0};
  std::vector<size_t> order;  // tree indices in pre-order
  while (!stack.empty()) {
    const size_t current = stack.back();
    stack.pop_back();
    order.push_back(current);
    const std::string& employee_id = plans[tree[current].input].employee.employee_id;
    if (employee_id.empty()) continue;
    auto it = by_assessor.find(employee_id);
    if (it == by_assessor.end()) continue;
    std::vector<size_t> reports;
    for (size_t candidate : it->second) {
      if (claimed.insert(plans[candidate].plan_id).second) reports.push_back(candidate);
    }
    std::sort(reports.begin(), reports.end(), [&](size_t a, size_t b) {
      const CascadePlanInput& pa = plans[a];
      const CascadePlanInput& pb = plans[b];
      if (pa.employee.name != pb.employee.name) return pa.employee.name < pb.employee.name;
      return pa.plan_id < pb.plan_id;
    });
    for (size_t input : reports) {
      tree[current].reports.push_back(tree.size());
      tree.push_back(Visit{input, {}});
    }
    const std::vector<size_t>& children = tree[current].reports;
    for (auto child = children.rbegin(); child != children.rend(); ++child) stack.push_back(*child);
  }

  CascadeTreeOut out;
  out.plan_count = static_cast<int>(order.size());
  // Issues in pre-order.
  std::vector<std::vector<CascadeResultNode>> results(tree.size());
  for (size_t index : order) {
    const Visit& visit = tree[index];
    const CascadePlanInput& plan = plans[visit.input];
    results[index] = ResultNodes(plans, tree, visit);
    out.result_count += static_cast<int>(plan.results.size());
    const bool jpt = IsJptPositionType(plan.position_type);
    for (size_t k = 0; k < plan.results.size(); ++k) {
      const CascadeResultInput& r = plan.results[k];
      if (r.kind != ResultKind::kMain) continue;
      if (!jpt && r.parent_result_id.empty()) out.orphans.push_back(Issue(plan, r));
      if (!visit.reports.empty() && results[index][k].child_result_ids.empty()) {
        out.uncovered.push_back(Issue(plan, r));
      }
    }
  }

  // Nodes bottom-up: children come after their parent in pre-order.
  std::vector<CascadeNodeOut> nodes(tree.size());
  for (auto index = order.rbegin(); index != order.rend(); ++index) {
    const Visit& visit = tree[*index];
    const CascadePlanInput& plan = plans[visit.input];
    CascadeNodeOut& node = nodes[*index];
    node.plan_id = plan.plan_id;
    node.employee = plan.employee;
    node.state = plan.state;
    node.results = std::move(results[*index]);
    node.reports.reserve(visit.reports.size());
    for (size_t child : visit.reports) node.reports.push_back(std::move(nodes[child]));
  }
  out.root = std::move(nodes[0]);
  return out;
}

}  // namespace kinerja::goals
