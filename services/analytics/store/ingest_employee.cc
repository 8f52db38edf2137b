// The employee service's events: agencies, units (with their subtree paths), positions,
// employees and acting officials.
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/analytics/store/ingest_batch.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/errors/errors.h"

#include "kinerja/employee/v1/events.pb.h"

namespace kinerja::analytics::store::internal {
namespace {

namespace common = ::kinerja::common::v1;
namespace ev1 = ::kinerja::employee::v1;

absl::Status ApplyAgency(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::AgencyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::Agency& a = changed.agency();
  db::Exec(tx, queries::kUpsertAgency, a.id(), a.name(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyOrgUnit(pqxx::work& tx, Staged& staged, const common::EventEnvelope& event) {
  ev1::OrgUnitChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::OrgUnit& u = changed.unit();
  pqxx::result before = db::Exec(tx, queries::kUnitBefore, u.id());
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertUnit, u.id(), u.agency_id(), u.parent_id(), u.name(),
               u.leader_position_id(), DateParam(u.end_date()), event.sequence());
  if (applied.empty()) return absl::OkStatus();  // an older event than the row's
  const bool moved = before.empty() || before[0][0].as<std::string>() != u.parent_id();
  if (moved) db::Exec(tx, queries::kRefreshUnitPaths, u.id());
  if (!before.empty() && before[0][1].as<std::string>() != u.leader_position_id()) {
    // The unit head's plan and assessment leave or join the unit's distribution.
    for (const pqxx::row& period : db::Exec(tx, queries::kPeriodsWithOrgPredicate, u.id())) {
      staged.RefreshCompliance(u.id(), period[0].as<std::string>());
    }
  }
  return absl::OkStatus();
}

absl::Status ApplyPosition(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::PositionChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const ev1::Position& p = changed.position();
  db::Exec(tx, queries::kUpsertPosition, p.id(), p.agency_id(), p.unit_id(), p.name(),
           EnumSuffix(ev1::PositionType_Name(p.type()), "POSITION_TYPE_"), event.sequence());
  return absl::OkStatus();
}

absl::Status UpsertEmployee(pqxx::work& tx, const ev1::Employee& e, int64_t sequence) {
  db::Exec(tx, queries::kUpsertEmployee, e.id(), e.agency_id(), e.nip(), e.name(), e.unit_id(),
           e.position_id(), EnumSuffix(ev1::EmployeeStatus_Name(e.status()), "EMPLOYEE_STATUS_"),
           sequence);
  return absl::OkStatus();
}

absl::Status ApplyEmployee(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::EmployeeChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  return UpsertEmployee(tx, changed.employee(), event.sequence());
}

absl::Status ApplyTransfer(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::EmployeeTransferred transferred;
  RETURN_IF_ERROR(Unpack(event, transferred));
  return UpsertEmployee(tx, transferred.employee(), event.sequence());
}

absl::Status UpsertActing(pqxx::work& tx, const ev1::ActingOfficial& a, int64_t sequence) {
  std::optional<std::string> start = DateParam(a.start_date());
  if (!start.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("acting official ", a.id(), ": start_date is not a date"));
  }
  db::Exec(tx, queries::kUpsertActingOfficial, a.id(), a.agency_id(), a.position_id(),
           a.employee_id(), EnumSuffix(ev1::ActingKind_Name(a.kind()), "ACTING_KIND_"), *start,
           DateParam(a.end_date()), sequence);
  return absl::OkStatus();
}

absl::Status ApplyActingAssigned(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::ActingOfficialAssigned assigned;
  RETURN_IF_ERROR(Unpack(event, assigned));
  return UpsertActing(tx, assigned.acting_official(), event.sequence());
}

absl::Status ApplyActingChanged(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  ev1::ActingOfficialChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  return UpsertActing(tx, changed.acting_official(), event.sequence());
}

}  // namespace

const HandlerTable& EmployeeHandlers() {
  static const auto* table = new HandlerTable{
      {"AgencyChanged", ApplyAgency},
      {"OrgUnitChanged", ApplyOrgUnit},
      {"PositionChanged", ApplyPosition},
      {"EmployeeCreated", ApplyEmployee},
      {"EmployeeUpdated", ApplyEmployee},
      {"EmployeeTransferred", ApplyTransfer},
      {"ActingOfficialAssigned", ApplyActingAssigned},
      {"ActingOfficialChanged", ApplyActingChanged},
  };
  return *table;
}

}  // namespace kinerja::analytics::store::internal
