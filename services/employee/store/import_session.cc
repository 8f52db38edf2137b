#include "services/employee/store/import_session.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "services/employee/store/rows.h"
#include "shared/db/audit.h"
#include "shared/db/idempotency.h"
#include "shared/db/transaction.h"
#include "shared/events/outbox_writer.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::employee::store {
namespace internal {
namespace {

constexpr size_t kMaxErrors = 1000;

}  // namespace

ImportSessionImpl::ImportSessionImpl(db::Pool* pool, db::Lease lease, ImportKind kind,
                                     const ImportOptions& options)
    : pool_(pool), lease_(std::move(lease)), kind_(kind), options_(options) {
  effective_day_ = options.default_effective_date.value_or(rpc::TodayInJakarta());
  effective_date_ = DayText(effective_day_);
}

ImportSessionImpl::~ImportSessionImpl() {
  try {
    copy_.reset();
    if (tx_) tx_->abort();
  } catch (...) {
    lease_.MarkBroken();
  }
}

absl::StatusOr<std::unique_ptr<ImportSession>> ImportSessionImpl::Begin(
    db::Pool& pool, ImportKind kind, const ImportOptions& options) {
  if (options.agency_id.empty()) return errors::InvalidField("agency_id", "is required");
  ASSIGN_OR_RETURN(db::Lease lease, pool.Acquire());
  std::unique_ptr<ImportSessionImpl> session(
      new ImportSessionImpl(&pool, std::move(lease), kind, options));
  RETURN_IF_ERROR(session->Start());
  return std::unique_ptr<ImportSession>(std::move(session));
}

absl::Status ImportSessionImpl::Fail(const std::exception& e) {
  failed_ = db::StatusFromException(e);
  if (absl::IsUnavailable(failed_)) lease_.MarkBroken();
  copy_.reset();
  return failed_;
}

absl::Status ImportSessionImpl::Start() {
  try {
    tx_ = std::make_unique<pqxx::work>(lease_.conn());
    pqxx::work& tx = *tx_;
    pqxx::result agency =
        tx.exec_params("SELECT 1 FROM agencies WHERE id = $1", options_.agency_id);
    if (agency.empty()) return errors::NotFound("agency", options_.agency_id);
    // One import per agency at a time: the merge reads the state it then changes.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))",
                   absl::StrCat("employee.import/", options_.agency_id));
    if (options_.write.idempotency) {
      absl::StatusOr<std::optional<std::string>> stored =
          db::LookupResponse(tx, *options_.write.idempotency);
      if (!stored.ok()) return stored.status();
      if (*stored) {
        replayed_ = **stored;
        return absl::OkStatus();
      }
    }
    // Hash joins over the batch in memory; no JIT compilation (tens of ms per statement, for
    // statements that run once).
    tx.exec0("SET LOCAL work_mem = '64MB'");
    tx.exec0("SET LOCAL jit = off");
    if (kind_ == ImportKind::kUnor) {
      tx.exec0(kUnorStagingDdl);
      copy_ = std::make_unique<CopyWriter>(tx, "stage_unor", UnorStagingColumns());
    } else {
      tx.exec0(kEmployeeStagingDdl);
      stager_ = std::make_unique<EmployeeStager>(tx, options_.agency_id, effective_day_);
      copy_ = std::make_unique<CopyWriter>(tx, "stage_employee", EmployeeStagingColumns());
    }
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return Fail(e);
  }
}

void ImportSessionImpl::RecordError(int64_t line, std::string field, std::string message) {
  ++counts_.failed;
  if (counts_.errors.size() < kMaxErrors) {
    counts_.errors.push_back({line, std::move(field), std::move(message)});
  }
}

absl::Status ImportSessionImpl::CheckUsable(ImportKind kind) const {
  if (!failed_.ok()) return failed_;
  if (kind != kind_) {
    return absl::FailedPreconditionError("import: records of the wrong kind for this session");
  }
  if (applied_) return absl::FailedPreconditionError("import: records added after Apply");
  return absl::OkStatus();
}

