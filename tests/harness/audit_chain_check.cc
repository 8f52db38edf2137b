#include "tests/harness/audit_chain_check.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "shared/db/audit_chain.h"

namespace kinerja::testing {

absl::Status SealAndVerifyAuditChain(const std::string& dsn, const std::string& schema) {
  try {
    pqxx::connection conn(dsn);
    if (auto sealed = db::SealAllAuditRows(conn, schema); !sealed.ok()) return sealed.status();
    auto report = db::VerifyAuditChain(conn, schema);
    if (!report.ok()) return report.status();
    if (!report->intact) {
      return absl::DataLossError(absl::StrCat("audit chain of ", schema, " broken at row ",
                                              report->broken_row_id, ": ", report->problem));
    }
    if (report->unsealed_rows != 0) {
      return absl::DataLossError(
          absl::StrCat(report->unsealed_rows, " audit rows of ", schema, " left unsealed"));
    }
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return absl::UnavailableError(e.what());
  }
}

}  // namespace kinerja::testing
