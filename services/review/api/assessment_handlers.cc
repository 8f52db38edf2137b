// Assessments: the assessor of the day rates (creating the draft on the first call) and
// finalises; the predicate is derived by the domain, never taken from the caller. Finalising is
// delivery: delivered_date is the finalise day (Asia/Jakarta), and the objection window counts
// from it.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/access.h"
#include "services/review/domain/assessment.h"
#include "services/review/domain/read_access.h"
#include "services/review/domain/windows.h"
#include "shared/rpc/proto_time.h"

namespace kinerja::review::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;
namespace gv1 = ::kinerja::goals::v1;

absl::StatusOr<Cadence> CadenceOf(const gv1::Period& period) {
  switch (period.cadence()) {
    case gv1::CADENCE_MONTHLY:
      return Cadence::kMonthly;
    case gv1::CADENCE_QUARTERLY:
      return Cadence::kQuarterly;
    default:
      return absl::InternalError(absl::StrCat("period ", period.id(), " has no cadence"));
  }
}

absl::StatusOr<absl::CivilDay> PlanDay(const google::type::Date& date, const char* what) {
  absl::StatusOr<absl::CivilDay> day = rpc::DayFromProto(date, what);
  if (!day.ok()) return absl::InternalError(absl::StrCat("plan without a valid ", what));
  return day;
}

// "AHLI_MUDA" for FUNCTIONAL_LEVEL_AHLI_MUDA; "" for unspecified.
std::string FunctionalLevelName(ev1::FunctionalLevel level) {
  if (level == ev1::FUNCTIONAL_LEVEL_UNSPECIFIED) return "";
  return std::string(absl::StripPrefix(ev1::FunctionalLevel_Name(level), "FUNCTIONAL_LEVEL_"));
}

// The plan's window for `kind` containing `window_date` (periodic) or its days in the year
// (annual).
absl::StatusOr<Window> WindowFor(AssessmentKind kind, Cadence cadence, const gv1::Plan& plan,
                                 int year, const google::type::Date& window_date) {
  ASSIGN_OR_RETURN(absl::CivilDay start, PlanDay(plan.start_date(), "start_date"));
  ASSIGN_OR_RETURN(absl::CivilDay end, PlanDay(plan.end_date(), "end_date"));
  if (kind == AssessmentKind::kAnnual) {
    if (rpc::IsSet(window_date)) {
      return errors::InvalidField("window_date", "must be unset for an ANNUAL assessment");
    }
    return AnnualWindow(start, end, year);
  }
  ASSIGN_OR_RETURN(std::optional<absl::CivilDay> day,
                   rpc::OptionalDayFromProto(window_date, "window_date"));
  if (!day.has_value()) {
    return errors::InvalidField("window_date", "is required for a PERIODIC assessment");
  }
  ASSIGN_OR_RETURN(std::vector<Window> windows, PeriodicWindows(cadence, start, end, year));
  std::optional<Window> window = WindowOf(windows, *day);
  if (!window.has_value()) {
    return errors::InvalidField(
        "window_date", absl::StrCat(absl::FormatCivilTime(*day), " is outside the plan's days"));
  }
  return *window;
}

}  // namespace

absl::StatusOr<AssessmentRecord> ReviewService::DraftFor(const std::string& plan_id,
                                                         AssessmentKind kind,
                                                         const google::type::Date& window_date) {
  ASSIGN_OR_RETURN(gv1::Plan plan, Referenced(deps_.goals->GetPlan(plan_id), "plan_id"));
  if (!plan.has_approve_time()) {
    return errors::RuleViolation(
        "PLAN_NOT_APPROVED",
        absl::StrCat("plan ", plan_id, " has no approved version: it is rated against one"));
  }
  ASSIGN_OR_RETURN(gv1::Period period, deps_.goals->GetPeriod(plan.period_id()));
  ASSIGN_OR_RETURN(Cadence cadence, CadenceOf(period));
  ASSIGN_OR_RETURN(Window window, WindowFor(kind, cadence, plan, period.year(), window_date));
  const std::string& employee_id = plan.employee().employee_id();
  ASSIGN_OR_RETURN(ev1::Employee employee, deps_.employees->GetEmployee(employee_id, ""));
  ASSIGN_OR_RETURN(ev1::Position position,
                   deps_.employees->GetPosition(plan.employee().position_id()));
  ASSIGN_OR_RETURN(ev1::OrgUnit unit, deps_.employees->GetOrgUnit(plan.employee().unit_id()));
  // The version in force at the end of the window (or today, if earlier) is the one rated.
  int revision = plan.revision();
  absl::StatusOr<gv1::PlanVersion> version =
      deps_.goals->GetPlanVersionOn(plan_id, std::min(window.last, Today()));
  if (version.ok()) {
    revision = version->revision();
  } else if (!absl::IsNotFound(version.status())) {
    return version.status();
  }

  AssessmentRecord draft;
  Assessment& a = draft.assessment;
  a.plan_id = plan.id();
  a.agency_id = plan.agency_id();
  a.unit_id = plan.employee().unit_id();
  OfficialRecord person = OfficialFrom(plan.employee());
  a.employee = person.official;
  a.unit_head = !unit.leader_position_id().empty() &&
                unit.leader_position_id() == plan.employee().position_id();
  a.kind = kind;
  a.cadence = cadence;
  a.window = window;
  a.state = AssessmentState::kDraft;
  draft.period_id = plan.period_id();
  draft.plan_revision = revision;
  draft.employee_position_id = person.position_id;
  draft.employee_rank_label = employee.rank_label();
  draft.employee_siasn_id = employee.siasn_id();
  draft.position_type = clients::PositionTypeName(position.type());
  if (position.type() == ev1::POSITION_TYPE_FUNGSIONAL) {
    draft.functional_level = FunctionalLevelName(position.functional_level());
  }
  return draft;
}

