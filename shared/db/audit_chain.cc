#include "shared/db/audit_chain.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"
#include "shared/db/transaction.h"

namespace kinerja::db {
namespace {

// Rows read per round trip while verifying: bounded memory for any size of log.
constexpr int kVerifyBatch = 1000;

// The sealed row the walk has reached; before the first row, the chain's all-zero start.
struct Link {
  int64_t position = 0;
  int64_t id = 0;
  std::string txid;  // xid8 as text
  std::string hash = std::string(32, '\0');
};

std::string Bytes(const pqxx::field& field) {
  return field.is_null() ? std::string() : pqxx::binarystring(field).str();
}

// Why `row` (a sealed row read by the walk) does not follow `prev`; empty when it does.
std::string CheckLink(const Link& prev, const pqxx::row& row) {
  const int64_t position = row["chain_seq"].as<int64_t>();
  if (position != prev.position + 1) {
    return absl::StrCat("chain position ", prev.position + 1, " is missing before this row (at ",
                        position, "): a sealed row was deleted or unsealed");
  }
  const std::string prev_hash = Bytes(row["prev_hash"]);
  if (prev_hash != prev.hash) {
    return prev.id == 0 ? std::string("its prev_hash is not the chain's all-zero start")
                        : absl::StrCat("its prev_hash does not match the row_hash of row ", prev.id,
                                       " before it");
  }
  if (crypto::Sha256(prev_hash + Bytes(row["payload"])) != Bytes(row["row_hash"])) {
    return "its content does not match its row_hash: edited after it was sealed";
  }
  return "";
}

AuditChainReport Broken(AuditChainReport report, int64_t id, std::string problem) {
  report.intact = false;
  report.broken_row_id = id;
  report.problem = std::move(problem);
  return report;
}

}  // namespace

int64_t SealAuditChain(pqxx::work& tx, const std::string& schema, int max_rows) {
  return tx.exec_params1("SELECT " + tx.quote_name(schema) + ".audit_seal($1)", max_rows)[0]
      .as<int64_t>();
}

absl::StatusOr<int64_t> SealAllAuditRows(pqxx::connection& conn, const std::string& schema) {
  try {
    int64_t total = 0;
    for (;;) {
      pqxx::work tx(conn);
      const int64_t sealed = SealAuditChain(tx, schema);
      tx.commit();
      total += sealed;
      if (sealed < kAuditSealBatch) return total;
    }
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
}

absl::StatusOr<AuditChainReport> VerifyAuditChain(pqxx::connection& conn,
                                                  const std::string& schema) {
  try {
    // One snapshot for the whole walk: a sealer running meanwhile cannot make it see half a batch.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn);
    const std::string s = tx.quote_name(schema);
    const std::string walk =
        absl::StrCat("SELECT a.id, a.chain_seq, a.txid::text AS txid, a.prev_hash, a.row_hash, ", s,
                     ".audit_chain_payload(a) AS payload FROM ", s,
                     ".audit_log a WHERE a.chain_seq > $1 ORDER BY a.chain_seq LIMIT $2");
    AuditChainReport report;
    Link head;
    for (;;) {
      pqxx::result rows = tx.exec_params(walk, head.position, kVerifyBatch);
      for (const pqxx::row& row : rows) {
        const int64_t id = row["id"].as<int64_t>();
        if (std::string problem = CheckLink(head, row); !problem.empty()) {
          return Broken(std::move(report), id, std::move(problem));
        }
        head = {row["chain_seq"].as<int64_t>(), id, row["txid"].as<std::string>(),
                Bytes(row["row_hash"])};
        ++report.sealed_rows;
      }
      if (rows.size() < static_cast<size_t>(kVerifyBatch)) break;
    }
    report.head_position = head.position;
    report.head_hash_hex = head.position == 0 ? "" : crypto::HexEncode(head.hash);
    // The sealer never leaves a row behind the head, so an unsealed row there was written
    // with a forged transaction id: an insertion into the past.
    if (head.position > 0) {
      pqxx::result behind = tx.exec_params(
          absl::StrCat("SELECT id FROM ", s,
                       ".audit_log WHERE chain_seq IS NULL AND (txid, id) < ($1::xid8, $2) "
                       "ORDER BY txid, id LIMIT 1"),
          head.txid, head.id);
      if (!behind.empty()) {
        return Broken(std::move(report), behind[0][0].as<int64_t>(),
                      absl::StrCat("not sealed, yet it sorts before the chain's head (row ",
                                   head.id, "): inserted behind the sealer's back"));
      }
    }
    report.unsealed_rows =
        tx.exec1(absl::StrCat("SELECT count(*) FROM ", s, ".audit_log WHERE chain_seq IS NULL"))[0]
            .as<int64_t>();
    return report;
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
}

}  // namespace kinerja::db