absl::Status ImportSessionImpl::AddUnor(const std::vector<SiasnUnorRecord>& records,
                                        int64_t first_line) {
  if (replayed_) return absl::OkStatus();
  RETURN_IF_ERROR(CheckUsable(ImportKind::kUnor));
  try {
    int64_t line = first_line;
    for (const SiasnUnorRecord& r : records) {
      ++counts_.received;
      if (r.agency_id != options_.agency_id) {
        RecordError(line, "instansiId",
                    absl::StrCat("belongs to agency ", r.agency_id, ", not ", options_.agency_id));
      } else if (r.id.empty() || r.id.size() > kMaxIdLength) {
        RecordError(line, "id", "must be 1 to 64 characters");
      } else if (!seen_keys_.insert(r.id).second) {
        RecordError(line, "id", "repeated in this import");
      } else {
        StageUnor(r, line, copy_->buffer());
        copy_->MaybeFlush();
      }
      ++line;
    }
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return Fail(e);
  }
}

absl::Status ImportSessionImpl::AddEmployees(const std::vector<SiasnEmployeeRecord>& records,
                                             int64_t first_line) {
  if (replayed_) return absl::OkStatus();
  RETURN_IF_ERROR(CheckUsable(ImportKind::kEmployees));
  try {
    int64_t line = first_line;
    for (const SiasnEmployeeRecord& r : records) {
      ++counts_.received;
      if (r.agency_id != options_.agency_id) {
        RecordError(line, "instansiIndukId",
                    absl::StrCat("belongs to agency ", r.agency_id, ", not ", options_.agency_id));
      } else if (r.siasn_id.size() > kMaxIdLength) {
        RecordError(line, "id", "longer than 64 characters");
      } else if (r.unor_id.empty()) {
        RecordError(line, "unorId", "is required");
      } else if (!seen_keys_.insert(r.nip).second) {
        RecordError(line, "nipBaru", "repeated in this import");
      } else if (!r.siasn_id.empty() && !seen_siasn_.insert(r.siasn_id).second) {
        RecordError(line, "id", "SIASN id repeated in this import");
      } else {
        stager_->Stage(r, line, copy_->buffer());
        copy_->MaybeFlush();
      }
      ++line;
    }
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return Fail(e);
  }
}

absl::StatusOr<ImportCounts> ImportSessionImpl::Apply() {
  if (replayed_) return counts_;
  if (!failed_.ok()) return failed_;
  if (applied_) return absl::FailedPreconditionError("import: Apply called twice");
  applied_ = true;
  try {
    copy_->Complete();
    copy_.reset();
    seen_keys_ = {};
    seen_siasn_ = {};
    absl::Status merged = kind_ == ImportKind::kUnor ? MergeUnor(*this) : MergeEmployees(*this);
    if (!merged.ok()) {
      failed_ = merged;
      return merged;
    }
    db::AppendAudit(
        *tx_, options_.write.ctx,
        {kind_ == ImportKind::kUnor ? "org_unit.import" : "employee.import", "agency",
         options_.agency_id, std::nullopt,
         absl::StrCat("{\"received\":", counts_.received, ",\"created\":", counts_.created,
                      ",\"updated\":", counts_.updated, ",\"unchanged\":", counts_.unchanged,
                      ",\"failed\":", counts_.failed,
                      ",\"dry_run\":", options_.dry_run ? "true" : "false", "}")});
    std::stable_sort(
        counts_.errors.begin(), counts_.errors.end(),
        [](const ImportRecordError& a, const ImportRecordError& b) { return a.line < b.line; });
    return counts_;
  } catch (const std::exception& e) {
    return Fail(e);
  }
}

