#include "services/analytics/store/ingest.h"

#include "absl/strings/str_cat.h"
#include "services/analytics/store/compliance_refresh.h"
#include "services/analytics/store/ingest_batch.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics::store {
namespace {

namespace common = ::kinerja::common::v1;
using internal::HandlerTable;

const HandlerTable* HandlersOf(std::string_view producer) {
  if (producer == kEmployeeProducer) return &internal::EmployeeHandlers();
  if (producer == kGoalsProducer) return &internal::GoalsHandlers();
  if (producer == kReviewProducer) return &internal::ReviewHandlers();
  return nullptr;
}

}  // namespace

std::vector<std::string> EventTypesOf(std::string_view producer) {
  std::vector<std::string> types;
  if (const HandlerTable* table = HandlersOf(producer)) {
    for (const auto& [type, handler] : *table) types.push_back(type);
  }
  return types;
}

absl::Status ApplyEvents(pqxx::work& tx, std::string_view producer,
                         std::span<const common::EventEnvelope> events) {
  const HandlerTable* table = HandlersOf(producer);
  if (table == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown producer '", std::string(producer), "'"));
  }
  internal::Staged staged;
  for (const common::EventEnvelope& event : events) {
    auto it = table->find(event.type());
    if (it == table->end()) continue;
    RETURN_IF_ERROR(it->second(tx, staged, event));
  }
  RETURN_IF_ERROR(internal::FlushAssessments(tx, staged));
  return internal::RefreshCompliance(tx, staged.compliance());
}

absl::Status ApplyEvent(pqxx::work& tx, std::string_view producer,
                        const common::EventEnvelope& event) {
  return ApplyEvents(tx, producer, std::span(&event, 1));
}

}  // namespace kinerja::analytics::store
