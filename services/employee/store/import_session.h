// The ImportSession implementation shared by the UNOR and data-utama imports (internal).
//
// Life of a session: Begin opens one transaction on a leased connection, takes the agency's
// import lock, checks the idempotency key, creates a TEMP staging table (ON COMMIT DROP) and
// starts COPY into it. Add* validate per record in memory (agency, duplicates) and append COPY
// lines. Apply ends the COPY and runs the kind's set-based merge (import_unor.cc,
// import_employees.cc), which also writes the outbox rows (COPY) and one audit row. Commit
// commits, or rolls back for a dry run.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>
#include <pqxx/pqxx>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/employee/store/copy_stream.h"
#include "services/employee/store/employee_store.h"

namespace kinerja::employee::store::internal {

enum class ImportKind { kUnor, kEmployees };

class EmployeeStager;

class ImportSessionImpl : public ImportSession {
 public:
  static absl::StatusOr<std::unique_ptr<ImportSession>> Begin(db::Pool& pool, ImportKind kind,
                                                              const ImportOptions& options);
  ~ImportSessionImpl() override;

  const std::optional<std::string>& replayed_response() const override { return replayed_; }
  absl::Status AddUnor(const std::vector<SiasnUnorRecord>& records, int64_t first_line) override;
  absl::Status AddEmployees(const std::vector<SiasnEmployeeRecord>& records,
                            int64_t first_line) override;
  absl::StatusOr<ImportCounts> Apply() override;
  absl::Status Commit(const std::string& response) override;

  // For the merge functions.
  pqxx::work& tx() { return *tx_; }
  const ImportOptions& options() const { return options_; }
  const std::string& effective_date() const { return effective_date_; }
  absl::CivilDay effective_day() const { return effective_day_; }
  void RecordError(int64_t line, std::string field, std::string message);
  ImportCounts& counts() { return counts_; }

 private:
  ImportSessionImpl(db::Pool* pool, db::Lease lease, ImportKind kind, const ImportOptions& options);
  absl::Status Start();
  absl::Status Fail(const std::exception& e);
  absl::Status CheckUsable(ImportKind kind) const;

  db::Pool* const pool_;  // told after the commit, which wrote events (Pool::EventsCommitted)
  db::Lease lease_;
  const ImportKind kind_;
  const ImportOptions options_;
  absl::CivilDay effective_day_;
  std::string effective_date_;
  std::unique_ptr<pqxx::work> tx_;
  std::unique_ptr<CopyWriter> copy_;
  std::unique_ptr<EmployeeStager> stager_;
  std::optional<std::string> replayed_;
  ImportCounts counts_;
  absl::flat_hash_set<std::string> seen_keys_;   // NIP / UNOR id
  absl::flat_hash_set<std::string> seen_siasn_;  // SIASN person id
  bool applied_ = false;
  bool finished_ = false;
  absl::Status failed_;
};

// The merges, run inside Apply after the staging COPY has completed.
absl::Status MergeUnor(ImportSessionImpl& session);
absl::Status MergeEmployees(ImportSessionImpl& session);

// Staging table DDL and COPY columns (import_unor.cc, import_employees.cc).
extern const char kUnorStagingDdl[];
extern const std::vector<std::string>& UnorStagingColumns();
void StageUnor(const SiasnUnorRecord& record, int64_t line, std::string& out);
extern const char kEmployeeStagingDdl[];
extern const std::vector<std::string>& EmployeeStagingColumns();

// Turns data-utama records into staging lines. It decides each record's position id (the
// unit's leader position when the record's SIASN id is the unit's pemimpinPnsId, else the
// unit's position keyed by type and name) and pre-builds the EmployeeCreated payload of the
// row as it will be stored if the record turns out to be new, so the merge can write those
// events set-based (INSERT ... SELECT) without reading the rows back.
class EmployeeStager {
 public:
  // Reads the agency's units and the transaction's timestamp (now()).
  EmployeeStager(pqxx::work& tx, const std::string& agency_id, absl::CivilDay effective_date);
  ~EmployeeStager();
  void Stage(const SiasnEmployeeRecord& record, int64_t line, std::string& out);

 private:
  struct Unit {
    std::string leader_siasn_id;
    std::string leader_position_id;
  };
  absl::flat_hash_map<std::string, Unit> units_;
  absl::CivilDay effective_date_;
  absl::Time now_;
  std::string scratch_;
};

// Writes one outbox row per (type, aggregate id, payload) through COPY.
class OutboxCopy {
 public:
  OutboxCopy(pqxx::work& tx, const WriteOptions& write);
  void Add(const char* type, const char* aggregate_type, const std::string& aggregate_id,
           const google::protobuf::Message& payload);
  void Complete() { writer_.Complete(); }

 private:
  CopyWriter writer_;
  const WriteOptions& write_;
  std::string scratch_;
};

// Runs `select_sql` through a cursor, `batch` rows at a time, and calls on_batch(result) for each
// batch while no statement is running (so on_batch may COPY).
void ForEachBatch(pqxx::work& tx, const std::string& select_sql, int batch,
                  const std::function<void(const pqxx::result&)>& on_batch);

}  // namespace kinerja::employee::store::internal
