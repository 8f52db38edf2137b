// Periods: create, get, list, update with etag, state transitions, deadline extensions.
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/period_rules.h"
#include "services/goals/domain/plan_dates.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"
#include "shared/db/filter_sql.h"
#include "shared/db/sql_array.h"

namespace kinerja::goals::store {
namespace {

std::string DefaultName(const Period& period) { return absl::StrCat("SKP ", period.year); }

void EmitPeriod(pqxx::work& tx, const WriteOptions& write, const char* type, const Period& period) {
  pb::PeriodChanged event;
  *event.mutable_period() = ToProto(period);
  internal::Emit(tx, write, type, "period", period.id, event);
}

absl::StatusOr<Period> LockPeriod(pqxx::work& tx, const std::string& id,
                                  std::optional<int64_t> expected_version) {
  pqxx::result r = db::Exec(tx, queries::kLockPeriod, id);
  if (r.empty()) return errors::NotFound("period", id);
  Period period = internal::PeriodFromRow(r[0]);
  RETURN_IF_ERROR(
      internal::CheckVersion(expected_version, period.version, absl::StrCat("period ", id)));
  return period;
}

// One period per agency and year (migration 0005).
absl::Status PeriodExists(pqxx::work& tx, const Period& period) {
  pqxx::result r = db::Exec(tx, queries::kPeriodOfYear, period.agency_id, period.year);
  const std::string existing = r.empty() ? std::string("?") : r[0][0].as<std::string>();
  return errors::WithReason(absl::AlreadyExistsError(absl::StrCat(
                                "agency ", period.agency_id, " already has period ", existing,
                                " for ", period.year, " (one period per agency and year)")),
                            "PERIOD_EXISTS");
}

}  // namespace

absl::StatusOr<Period> GoalsStore::CreatePeriod(Period period, const WriteOptions& write) {
  RETURN_IF_ERROR(ValidatePeriod(period));
  if (period.name.empty()) period.name = DefaultName(period);
  period.state = PeriodState::kOpen;
  return internal::RunWrite<Period>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Period> {
    pqxx::result r = db::Exec(
        tx, queries::kInsertPeriod, period.agency_id, period.year, period.name,
        internal::DayText(period.start_date), internal::DayText(period.end_date),
        internal::DayText(period.filling_deadline), std::string(CadenceName(period.cadence)),
        std::string(PeriodStateName(period.state)), period.mid_year_filling_days);
    if (r.empty()) return PeriodExists(tx, period);
    Period created = internal::PeriodFromRow(r[0]);
    internal::Audit(tx, write, "period.create", "period", created.id, std::nullopt,
                    internal::MessageJson(ToProto(created)));
    EmitPeriod(tx, write, kPeriodCreated, created);
    return created;
  });
}

absl::StatusOr<Period> GoalsStore::GetPeriod(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Period> {
    pqxx::result r = db::Exec(tx, queries::kPeriodById, id);
    if (r.empty()) return errors::NotFound("period", id);
    return internal::PeriodFromRow(r[0]);
  });
}

absl::StatusOr<Page<Period>> GoalsStore::ListPeriods(const std::vector<rpc::Condition>& filter,
                                                     const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 3));
  static const std::vector<db::FilterColumn>* columns = new std::vector<db::FilterColumn>{
      {.field = "agency_id", .column = "p.agency_id"},
      {.field = "year", .column = "p.year", .cast = "::integer"},
      {.field = "state", .column = "p.state", .proto_prefix = "PERIOD_STATE"},
  };
  db::SqlParams params;
  std::vector<std::string> where;
  RETURN_IF_ERROR(db::AppendFilterConditions(filter, *columns, params, where));
  if (!page.after.empty()) {
    int year = 0;
    if (!absl::SimpleAtoi(page.after[1], &year)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    const std::string a = params.Add(page.after[0]);
    const std::string y = params.Add(page.after[1]);
    const std::string i = params.Add(page.after[2]);
    where.push_back(absl::StrCat("(p.agency_id > ", a, " OR (p.agency_id = ", a, " AND (p.year < ",
                                 y, "::integer OR (p.year = ", y, "::integer AND p.id > ", i,
                                 "))))"));
  }
  const std::string sql = absl::StrCat(
      "SELECT ", internal::PeriodColumns("p"), " FROM periods p", db::WhereClause(where),
      " ORDER BY p.agency_id, p.year DESC, p.id LIMIT ", page.page_size + 1);
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<Period>> {
    pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params.values()));
    Page<Period> out;
    for (const pqxx::row& row : r) {
      if (static_cast<int>(out.items.size()) == page.page_size) {
        out.has_more = true;
        break;
      }
      out.items.push_back(internal::PeriodFromRow(row));
    }
    if (out.has_more) {
      const Period& last = out.items.back();
      out.last_key = {last.agency_id, absl::StrCat(last.year), last.id};
    }
    return out;
  });
}

namespace {

// The period's plans keep their filling deadline (PlanFillingDeadline of their start) in step
// with the period's deadline and mid_year_filling_days; their stored answers are dropped and
// rebuilt from the rows on the next read.
void RefreshPlanDeadlines(pqxx::work& tx, const Period& period) {
  pqxx::result plans = db::Exec(tx, queries::kPlanStartsOfPeriod, period.id);
  std::vector<std::string> ids, deadlines;
  for (const pqxx::row& row : plans) {
    const absl::CivilDay deadline = PlanFillingDeadline(period, internal::DayFromField(row[1]));
    if (row[2].is_null() || internal::DayFromField(row[2]) != deadline) {
      ids.push_back(row[0].as<std::string>());
      deadlines.push_back(absl::FormatCivilTime(deadline));
    }
  }
  if (ids.empty()) return;
  db::Exec0(tx, queries::kSetPlanDeadlines, db::TextArrayLiteral(ids),
            db::TextArrayLiteral(deadlines));
}

}  // namespace

