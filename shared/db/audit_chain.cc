#include "shared/db/audit_chain.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"
#include "shared/db/sql_array.h"
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

struct Break {
  int64_t id = 0;
  std::string problem;
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

// Follows the chain from its start in position order, advancing `head` and counting rows into
// `report`; the first row that does not link, or that departs from the anchor.
std::optional<Break> Walk(pqxx::transaction_base& tx, const std::string& schema,
                          const AuditAnchor& anchor, Link& head, AuditChainReport& report) {
  const std::string walk =
      absl::StrCat("SELECT a.id, c.chain_seq, a.txid::text AS txid, c.prev_hash, c.row_hash, ",
                   schema, ".audit_link_payload(c.chain_seq, a) AS payload FROM ", schema,
                   ".audit_chain c JOIN ", schema,
                   ".audit_log a ON a.id = c.audit_id WHERE c.chain_seq > $1 "
                   "ORDER BY c.chain_seq LIMIT $2");
  const std::string anchor_hash = absl::AsciiStrToLower(anchor.hash_hex);
  for (;;) {
    pqxx::result rows = tx.exec_params(walk, head.position, kVerifyBatch);
    for (const pqxx::row& row : rows) {
      Link link{row["chain_seq"].as<int64_t>(), row["id"].as<int64_t>(),
                row["txid"].as<std::string>(), Bytes(row["row_hash"])};
      if (std::string problem = CheckLink(head, row); !problem.empty()) {
        return Break{link.id, std::move(problem)};
      }
      if (link.position == anchor.position && crypto::HexEncode(link.hash) != anchor_hash) {
        return Break{link.id, absl::StrCat("its row_hash differs from the anchor recorded for "
                                           "position ",
                                           anchor.position, ": the chain was rewritten")};
      }
      head = std::move(link);
      ++report.sealed_rows;
    }
    if (rows.size() < static_cast<size_t>(kVerifyBatch)) return std::nullopt;
  }
}

// The sealer never leaves a row behind the head, so an unsealed row there was written with a
// forged transaction id: an insertion into the past.
std::optional<Break> RowBehindHead(pqxx::transaction_base& tx, const std::string& schema,
                                   const Link& head) {
  if (head.position == 0) return std::nullopt;
  pqxx::result behind = tx.exec_params(
      absl::StrCat("SELECT a.id FROM ", schema,
                   ".audit_log a WHERE (a.txid, a.id) < ($1::xid8, $2) AND NOT EXISTS (SELECT 1 "
                   "FROM ",
                   schema, ".audit_chain c WHERE c.audit_id = a.id) ORDER BY a.txid, a.id LIMIT 1"),
      head.txid, head.id);
  if (behind.empty()) return std::nullopt;
  return Break{behind[0][0].as<int64_t>(),
               absl::StrCat("not sealed, yet it sorts before the chain's head (row ", head.id,
                            "): inserted behind the sealer's back")};
}

AuditChainReport Broken(AuditChainReport report, Break at) {
  report.intact = false;
  report.broken_row_id = at.id;
  report.problem = std::move(at.problem);
  return report;
}

}  // namespace

