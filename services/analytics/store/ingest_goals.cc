// The goals service's events: periods, unit policies, deadline extensions and plans (with the
// indicators of their approved content).
#include <map>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "services/analytics/store/ingest_batch.h"
#include "services/analytics/store/ingest_support.h"
#include "services/analytics/store/queries.h"
#include "shared/db/query.h"
#include "shared/errors/errors.h"

#include "kinerja/goals/v1/events.pb.h"

namespace kinerja::analytics::store::internal {
namespace {

namespace common = ::kinerja::common::v1;
namespace gv1 = ::kinerja::goals::v1;

absl::Status ApplyPeriod(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  gv1::PeriodChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::Period& p = changed.period();
  std::optional<std::string> start = DateParam(p.start_date());
  std::optional<std::string> end = DateParam(p.end_date());
  std::optional<std::string> deadline = DateParam(p.filling_deadline());
  if (!start || !end || !deadline) {
    return absl::InvalidArgumentError(absl::StrCat("period ", p.id(), ": dates are not dates"));
  }
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertPeriod, p.id(), p.agency_id(), p.year(), *start, *end, *deadline,
               EnumSuffix(gv1::Cadence_Name(p.cadence()), "CADENCE_"),
               EnumSuffix(gv1::PeriodState_Name(p.state()), "PERIOD_STATE_"), event.sequence());
  // Rows written before the period was known here (the review events came first).
  if (!applied.empty()) db::Exec(tx, queries::kSetComplianceYear, p.id(), p.year());
  return absl::OkStatus();
}

absl::Status ApplyUnitPolicy(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  gv1::UnitPolicyChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::UnitPolicy& p = changed.policy();
  db::Exec(tx, queries::kUpsertUnitPolicy, p.unit_id(), p.agency_id(), p.public_service(),
           p.include_subunits(), p.survey_id(), event.sequence());
  return absl::OkStatus();
}

absl::Status ApplyDeadlineExtension(pqxx::work& tx, Staged&, const common::EventEnvelope& event) {
  gv1::DeadlineExtensionGranted granted;
  RETURN_IF_ERROR(Unpack(event, granted));
  const gv1::DeadlineExtension& x = granted.extension();
  std::optional<std::string> until = DateParam(x.until());
  if (!until) return absl::InvalidArgumentError("deadline extension: until is not a date");
  db::Exec(tx, queries::kUpsertDeadlineExtension, x.period_id(), x.employee_id(), *until);
  return absl::OkStatus();
}

// The indicators of an approved plan become the ones realisations are due for.
// The indicators of an approved plan become the ones realisations are due for: those of its
// first approved content from the plan's start, those a later revision added from that
// revision's approval day (goals: a revision applies from its approval day, Asia/Jakarta).
void ReplaceIndicators(pqxx::work& tx, const gv1::Plan& plan) {
  std::map<std::string, std::optional<std::string>> due_from;
  for (const pqxx::row& r : db::Exec(tx, queries::kPlanIndicatorsDueFrom, plan.id())) {
    due_from[r[0].as<std::string>()] =
        r[1].is_null() ? std::nullopt : std::optional(r[1].as<std::string>());
  }
  std::optional<std::string> added_from;
  const std::optional<int64_t> approved = MicrosParam(plan.approve_time());
  if (plan.approved_revision() > 1 && approved.has_value()) {
    added_from = db::Exec(tx, queries::kApprovalDay, *approved)[0][0].as<std::string>();
  }
  db::Exec(tx, queries::kDeletePlanIndicators, plan.id());
  bool quality = false;
  const bool qualitative = plan.style() == gv1::PLAN_STYLE_QUALITATIVE;
  for (const gv1::WorkResult& result : plan.results()) {
    for (const gv1::Indicator& i : result.indicators()) {
      if (i.aspect() == gv1::ASPECT_QUALITY) quality = true;
      auto known = due_from.find(i.id());
      db::Exec(tx, queries::kInsertPlanIndicator, plan.id(), i.id(), i.text(),
               EnumSuffix(gv1::Aspect_Name(i.aspect()), "ASPECT_"), qualitative, i.target_min(),
               i.target_max(), i.target_unit(), i.lower_is_better(),
               known != due_from.end() ? known->second : added_from);
    }
  }
  db::Exec(tx, queries::kSetPlanQuality, plan.id(), quality);
}

absl::Status ApplyPlan(pqxx::work& tx, Staged& staged, const common::EventEnvelope& event) {
  gv1::PlanChanged changed;
  RETURN_IF_ERROR(Unpack(event, changed));
  const gv1::Plan& p = changed.plan();
  pqxx::result before = db::Exec(tx, queries::kPlanBefore, p.id());
  const std::string state = EnumSuffix(gv1::PlanState_Name(p.state()), "PLAN_STATE_");
  const int fallback_year = p.start_date().year();
  pqxx::result applied =
      db::Exec(tx, queries::kUpsertPlan, p.id(), p.period_id(), p.agency_id(), fallback_year,
               p.employee().employee_id(), p.employee().nip(), p.employee().name(),
               p.employee().position_id(), p.employee().unit_id(), p.position_type(), state,
               DateParam(p.start_date()), DateParam(p.end_date()), DateParam(p.filling_deadline()),
               MicrosParam(p.submit_time()), MicrosParam(p.approve_time()), p.approved_revision(),
               p.assessor().nip(), p.assessor().name(), event.sequence());
  if (applied.empty()) return absl::OkStatus();
  // The approved content: on an approval, and whenever the plan's current content is the
  // approved revision (a revision being written does not count until it is approved).
  if (p.state() == gv1::PLAN_STATE_APPROVED ||
      (p.approved_revision() > 0 && p.approved_revision() == p.revision() &&
       p.state() == gv1::PLAN_STATE_CLOSED)) {
    ReplaceIndicators(tx, p);
  }
  // The unit's staff (compliance) depends on the plan's unit, position and whether it is closed.
  if (before.empty() || before[0][1].as<std::string>() != p.employee().unit_id() ||
      before[0][2].as<std::string>() != p.employee().position_id() ||
      (before[0][3].as<std::string>() == "CLOSED") != (state == "CLOSED") ||
      before[0][0].as<std::string>() != p.period_id()) {
    if (!before.empty()) {
      staged.RefreshCompliance(before[0][1].as<std::string>(), before[0][0].as<std::string>());
    }
    staged.RefreshCompliance(p.employee().unit_id(), p.period_id());
  }
  return absl::OkStatus();
}

}  // namespace

const HandlerTable& GoalsHandlers() {
  static const auto* table = new HandlerTable{
      {"PeriodCreated", ApplyPeriod},
      {"PeriodUpdated", ApplyPeriod},
      {"PeriodStateChanged", ApplyPeriod},
      {"UnitPolicyChanged", ApplyUnitPolicy},
      {"DeadlineExtensionGranted", ApplyDeadlineExtension},
      {"PlanCreated", ApplyPlan},
      {"PlanUpdated", ApplyPlan},
      {"PlanSubmitted", ApplyPlan},
      {"PlanApproved", ApplyPlan},
      {"PlanReturned", ApplyPlan},
      {"PlanRevised", ApplyPlan},
      {"PlanClosed", ApplyPlan},
  };
  return *table;
}

}  // namespace kinerja::analytics::store::internal
