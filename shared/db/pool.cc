#include "shared/db/pool.h"

#include <pqxx/except>
#include <pqxx/pqxx>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "shared/context/call_scope.h"
#include "shared/db/statement_timeout.h"

namespace kinerja::db {

Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(other.slot_), conn_(other.conn_), broken_(other.broken_) {
  other.pool_ = nullptr;
}

Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(slot_, broken_ || !conn_->is_open());
}

Pool::Pool(PoolOptions options) : options_(std::move(options)) {
  conns_.resize(options_.size);
  busy_.assign(options_.size, false);
  timeout_ms_.assign(options_.size, -1);
}

Pool::~Pool() = default;

absl::StatusOr<std::unique_ptr<Pool>> Pool::Create(PoolOptions options) {
  if (options.size < 1) return absl::InvalidArgumentError("db pool size must be at least 1");
  if (options.schema.empty()) return absl::InvalidArgumentError("db pool needs a schema");
  return std::unique_ptr<Pool>(new Pool(std::move(options)));
}

absl::StatusOr<std::unique_ptr<pqxx::connection>> Pool::Open() {
  try {
    auto conn = std::make_unique<pqxx::connection>(options_.dsn);
    pqxx::nontransaction setup(*conn);
    setup.exec0(absl::StrCat("SET search_path TO ", setup.quote_name(options_.schema),
                             "; SET application_name TO ", setup.quote(options_.application_name),
                             "; SET TIME ZONE 'UTC'"));
    setup.commit();
    return conn;
  } catch (const std::exception& e) {
    // The DSN may hold a password: report only the server's reason.
    return absl::UnavailableError(absl::StrCat("database unreachable: ", e.what()));
  }
}

absl::StatusOr<Lease> Pool::Acquire() {
  const absl::Duration remaining = context::RemainingTime();
  if (remaining <= absl::ZeroDuration()) {
    return absl::DeadlineExceededError(
        "the call's deadline passed before its database work started");
  }
  int slot = -1;
  bool need_open = false;
  {
    absl::MutexLock lock(&mu_);
    ++waiting_;
    auto has_free = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return in_use_ < options_.size; };
    const absl::Duration wait = std::min(options_.acquire_timeout, remaining);
    bool ok = mu_.AwaitWithTimeout(absl::Condition(&has_free), wait);
    --waiting_;
    if (!ok && wait < options_.acquire_timeout) {
      return absl::DeadlineExceededError(
          "the call's deadline passed while waiting for a database connection");
    }
    if (!ok) {
      return absl::UnavailableError(absl::StrCat("no database connection free within ",
                                                 absl::FormatDuration(options_.acquire_timeout)));
    }
    // Prefer an open connection, and among those one whose statement_timeout already suits this
    // work: calls and background work (no deadline) then keep to their own connections instead
    // of paying a SET each time they alternate.
    for (int i = 0; i < options_.size; ++i) {
      if (busy_[i] || conns_[i] == nullptr) continue;
      if (slot < 0) slot = i;
      if (StatementTimeoutFits(timeout_ms_[i], remaining, options_.statement_timeout)) {
        slot = i;
        break;
      }
    }
    if (slot < 0) {
      for (int i = 0; i < options_.size; ++i) {
        if (!busy_[i]) {
          slot = i;
          break;
        }
      }
      need_open = true;
    }
    busy_[slot] = true;
    ++in_use_;
    ++acquired_total_;
  }
  if (need_open) {
    auto conn = Open();
    absl::MutexLock lock(&mu_);
    if (!conn.ok()) {
      busy_[slot] = false;
      --in_use_;
      return conn.status();
    }
    conns_[slot] = *std::move(conn);
    timeout_ms_[slot] = -1;
    ++connections_opened_total_;
  }
  pqxx::connection* conn = nullptr;
  {
    absl::MutexLock lock(&mu_);
    conn = conns_[slot].get();
  }
  Lease lease(this, slot, conn);
  if (absl::Status set = SetStatementTimeout(slot, *conn, remaining); !set.ok()) {
    lease.MarkBroken();
    return set;
  }
  return lease;
}

absl::Status Pool::SetStatementTimeout(int slot, pqxx::connection& conn, absl::Duration remaining) {
  if (StatementTimeoutFits(timeout_ms_[slot], remaining, options_.statement_timeout)) {
    return absl::OkStatus();
  }
  const int64_t ms = StatementTimeoutMillis(remaining, options_.statement_timeout);
  try {
    pqxx::nontransaction(conn).exec0(absl::StrCat("SET statement_timeout = ", ms));
  } catch (const std::exception& e) {
    timeout_ms_[slot] = -1;
    return absl::UnavailableError(absl::StrCat("database unreachable: ", e.what()));
  }
  timeout_ms_[slot] = ms;
  return absl::OkStatus();
}

void Pool::Release(int slot, bool broken) {
  std::unique_ptr<pqxx::connection> dropped;
  absl::MutexLock lock(&mu_);
  if (broken) dropped = std::move(conns_[slot]);  // closed outside the pool's users' way
  busy_[slot] = false;
  --in_use_;
}

PoolStats Pool::Stats() const {
  absl::MutexLock lock(&mu_);
  PoolStats s;
  s.size = options_.size;
  s.in_use = in_use_;
  s.waiting = waiting_;
  for (const auto& c : conns_) s.open += c != nullptr;
  s.acquired_total = acquired_total_;
  s.connections_opened_total = connections_opened_total_;
  return s;
}

}  // namespace kinerja::db
