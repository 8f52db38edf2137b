#include "shared/server/audit_sealer.h"

#include <utility>

#include "shared/db/audit_chain.h"
#include "shared/log/log.h"

namespace kinerja::server {

AuditSealer::AuditSealer(db::Pool* pool, std::string schema, absl::Duration interval)
    : pool_(pool), schema_(std::move(schema)), interval_(interval) {
  thread_ = std::thread([this] { Loop(); });
}

AuditSealer::~AuditSealer() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void AuditSealer::Loop() {
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      auto stopping = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return stopping_; };
      if (mu_.AwaitWithTimeout(absl::Condition(&stopping), interval_)) return;
    }
    SealOnce();
  }
}

void AuditSealer::SealOnce() {
  absl::Status status;
  if (absl::StatusOr<db::Lease> lease = pool_->Acquire(); !lease.ok()) {
    status = lease.status();
  } else if (absl::StatusOr<int64_t> sealed = db::SealAllAuditRows(lease->conn(), schema_);
             !sealed.ok()) {
    status = sealed.status();
    if (absl::IsUnavailable(status)) lease->MarkBroken();
  }
  // The health monitor already reports an unreachable database; say once that sealing lags.
  if (!status.ok() && !failing_) {
    log::Warn("audit sealing failed; retrying every interval", {{"error", status.message()}});
  } else if (status.ok() && failing_) {
    log::Info("audit sealing resumed");
  }
  failing_ = !status.ok();
}

}  // namespace kinerja::server