absl::StatusOr<Period> GoalsStore::UpdatePeriod(const PeriodUpdate& update,
                                                const WriteOptions& write) {
  if (update.id.empty()) return errors::InvalidField("id", "is required");
  return internal::RunWrite<Period>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Period> {
    ASSIGN_OR_RETURN(Period period, LockPeriod(tx, update.id, update.expected_version));
    RETURN_IF_ERROR(CheckPeriodChangeable(period));
    Period changed = period;
    if (update.name) changed.name = *update.name;
    if (update.filling_deadline) changed.filling_deadline = *update.filling_deadline;
    if (update.cadence) changed.cadence = *update.cadence;
    if (update.mid_year_filling_days) changed.mid_year_filling_days = *update.mid_year_filling_days;
    RETURN_IF_ERROR(ValidatePeriod(changed));
    if (changed.name.empty()) changed.name = DefaultName(changed);
    if (changed.name == period.name && changed.filling_deadline == period.filling_deadline &&
        changed.cadence == period.cadence &&
        changed.mid_year_filling_days == period.mid_year_filling_days) {
      return period;  // nothing to change: no version bump, no event
    }
    if (changed.cadence != period.cadence) {
      // An approval does not lock the period row (plan_mutation.cc): one committing while this
      // runs is not seen, a window as wide as this transaction.
      pqxx::result approved = db::Exec(tx, queries::kPeriodHasApprovedPlan, period.id);
      RETURN_IF_ERROR(CheckCadenceChange(period, changed.cadence, approved[0][0].as<bool>()));
    }
    pqxx::result r =
        db::Exec(tx, queries::kUpdatePeriod, changed.id, changed.name,
                 internal::DayText(changed.filling_deadline),
                 std::string(CadenceName(changed.cadence)), changed.mid_year_filling_days);
    Period updated = internal::PeriodFromRow(r[0]);
    if (updated.filling_deadline != period.filling_deadline ||
        updated.mid_year_filling_days != period.mid_year_filling_days) {
      RefreshPlanDeadlines(tx, updated);
    }
    internal::Audit(tx, write, "period.update", "period", updated.id,
                    internal::MessageJson(ToProto(period)),
                    internal::MessageJson(ToProto(updated)));
    EmitPeriod(tx, write, kPeriodUpdated, updated);
    return updated;
  });
}

absl::StatusOr<Period> GoalsStore::SetPeriodState(const std::string& id, PeriodState state,
                                                  std::optional<int64_t> expected_version,
                                                  const WriteOptions& write) {
  if (id.empty()) return errors::InvalidField("id", "is required");
  return internal::RunWrite<Period>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Period> {
    ASSIGN_OR_RETURN(Period period, LockPeriod(tx, id, expected_version));
    RETURN_IF_ERROR(CheckPeriodTransition(period.state, state));
    if (period.state == state) return period;
    pqxx::result r =
        db::Exec(tx, queries::kSetPeriodState, id, std::string(PeriodStateName(state)));
    Period updated = internal::PeriodFromRow(r[0]);
    internal::Audit(tx, write, "period.set_state", "period", updated.id,
                    internal::MessageJson(ToProto(period)),
                    internal::MessageJson(ToProto(updated)));
    EmitPeriod(tx, write, kPeriodStateChanged, updated);
    return updated;
  });
}

absl::StatusOr<DeadlineExtension> GoalsStore::GrantExtension(DeadlineExtension extension,
                                                             const WriteOptions& write) {
  if (extension.period_id.empty()) return errors::InvalidField("period_id", "is required");
  if (extension.employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  extension.granted_by = write.ctx.actor;
  return internal::RunWrite<DeadlineExtension>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<DeadlineExtension> {
        pqxx::result p = db::Exec(tx, queries::kSharePeriod, extension.period_id);
        if (p.empty()) return errors::NotFound("period", extension.period_id);
        const Period period = internal::PeriodFromRow(p[0]);
        RETURN_IF_ERROR(CheckPeriodChangeable(period));
        RETURN_IF_ERROR(ValidateExtension(period, extension));
        pqxx::result previous =
            db::Exec(tx, queries::kLockExtension, extension.period_id, extension.employee_id);
        pqxx::result r =
            db::Exec(tx, queries::kUpsertExtension, extension.period_id, extension.employee_id,
                     internal::DayText(extension.until), extension.reason, extension.granted_by);
        DeadlineExtension granted = internal::ExtensionFromRow(r[0]);
        std::optional<std::string> before;
        if (!previous.empty()) {
          before = internal::MessageJson(ToProto(internal::ExtensionFromRow(previous[0])));
        }
        internal::Audit(tx, write, "period.grant_extension", "deadline_extension",
                        absl::StrCat(granted.period_id, "/", granted.employee_id),
                        std::move(before), internal::MessageJson(ToProto(granted)));
        pb::DeadlineExtensionGranted event;
        *event.mutable_extension() = ToProto(granted);
        internal::Emit(tx, write, kDeadlineExtensionGranted, "period", granted.period_id, event);
        return granted;
      });
}

}  // namespace kinerja::goals::store
