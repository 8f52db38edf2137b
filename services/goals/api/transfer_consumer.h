// Follows the employee service's events (StreamEvents, types EmployeeTransferred) and applies
// each transfer to the plans here: the employee's open plan in every period that covers the
// effective date is closed, and a new draft plan for the new position is created in that period
// when it is still OPEN (DOMAIN.md: "a transfer starts a new SKP"). The cursor is stored in the
// same transaction as the effect, so a restart resumes where it stopped and a replay changes
// nothing. Reconnects with backoff when the employee service is unavailable.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "kinerja/common/v1/events.pb.h"
#include "services/goals/api/employee_directory.h"
#include "services/goals/store/goals_store.h"

namespace kinerja::goals::api {

inline constexpr char kTransferConsumer[] = "employee.EmployeeTransferred";

class TransferConsumer {
 public:
  TransferConsumer(store::GoalsStore& store, EmployeeDirectory& directory);
  ~TransferConsumer();  // Stop()

  void Start();
  void Stop();

  // Applies one event (exposed for tests and for the loop). An event that is not a transfer,
  // or whose employee has no plan here, only advances the cursor.
  absl::Status Handle(const kinerja::common::v1::EventEnvelope& event);

  // Events handled since start (for metrics and tests).
  int64_t handled() const { return handled_.load(); }

 private:
  void Run();
  absl::Status FollowOnce();

  store::GoalsStore& store_;
  EmployeeDirectory& directory_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> handled_{0};
  absl::Mutex mu_;
  grpc::ClientContext* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  std::thread thread_;
};

}  // namespace kinerja::goals::api
