// What the ingestion files share (ingest_employee.cc, ingest_goals.cc, ingest_review.cc): the
// work a batch of events leaves for its end, and the handlers of each producer's event types.
//
// A batch's events are applied in order, except what is cheaper once per batch than once per
// event and gives the same result: the annual and periodic assessments (one set-based upsert of
// the latest event of each, their counters changed by the summed difference) and the compliance
// rows of the units the batch touched (recomputed once each, from the batch's final rows). Both
// depend only on the rows as they stand at the end of the batch, never on the order in between.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <pqxx/transaction>

#include "absl/status/status.h"
#include "kinerja/common/v1/events.pb.h"
#include "kinerja/review/v1/resources.pb.h"

namespace kinerja::analytics::store::internal {

// An assessment event waiting for the end of its batch.
struct StagedAssessment {
  kinerja::review::v1::Assessment assessment;
  std::string kind;  // "PERIODIC" or "ANNUAL"
  int64_t seq = 0;
};

class Staged {
 public:
  // The unit's compliance row for the period is recomputed at the end of the batch.
  void RefreshCompliance(const std::string& unit_id, const std::string& period_id) {
    if (!unit_id.empty() && !period_id.empty()) compliance_.emplace(period_id, unit_id);
  }
  // Keeps the latest event of each assessment (by the producer's sequence).
  void AddAssessment(StagedAssessment staged) {
    auto [it, inserted] = assessments_.try_emplace(staged.assessment.id(), staged);
    if (!inserted && it->second.seq < staged.seq) it->second = std::move(staged);
  }

  // (period, unit) pairs in the order their locks are taken.
  const std::set<std::pair<std::string, std::string>>& compliance() const { return compliance_; }
  const std::map<std::string, StagedAssessment>& assessments() const { return assessments_; }

 private:
  std::set<std::pair<std::string, std::string>> compliance_;
  std::map<std::string, StagedAssessment> assessments_;
};

using Handler = absl::Status (*)(pqxx::work&, Staged&, const kinerja::common::v1::EventEnvelope&);
using HandlerTable = std::map<std::string, Handler, std::less<>>;

const HandlerTable& EmployeeHandlers();
const HandlerTable& GoalsHandlers();
const HandlerTable& ReviewHandlers();

// Writes the staged assessments with their values and counters, and stages the compliance of
// the units they leave or join (assessment_batch.cc).
absl::Status FlushAssessments(pqxx::work& tx, Staged& staged);

}  // namespace kinerja::analytics::store::internal