absl::Status ImportSessionImpl::Commit(const std::string& response) {
  if (finished_) return absl::FailedPreconditionError("import: already committed");
  if (replayed_) {
    finished_ = true;
    tx_->abort();
    tx_.reset();
    return absl::OkStatus();
  }
  if (!failed_.ok()) return failed_;
  if (!applied_) return absl::FailedPreconditionError("import: Commit before Apply");
  finished_ = true;
  try {
    if (options_.dry_run) {
      tx_->abort();
    } else {
      if (options_.write.idempotency) {
        db::StoreResponse(*tx_, *options_.write.idempotency, response);
      }
      tx_->commit();
      pool_->EventsCommitted();  // the import's events (COPY, not AppendEvent) wake the streams
    }
    tx_.reset();
    return absl::OkStatus();
  } catch (const std::exception& e) {
    absl::Status status = Fail(e);
    tx_.reset();
    return status;
  }
}

// --- Outbox via COPY ----------------------------------------------------------------------------

OutboxCopy::OutboxCopy(pqxx::work& tx, const WriteOptions& write)
    : writer_(tx, "outbox",
              {"type", "aggregate_type", "aggregate_id", "payload_type", "payload", "actor",
               "request_id"}),
      write_(write) {}

void OutboxCopy::Add(const char* type, const char* aggregate_type, const std::string& aggregate_id,
                     const google::protobuf::Message& payload) {
  scratch_.clear();
  payload.SerializeToString(&scratch_);
  CopyLine(writer_.buffer())
      .Raw(type)
      .Raw(aggregate_type)
      .Text(aggregate_id)
      .Text(events::TypeUrl(payload))
      .Bytea(scratch_)
      .Text(write_.ctx.actor)
      .Text(write_.ctx.request_id)
      .End();
  writer_.MaybeFlush();
}

void ForEachBatch(pqxx::work& tx, const std::string& select_sql, int batch,
                  const std::function<void(const pqxx::result&)>& on_batch) {
  tx.exec0("DECLARE import_rows NO SCROLL CURSOR FOR " + select_sql);
  const std::string fetch = absl::StrCat("FETCH FORWARD ", batch, " FROM import_rows");
  while (true) {
    pqxx::result r = tx.exec(fetch);
    if (r.empty()) break;
    on_batch(r);
    if (static_cast<int>(r.size()) < batch) break;
  }
  tx.exec0("CLOSE import_rows");
}

}  // namespace internal

absl::StatusOr<std::unique_ptr<ImportSession>> EmployeeStore::BeginUnorImport(
    const ImportOptions& options) {
  return internal::ImportSessionImpl::Begin(pool_, internal::ImportKind::kUnor, options);
}

absl::StatusOr<std::unique_ptr<ImportSession>> EmployeeStore::BeginEmployeeImport(
    const ImportOptions& options) {
  return internal::ImportSessionImpl::Begin(pool_, internal::ImportKind::kEmployees, options);
}

namespace {

template <typename Record, typename AddFn>
absl::StatusOr<ImportCounts> RunImport(absl::StatusOr<std::unique_ptr<ImportSession>> session,
                                       const std::vector<Record>& records, AddFn add) {
  if (!session.ok()) return session.status();
  ImportSession& s = **session;
  if (s.replayed_response()) {
    RETURN_IF_ERROR(s.Commit());
    return ImportCounts{};
  }
  RETURN_IF_ERROR(add(s, records, 1));
  ASSIGN_OR_RETURN(ImportCounts counts, s.Apply());
  RETURN_IF_ERROR(s.Commit());
  return counts;
}

}  // namespace

absl::StatusOr<ImportCounts> EmployeeStore::ImportUnor(
    const ImportOptions& options, const std::vector<SiasnUnorRecord>& records) {
  return RunImport(BeginUnorImport(options), records,
                   [](ImportSession& s, const std::vector<SiasnUnorRecord>& batch, int64_t line) {
                     return s.AddUnor(batch, line);
                   });
}

absl::StatusOr<ImportCounts> EmployeeStore::ImportEmployees(
    const ImportOptions& options, const std::vector<SiasnEmployeeRecord>& records) {
  return RunImport(BeginEmployeeImport(options), records,
                   [](ImportSession& s, const std::vector<SiasnEmployeeRecord>& batch,
                      int64_t line) { return s.AddEmployees(batch, line); });
}

}  // namespace kinerja::employee::store
