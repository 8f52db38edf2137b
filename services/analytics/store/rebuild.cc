#include "services/analytics/store/rebuild.h"

#include <array>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "services/analytics/store/compliance_refresh.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/db/sql_array.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics::store {
namespace {

using internal::ComplianceFacts;
using internal::ComplianceRow;
using internal::IntArrayLiteral;

// unit_compliance rows per INSERT (each statement's arrays stay a few MB).
constexpr size_t kChunk = 5000;

std::string BoolArrayLiteral(const std::vector<bool>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back(items[i] ? 't' : 'f');
  }
  out.push_back('}');
  return out;
}

// unit_compliance rows collected column by column, written by InsertUnitComplianceRows.
class ComplianceWriter {
 public:
  explicit ComplianceWriter(pqxx::work& tx) : tx_(tx) {}

  void Add(const ComplianceRow& r) {
    Columns& c = columns_;
    c.periods.push_back(r.period_id);
    c.units.push_back(r.unit_id);
    c.agencies.push_back(r.agency_id);
    c.years.push_back(r.year);
    c.org.push_back(r.org_predicate);
    c.staff.push_back(r.unit_staff);
    for (size_t code = 0; code < c.counts.size(); ++code) c.counts[code].push_back(r.counts[code]);
    c.violations.push_back(r.violations);
    c.breaking.push_back(r.breaking);
    c.excess.push_back(r.excess_staff);
    c.skipped.push_back(r.skipped_small_unit);
    if (c.periods.size() >= kChunk) Flush();
  }

  void Flush() {
    const Columns& c = columns_;
    if (c.periods.empty()) return;
    db::Exec(tx_, queries::kInsertUnitComplianceRows, db::TextArrayLiteral(c.periods),
             db::TextArrayLiteral(c.units), db::TextArrayLiteral(c.agencies),
             IntArrayLiteral(c.years), IntArrayLiteral(c.org), IntArrayLiteral(c.staff),
             IntArrayLiteral(c.counts[0]), IntArrayLiteral(c.counts[1]),
             IntArrayLiteral(c.counts[2]), IntArrayLiteral(c.counts[3]),
             IntArrayLiteral(c.counts[4]), db::TextArrayLiteral(c.violations),
             BoolArrayLiteral(c.breaking), IntArrayLiteral(c.excess), BoolArrayLiteral(c.skipped));
    columns_ = Columns{};
  }

 private:
  struct Columns {
    std::vector<std::string> periods, units, agencies, violations;
    std::vector<int> years, org, staff, excess;
    std::array<std::vector<int>, 5> counts;
    std::vector<bool> breaking, skipped;
  };
  pqxx::work& tx_;
  Columns columns_;
};

}  // namespace

absl::Status RebuildDerived(pqxx::work& tx) {
  db::Exec(tx, queries::kClearPredicateCounts);
  db::Exec(tx, queries::kClearAgencyPredicateCounts);
  db::Exec(tx, queries::kRecountPredicates);
  db::Exec(tx, queries::kRecountAgencyPredicates);
  db::Exec(tx, queries::kClearUnitCompliance);
  ComplianceWriter writer(tx);
  for (const pqxx::row& row : db::Exec(tx, queries::kAllComplianceFacts)) {
    ComplianceFacts facts{.unit_id = row[0].as<std::string>(),
                          .period_id = row[1].as<std::string>(),
                          .agency_id = row[3].as<std::string>(),
                          .year = row[4].as<int>(),
                          .org_predicate = row[2].as<int>(),
                          .unit_staff = row[5].as<int>()};
    for (int code = 1; code <= 5; ++code) facts.finalised[code - 1] = row[5 + code].as<int>();
    absl::StatusOr<std::optional<ComplianceRow>> evaluated =
        internal::EvaluateComplianceFacts(facts);
    if (!evaluated.ok()) return evaluated.status();
    if (evaluated->has_value()) writer.Add(**evaluated);
  }
  writer.Flush();
  return absl::OkStatus();
}

}  // namespace kinerja::analytics::store
