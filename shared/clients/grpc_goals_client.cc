#include "shared/clients/grpc_goals_client.h"

#include "absl/strings/str_cat.h"
#include "shared/clients/remote_status.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::clients {
namespace {

namespace gv1 = ::kinerja::goals::v1;

constexpr char kService[] = "goals service";
constexpr int kPageSize = 500;

template <typename Call>
absl::Status Invoke(ServiceChannel& channel, const char* name, Call&& call) {
  ASSIGN_OR_RETURN(std::unique_ptr<grpc::ClientContext> ctx, channel.UnaryContext());
  return FromRemote(call(ctx.get()), kService, name);
}

}  // namespace

GrpcGoalsClient::GrpcGoalsClient(ChannelOptions options)
    : GrpcGoalsClient(options, Dial(options)) {}

GrpcGoalsClient::GrpcGoalsClient(ChannelOptions options, std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(options), std::move(channel)),
      stub_(gv1::GoalService::NewStub(channel_.channel())),
      events_(channel_, *stub_, kService) {}

absl::StatusOr<gv1::Plan> GrpcGoalsClient::GetPlan(const std::string& id) {
  gv1::GetPlanRequest request;
  request.set_id(id);
  gv1::Plan plan;
  RETURN_IF_ERROR(Invoke(channel_, "GetPlan", [&](grpc::ClientContext* ctx) {
    return stub_->GetPlan(ctx, request, &plan);
  }));
  return plan;
}

absl::StatusOr<gv1::Period> GrpcGoalsClient::GetPeriod(const std::string& id) {
  gv1::GetPeriodRequest request;
  request.set_id(id);
  gv1::Period period;
  RETURN_IF_ERROR(Invoke(channel_, "GetPeriod", [&](grpc::ClientContext* ctx) {
    return stub_->GetPeriod(ctx, request, &period);
  }));
  return period;
}

absl::StatusOr<gv1::PlanVersion> GrpcGoalsClient::GetPlanVersion(const std::string& plan_id,
                                                                 int32_t revision) {
  gv1::GetPlanVersionRequest request;
  request.set_plan_id(plan_id);
  request.set_revision(revision);
  gv1::PlanVersion version;
  RETURN_IF_ERROR(Invoke(channel_, "GetPlanVersion", [&](grpc::ClientContext* ctx) {
    return stub_->GetPlanVersion(ctx, request, &version);
  }));
  return version;
}

absl::StatusOr<gv1::PlanVersion> GrpcGoalsClient::GetPlanVersionOn(const std::string& plan_id,
                                                                   absl::CivilDay date) {
  gv1::GetPlanVersionRequest request;
  request.set_plan_id(plan_id);
  *request.mutable_date() = rpc::DayToProto(date);
  gv1::PlanVersion version;
  RETURN_IF_ERROR(Invoke(channel_, "GetPlanVersion", [&](grpc::ClientContext* ctx) {
    return stub_->GetPlanVersion(ctx, request, &version);
  }));
  return version;
}

absl::StatusOr<std::vector<gv1::Plan>> GrpcGoalsClient::ListPlans(const std::string& filter,
                                                                  int max_plans) {
  std::vector<gv1::Plan> out;
  std::string token;
  do {
    gv1::ListPlansRequest request;
    request.set_page_size(kPageSize);
    request.set_page_token(token);
    request.set_filter(filter);
    gv1::ListPlansResponse response;
    RETURN_IF_ERROR(Invoke(channel_, "ListPlans", [&](grpc::ClientContext* ctx) {
      return stub_->ListPlans(ctx, request, &response);
    }));
    for (gv1::Plan& plan : *response.mutable_plans()) {
      if (static_cast<int>(out.size()) >= max_plans) {
        return absl::InternalError(
            absl::StrCat("more than ", max_plans, " plans match '", filter, "'"));
      }
      out.push_back(std::move(plan));
    }
    token = response.next_page_token();
  } while (!token.empty());
  return out;
}

}  // namespace kinerja::clients
