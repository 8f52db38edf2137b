#include "shared/db/pool.h"

#include <pqxx/except>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "shared/db/platform_statements.h"

namespace kinerja::db {

Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(other.slot_), conn_(other.conn_), broken_(other.broken_) {
  other.pool_ = nullptr;
}

Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(slot_, broken_ || !conn_->is_open());
}

Pool::Pool(PoolOptions options, std::vector<Statement> statements)
    : options_(std::move(options)), statements_(std::move(statements)) {
  conns_.resize(options_.size);
  busy_.assign(options_.size, false);
}

Pool::~Pool() = default;

absl::StatusOr<std::unique_ptr<Pool>> Pool::Create(PoolOptions options,
                                                   std::vector<Statement> statements) {
  if (options.size < 1) return absl::InvalidArgumentError("db pool size must be at least 1");
  if (options.schema.empty()) return absl::InvalidArgumentError("db pool needs a schema");
  for (Statement& platform : PlatformStatements()) statements.push_back(std::move(platform));
  return std::unique_ptr<Pool>(new Pool(std::move(options), std::move(statements)));
}

absl::StatusOr<std::unique_ptr<pqxx::connection>> Pool::Open() {
  try {
    auto conn = std::make_unique<pqxx::connection>(options_.dsn);
    pqxx::nontransaction setup(*conn);
    setup.exec0(absl::StrCat("SET search_path TO ", setup.quote_name(options_.schema),
                             "; SET application_name TO ", setup.quote(options_.application_name),
                             "; SET TIME ZONE 'UTC'"));
    setup.commit();
    for (const Statement& s : statements_) conn->prepare(s.name, s.sql);
    return conn;
  } catch (const std::exception& e) {
    // The DSN may hold a password: report only the server's reason.
    return absl::UnavailableError(absl::StrCat("database unreachable: ", e.what()));
  }
}

absl::StatusOr<Lease> Pool::Acquire() {
  int slot = -1;
  bool need_open = false;
  {
    absl::MutexLock lock(&mu_);
    ++waiting_;
    auto has_free = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return in_use_ < options_.size; };
    bool ok = mu_.AwaitWithTimeout(absl::Condition(&has_free), options_.acquire_timeout);
    --waiting_;
    if (!ok) {
      return absl::UnavailableError(absl::StrCat("no database connection free within ",
                                                 absl::FormatDuration(options_.acquire_timeout)));
    }
    // Prefer a slot with an open connection.
    for (int i = 0; i < options_.size; ++i) {
      if (!busy_[i] && conns_[i] != nullptr) {
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
    ++connections_opened_total_;
  }
  absl::MutexLock lock(&mu_);
  return Lease(this, slot, conns_[slot].get());
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
