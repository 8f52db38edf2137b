// The audit log's hash chain (migration 0002_audit_chain.sql; docs/design.md): sealing committed
// rows onto the chain, and verifying it.
//
// Writers do not touch the chain: db::AppendAudit inserts a row as before, and a sealer run after
// commit (the service host's background loop, or a verify run) appends it. A row is therefore
// covered by the chain within about one sealing interval of its commit.
#pragma once

#include <cstdint>
#include <string>

#include <pqxx/connection>
#include <pqxx/transaction>

#include "absl/status/statusor.h"

namespace kinerja::db {

// Rows one call of SealAuditChain seals at most, so that one transaction stays short: a sealing
// transaction has a transaction id, and while it runs no outbox row of a later transaction can
// be delivered (outbox_reader.h), so a long one shows up as event lag. 500 rows take a few
// milliseconds.
inline constexpr int kAuditSealBatch = 500;

// Seals up to `max_rows` committed rows of `schema`'s audit_log; returns how many. Run it in a
// READ COMMITTED transaction (pqxx::work); concurrent sealers wait for each other.
int64_t SealAuditChain(pqxx::work& tx, const std::string& schema, int max_rows = kAuditSealBatch);

// Seals batch after batch, each in its own transaction, until no committed row is left.
absl::StatusOr<int64_t> SealAllAuditRows(pqxx::connection& conn, const std::string& schema);

struct AuditChainReport {
  bool intact = true;
  int64_t sealed_rows = 0;    // rows whose hashes were checked (up to the first break)
  int64_t unsealed_rows = 0;  // rows not yet sealed (committed after the last sealing)
  int64_t broken_row_id = 0;  // audit_log.id of the first broken row, when !intact
  std::string problem;        // why that row breaks the chain
  // Position and row_hash (hex) of the last sealed row. Kept somewhere the database's writers
  // cannot reach, and passed back as an AuditAnchor, they prove that the chain up to there was
  // not rewritten nor cut short since.
  int64_t head_position = 0;
  std::string head_hash_hex;
};

// A head reported by an earlier verification, kept outside the database.
struct AuditAnchor {
  int64_t position = 0;  // 0: no anchor
  std::string hash_hex;
};

// Walks `schema`'s chain in one consistent snapshot and recomputes every hash in C++ (not with
// the database's sha256), reporting the first row that was edited, removed or inserted behind the
// sealer's back, or where the chain departs from `anchor`. Does not seal: call SealAllAuditRows
// first to cover recent rows. A database failure is an error status; a broken chain is an OK
// status with !intact (broken_row_id 0 when rows at the end of an anchored chain are missing).
absl::StatusOr<AuditChainReport> VerifyAuditChain(pqxx::connection& conn, const std::string& schema,
                                                  const AuditAnchor& anchor = {});

}  // namespace kinerja::db
