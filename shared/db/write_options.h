// What a store needs to know about a mutating call besides its arguments: who and which request
// (for the audit log and the outbox), and the optional request_id idempotency key.
#pragma once

#include <optional>

#include "shared/db/change_context.h"
#include "shared/db/idempotency.h"

namespace kinerja::db {

struct WriteOptions {
  ChangeContext ctx = {};  // actor + request id: written to audit_log and outbox
  std::optional<IdempotencyKey> idempotency = {};
};

}  // namespace kinerja::db