absl::StatusOr<int> ReviewService::UnitStaff(const AssessmentRecord& record) {
  const Assessment& a = record.assessment;
  ASSIGN_OR_RETURN(ev1::OrgUnit unit, deps_.employees->GetOrgUnit(a.unit_id));
  ASSIGN_OR_RETURN(
      std::vector<gv1::Plan> plans,
      deps_.goals->ListPlans(absl::StrCat("period_id = ", clients::FilterLiteral(record.period_id),
                                          " AND unit_id = ", clients::FilterLiteral(a.unit_id),
                                          " AND state != \"CLOSED\"")));
  int staff = 0;
  bool candidate_counted = false;
  for (const gv1::Plan& plan : plans) {
    if (!unit.leader_position_id().empty() &&
        plan.employee().position_id() == unit.leader_position_id()) {
      continue;  // the unit head is outside the unit's distribution
    }
    absl::StatusOr<absl::CivilDay> start = rpc::DayFromProto(plan.start_date(), "start_date");
    absl::StatusOr<absl::CivilDay> end = rpc::DayFromProto(plan.end_date(), "end_date");
    if (start.ok() && end.ok() && (*start > a.window.last || *end < a.window.first)) {
      continue;  // no day in the window
    }
    ++staff;
    if (plan.id() == a.plan_id) candidate_counted = true;
  }
  // A plan closed since (a transfer) is still assessed for its days.
  if (!candidate_counted && !a.unit_head) ++staff;
  return staff;
}

