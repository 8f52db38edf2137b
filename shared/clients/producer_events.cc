#include "shared/clients/producer_events.h"

#include "absl/strings/str_cat.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "shared/clients/stub_event_source.h"

namespace kinerja::clients {
namespace {

template <typename Service>
class StubProducerEvents final : public ProducerEvents {
 public:
  StubProducerEvents(std::string producer, ChannelOptions options)
      : producer_(std::move(producer)),
        channel_(std::move(options)),
        stub_(Service::NewStub(channel_.channel())),
        source_(channel_, *stub_, producer_ + " service") {}

  events::EventSource& source() override { return source_; }
  const std::string& producer() const override { return producer_; }

 private:
  const std::string producer_;
  ServiceChannel channel_;
  std::unique_ptr<typename Service::Stub> stub_;
  StubEventSource<typename Service::Stub> source_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ProducerEvents>> ConnectProducerEvents(std::string_view producer,
                                                                      ChannelOptions options) {
  if (producer == "employee") {
    return std::make_unique<StubProducerEvents<employee::v1::EmployeeService>>(
        std::string(producer), std::move(options));
  }
  if (producer == "goals") {
    return std::make_unique<StubProducerEvents<goals::v1::GoalService>>(std::string(producer),
                                                                        std::move(options));
  }
  if (producer == "review") {
    return std::make_unique<StubProducerEvents<review::v1::ReviewService>>(std::string(producer),
                                                                           std::move(options));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown producer '", std::string(producer), "': employee, goals or review"));
}

}  // namespace kinerja::clients
