// A named SQL statement, declared once in a service's store/queries/*.sql (embedded at build
// time as a constant by cmake/embed_queries.py) and run as a prepared statement: defined on a
// connection the first time it runs there, prepared by the server on that first use, and again
// on a new connection after a reconnect. There is no list of statements to keep in sync.
//
//   pqxx::result r = db::Exec(tx, queries::kPlanById, plan_id);
#pragma once

#include <string>
#include <utility>

#include <pqxx/transaction_base>

namespace kinerja::db {

struct Query {
  std::string name;  // "<service>.<Name>": the prepared statement's name on every connection
  std::string sql;
};

// Defines `query` on the transaction's connection unless already defined (a lookup), then runs
// it with `args` as parameters ($1, $2, ...).
template <typename... Args>
pqxx::result Exec(pqxx::transaction_base& tx, const Query& query, Args&&... args) {
  tx.conn().prepare(query.name, query.sql);
  return tx.exec_prepared(query.name, std::forward<Args>(args)...);
}

// The same for a statement that must return no rows / exactly one row (pqxx::unexpected_rows).
template <typename... Args>
void Exec0(pqxx::transaction_base& tx, const Query& query, Args&&... args) {
  tx.conn().prepare(query.name, query.sql);
  tx.exec_prepared0(query.name, std::forward<Args>(args)...);
}
template <typename... Args>
pqxx::row Exec1(pqxx::transaction_base& tx, const Query& query, Args&&... args) {
  tx.conn().prepare(query.name, query.sql);
  return tx.exec_prepared1(query.name, std::forward<Args>(args)...);
}

}  // namespace kinerja::db
