// Alignment: the cascade tree of a plan with orphans and uncovered results.
#include "services/goals/api/goal_service.h"
#include "services/goals/api/support.h"
#include "services/goals/convert/proto_convert.h"
#include "services/goals/domain/access.h"
#include "services/goals/domain/cascade.h"

namespace kinerja::goals::api {
namespace {

void NodeToProto(const CascadeNodeOut& node, v1::CascadeNode* out) {
  out->set_plan_id(node.plan_id);
  *out->mutable_employee() = ToProto(node.employee);
  out->set_state(ToProto(node.state));
  for (const CascadeResultNode& r : node.results) {
    v1::CascadeResult* result = out->add_results();
    result->set_result_id(r.result_id);
    result->set_kind(r.kind == ResultKind::kMain ? v1::RESULT_KIND_MAIN
                                                 : v1::RESULT_KIND_ADDITIONAL);
    result->set_text(r.text);
    result->set_parent_result_id(r.parent_result_id);
    for (const std::string& child : r.child_result_ids) result->add_child_result_ids(child);
    result->set_cascade_type(ToProto(r.cascade_type));
    result->set_parent_indicator_id(r.parent_indicator_id);
  }
  for (const CascadeNodeOut& report : node.reports) NodeToProto(report, out->add_reports());
}

void IssueToProto(const CascadeIssueOut& issue, v1::CascadeIssue* out) {
  out->set_plan_id(issue.plan_id);
  out->set_employee_id(issue.employee_id);
  out->set_employee_name(issue.employee_name);
  out->set_result_id(issue.result_id);
  out->set_text(issue.text);
}

}  // namespace

grpc::ServerUnaryReactor* GoalService::GetCascadeTree(grpc::CallbackServerContext* ctx,
                                                      const v1::GetCascadeTreeRequest* request,
                                                      v1::CascadeTree* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetCascadeTree", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->plan_id(), "plan_id"));
        ASSIGN_OR_RETURN(Plan root, store().GetPlan(request->plan_id()));
        // Whoever may read the root plan sees the cascade below it: the leader, their assessor,
        // the agency's HR admins, auditors.
        RETURN_IF_ERROR(CanReadPlan(call.principal, root));
        ASSIGN_OR_RETURN(std::vector<CascadePlanInput> plans,
                         store().LoadCascade(request->plan_id()));
        ASSIGN_OR_RETURN(CascadeTreeOut tree, BuildCascadeTree(request->plan_id(), plans));
        NodeToProto(tree.root, response->mutable_root());
        for (const CascadeIssueOut& issue : tree.orphans)
          IssueToProto(issue, response->add_orphans());
        for (const CascadeIssueOut& issue : tree.uncovered) {
          IssueToProto(issue, response->add_uncovered());
        }
        response->set_plan_count(tree.plan_count);
        response->set_result_count(tree.result_count);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::goals::api
