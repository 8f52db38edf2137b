// The goals service's client over gRPC (one reused channel, this service's identity, deadlines
// bounded by the incoming call's, request id and trace forwarded: service_channel.h).
#pragma once

#include <memory>

#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "shared/clients/goals_client.h"
#include "shared/clients/service_channel.h"
#include "shared/clients/stub_event_source.h"

namespace kinerja::clients {

class GrpcGoalsClient final : public GoalsClient {
 public:
  explicit GrpcGoalsClient(ChannelOptions options);
  // For tests: an existing channel.
  GrpcGoalsClient(ChannelOptions options, std::shared_ptr<grpc::Channel> channel);

  absl::StatusOr<goals::v1::Plan> GetPlan(const std::string& id) override;
  absl::StatusOr<goals::v1::Period> GetPeriod(const std::string& id) override;
  absl::StatusOr<goals::v1::PlanVersion> GetPlanVersion(const std::string& plan_id,
                                                        int32_t revision) override;
  absl::StatusOr<goals::v1::PlanVersion> GetPlanVersionOn(const std::string& plan_id,
                                                          absl::CivilDay date) override;
  absl::StatusOr<std::vector<goals::v1::Plan>> ListPlans(const std::string& filter,
                                                         int max_plans = 20000) override;
  events::EventSource& Events() override { return events_; }

 private:
  ServiceChannel channel_;
  std::unique_ptr<goals::v1::GoalService::Stub> stub_;
  StubEventSource<goals::v1::GoalService::Stub> events_;
};

}  // namespace kinerja::clients