// Sealing computes the chain here rather than in the schema's audit_seal() (the migration's
// reference implementation, row by row in PL/pgSQL): one read of the rows in chain order, the
// hashes in C++, one INSERT of the links. The payload is audit_link_payload()'s encoding, built
// from the same column expressions; VerifyAuditChain checks every link against the SQL
// function, so the two cannot drift unnoticed.
int64_t SealAuditChain(pqxx::work& tx, const std::string& schema, int max_rows) {
  const std::string s = tx.quote_name(schema);
  // The same lock as audit_seal(): concurrent sealers (replicas, a verify run) queue here.
  tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                 "kinerja.audit_seal." + schema);
  int64_t head_position = 0;
  std::string head_hash(32, '\0');
  pqxx::result head =
      tx.exec(absl::StrCat("SELECT chain_seq, row_hash, audit_txid::text, audit_id FROM ", s,
                           ".audit_chain ORDER BY chain_seq DESC LIMIT 1"));
  std::string after_txid = "0";
  int64_t after_id = 0;
  if (!head.empty()) {
    head_position = head[0][0].as<int64_t>();
    head_hash = Bytes(head[0][1]);
    after_txid = head[0][2].as<std::string>();
    after_id = head[0][3].as<int64_t>();
  }
  // Rows of finished transactions only, after the head in (txid, id) order: a row sorting
  // before the head is left unsealed for VerifyAuditChain to report (as audit_seal() does). One
  // range scan of audit_log_chain_order from the head (without one: after (0, 0), i.e. every
  // row). ORDER BY names the
  // table's columns: a bare "txid" would bind to the text output column and sort "1000" first.
  pqxx::result rows = tx.exec_params(
      absl::StrCat("SELECT id, txid::text, (extract(epoch FROM at) * 1000000)::bigint::text, "
                   "actor, request_id, action, resource_type, resource_id, before::text, "
                   "after::text FROM ",
                   s,
                   ".audit_log a WHERE a.txid < pg_snapshot_xmin(pg_current_snapshot()) "
                   "AND (a.txid, a.id) > ($1::xid8, $2::bigint) ORDER BY a.txid, a.id LIMIT $3"),
      after_txid, after_id, max_rows);
  if (rows.empty()) return 0;
  std::vector<std::string> ids, txids, positions, prevs, hashes;
  std::string payload;
  auto add = [&payload](std::optional<std::string_view> field) {
    if (!field) {
      payload.push_back('N');
      return;
    }
    payload += std::to_string(field->size());
    payload += ':';
    payload.append(field->data(), field->size());
  };
  for (const pqxx::row& row : rows) {
    const int64_t position = head_position + 1;
    payload.clear();
    add(absl::StrCat(position));
    add(row[1].c_str());            // txid
    add(row[0].c_str());            // id
    for (int f = 2; f <= 9; ++f) {  // at, actor, ..., before, after
      if (row[f].is_null()) {
        add(std::nullopt);
      } else {
        add(std::string_view(row[f].c_str(), row[f].size()));
      }
    }
    std::string row_hash = crypto::Sha256(head_hash + payload);
    ids.push_back(row[0].c_str());
    txids.push_back(row[1].c_str());
    positions.push_back(absl::StrCat(position));
    prevs.push_back(crypto::HexEncode(head_hash));
    hashes.push_back(crypto::HexEncode(row_hash));
    head_position = position;
    head_hash = std::move(row_hash);
  }
  tx.exec_params(
      absl::StrCat("INSERT INTO ", s,
                   ".audit_chain (chain_seq, audit_id, audit_txid, prev_hash, row_hash) "
                   "SELECT u.seq, u.id, u.txid, decode(u.prev, 'hex'), "
                   "decode(u.hash, 'hex') FROM unnest($1::bigint[], $2::bigint[], "
                   "$3::xid8[], $4::text[], $5::text[]) AS u(seq, id, txid, prev, hash)"),
      TextArrayLiteral(positions), TextArrayLiteral(ids), TextArrayLiteral(txids),
      TextArrayLiteral(prevs), TextArrayLiteral(hashes));
  return static_cast<int64_t>(rows.size());
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

absl::StatusOr<AuditChainReport> VerifyAuditChain(pqxx::connection& conn, const std::string& schema,
                                                  const AuditAnchor& anchor) {
  try {
    // One snapshot for the whole walk: a sealer running meanwhile cannot make it see half a batch.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn);
    const std::string s = tx.quote_name(schema);
    AuditChainReport report;
    Link head;
    if (auto at = Walk(tx, s, anchor, head, report)) return Broken(std::move(report), *at);
    report.head_position = head.position;
    report.head_hash_hex = head.position == 0 ? "" : crypto::HexEncode(head.hash);
    if (anchor.position > head.position) {
      return Broken(std::move(report),
                    {0, absl::StrCat("the chain ends at position ", head.position, " but position ",
                                     anchor.position,
                                     " was recorded earlier: rows at its end were removed")});
    }
    if (auto at = RowBehindHead(tx, s, head)) return Broken(std::move(report), *at);
    // Every row behind the head is sealed (checked just above): the rest follow it.
    report.unsealed_rows =
        tx.exec_params1(absl::StrCat("SELECT count(*) FROM ", s,
                                     ".audit_log a WHERE (a.txid, a.id) > ($1::xid8, $2)"),
                        head.position == 0 ? std::string("0") : head.txid, head.id)[0]
            .as<int64_t>();
    return report;
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
}

}  // namespace kinerja::db