grpc::ServerUnaryReactor* ReviewService::RateAssessment(grpc::CallbackServerContext* ctx,
                                                        const v1::RateAssessmentRequest* request,
                                                        v1::Assessment* response) {
  return deps_.calls->Unary(
      ctx, *request, "RateAssessment", [=, this](const CallContext& call) -> absl::Status {
        Violations v;
        if (request->plan_id().empty()) v.Add("plan_id", "is required");
        std::optional<AssessmentKind> kind = v.Take(KindFromProto(request->kind(), "kind"));
        std::optional<std::optional<Rating>> results =
            v.Take(RatingFromProto(request->results_rating(), "results_rating"));
        std::optional<std::optional<Rating>> behaviour =
            v.Take(RatingFromProto(request->behaviour_rating(), "behaviour_rating"));
        std::optional<std::vector<BehaviourValueInput>> values =
            v.Take(BehaviourValuesFromProto(request->behaviour_values()));
        RETURN_IF_ERROR(v.ToStatus());
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(request->etag(), ""));
        ASSIGN_OR_RETURN(AssessmentRecord draft,
                         DraftFor(request->plan_id(), *kind, request->window_date()));
        const Assessment& d = draft.assessment;
        ASSIGN_OR_RETURN(LineOfTheDay line, LineOf(*deps_.employees, d.employee.employee_id,
                                                   draft.employee_position_id, Today()));
        ASSIGN_OR_RETURN(ActingOfficial acting,
                         AccessRefusal(ActAsAssessor(ActorOf(call.principal, d.agency_id),
                                                     line.assessor.official, d.employee.nip)));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        RatingInput input;
        input.results = *results;
        input.behaviour = *behaviour;
        input.notes = request->results_note();
        input.behaviour_values = std::move(*values);
        store::AssessmentMutation mutation;
        mutation.action = "assessment.rate";
        mutation.event_type = store::kAssessmentRated;
        mutation.apply = [&](AssessmentRecord& record,
                             const store::AssessmentFacts& facts) -> absl::Status {
          RETURN_IF_ERROR(ApplyRating(
              record.assessment, input, acting,
              OrgFacts{.unit_org_predicate = facts.org_predicate, .org_result_mapping = {}}));
          record.behaviour_note = request->behaviour_note();
          record.assessor_position_id = line.assessor.position_id;
          record.assessor_rank_label = line.assessor.rank_label;
          return absl::OkStatus();
        };
        ASSIGN_OR_RETURN(AssessmentRecord saved,
                         store().RateAssessment(draft, expected, std::move(mutation), write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::FinaliseAssessment(
    grpc::CallbackServerContext* ctx, const v1::FinaliseAssessmentRequest* request,
    v1::Assessment* response) {
  return deps_.calls->Unary(
      ctx, *request, "FinaliseAssessment", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(request->etag(), ""));
        ASSIGN_OR_RETURN(AssessmentRecord current, store().GetAssessment(request->id()));
        const Assessment& c = current.assessment;
        const absl::CivilDay today = Today();
        ASSIGN_OR_RETURN(LineOfTheDay line, LineOf(*deps_.employees, c.employee.employee_id,
                                                   current.employee_position_id, today));
        ASSIGN_OR_RETURN(ActingOfficial acting,
                         AccessRefusal(ActAsAssessor(ActorOf(call.principal, c.agency_id),
                                                     line.assessor.official, c.employee.nip)));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(c.agency_id));
        ASSIGN_OR_RETURN(int unit_staff, UnitStaff(current));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        const absl::Time now = deps_.now();
        store::AssessmentMutation mutation;
        mutation.action = "assessment.finalise";
        mutation.event_type = store::kAssessmentFinalised;
        mutation.lock_unit = true;
        mutation.apply = [&](AssessmentRecord& record,
                             const store::AssessmentFacts& facts) -> absl::Status {
          FinaliseFacts ff;
          ff.org.unit_org_predicate = facts.org_predicate;
          ff.distribution_policy = DistributionOf(policy);
          ff.unit_finalised = facts.unit_finalised;
          // Never below the finalised count plus this one (staff who left keep their results).
          ff.unit_staff = std::max(unit_staff, facts.unit_finalised.Total() + 1);
          ff.justification = request->distribution_justification();
          ff.now = now;
          ASSIGN_OR_RETURN(FinaliseOutcome outcome, ApplyFinalise(record.assessment, acting, ff));
          RETURN_IF_ERROR(ApplyDelivery(record.assessment, today));
          record.distribution_findings.clear();
          for (const DistributionViolation& violation : outcome.violations) {
            record.distribution_findings.push_back(DescribeViolations({violation}));
          }
          record.assessor_position_id = line.assessor.position_id;
          record.assessor_rank_label = line.assessor.rank_label;
          record.credit_points_thousandths = CreditPointsOf(record);
          return absl::OkStatus();
        };
        ASSIGN_OR_RETURN(
            AssessmentRecord saved,
            store().MutateAssessment(request->id(), expected, std::move(mutation), write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::GetAssessment(grpc::CallbackServerContext* ctx,
                                                       const v1::GetAssessmentRequest* request,
                                                       v1::Assessment* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetAssessment", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->id(), "id"));
        ASSIGN_OR_RETURN(AssessmentRecord record, store().GetAssessment(request->id()));
        RETURN_IF_ERROR(CanReadAssessment(call.principal, record.assessment));
        *response = ToProto(record);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::ListAssessments(grpc::CallbackServerContext* ctx,
                                                         const v1::ListAssessmentsRequest* request,
                                                         v1::ListAssessmentsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListAssessments", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ListPage list,
                         StartList(*deps_.page_tokens, request->page_size(), request->page_token(),
                                   {"ListAssessments", request->filter()}));
        ASSIGN_OR_RETURN(std::vector<rpc::Condition> filter,
                         AgencyScopedFilter(call.principal, request->filter(),
                                            store::ReviewStore::AssessmentFilterSchema(),
                                            CanReadAgency, {"employee_nip", "assessor_nip"}));
        ASSIGN_OR_RETURN(db::Page<AssessmentRecord> page,
                         store().ListAssessments(filter, list.request));
        for (const AssessmentRecord& record : page.items) {
          // The filter scoped the agency or the caller's own NIP; each one is checked anyway.
          RETURN_IF_ERROR(CanReadAssessment(call.principal, record.assessment));
          *response->add_assessments() = ToProto(record);
        }
        response->set_next_page_token(NextPageToken(*deps_.page_tokens, list, page));
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
