// Seals the service's audit rows onto its hash chain shortly after they commit
// (shared/db/audit_chain.h): a background thread calling db::SealAllAuditRows on a pooled
// connection every interval. Writers never wait for it; it only bounds how long a fresh audit row
// stays outside the chain.
#pragma once

#include <string>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "shared/db/pool.h"

namespace kinerja::server {

class AuditSealer {
 public:
  AuditSealer(db::Pool* pool, std::string schema, absl::Duration interval = absl::Seconds(1));
  ~AuditSealer();  // stops the thread; a sealing in progress finishes first
  AuditSealer(const AuditSealer&) = delete;
  AuditSealer& operator=(const AuditSealer&) = delete;

 private:
  void Loop();
  void SealOnce();

  db::Pool* const pool_;
  const std::string schema_;
  const absl::Duration interval_;
  bool failing_ = false;  // the last run failed: one warning per outage, not one per interval
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace kinerja::server
