// Plan templates: create, get, and apply one to a plan (idempotent per plan and template).
#include <string>

#include "absl/strings/str_cat.h"
#include "kinerja/goals/v1/events.pb.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/templates.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/queries.h"
#include "services/goals/store/rows.h"

namespace kinerja::goals::store {
namespace {

// Stored idempotent answer of ApplyTemplateToPlan: one byte for the kind, then the plan.
std::string EncodeTemplateResult(const TemplateResult& result) {
  return absl::StrCat(result.kind == TemplateResult::kApplied ? "A" : "K",
                      ToProto(result.plan).SerializeAsString());
}

absl::StatusOr<TemplateResult> DecodeTemplateResult(const std::string& stored) {
  pb::Plan proto;
  if (stored.empty() || !proto.ParseFromString(stored.substr(1))) {
    return absl::InternalError("stored idempotent response does not parse");
  }
  TemplateResult result;
  result.kind = stored[0] == 'A' ? TemplateResult::kApplied : TemplateResult::kAlreadyApplied;
  ASSIGN_OR_RETURN(result.plan, FromProto(proto));
  return result;
}

}  // namespace

absl::StatusOr<PlanTemplate> GoalsStore::CreateTemplate(PlanTemplate tmpl,
                                                        const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateTemplate(tmpl));
  DefaultCascadeTypes(tmpl.results);
  return internal::RunWrite<PlanTemplate>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<PlanTemplate> {
        pqxx::result r = db::Exec(tx, queries::kInsertTemplate, tmpl.agency_id, tmpl.name,
                                  internal::TemplateResultsJson(tmpl.results),
                                  internal::BehavioursJson(tmpl.behaviours));
        PlanTemplate created = internal::TemplateFromRow(r[0]);
        internal::Audit(tx, write, "plan_template.create", "plan_template", created.id,
                        std::nullopt, internal::MessageJson(ToProto(created)));
        pb::PlanTemplateChanged event;
        *event.mutable_template_() = ToProto(created);
        internal::Emit(tx, write, kPlanTemplateCreated, "plan_template", created.id, event);
        return created;
      });
}

absl::StatusOr<PlanTemplate> GoalsStore::GetTemplate(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<PlanTemplate> {
    pqxx::result r = db::Exec(tx, queries::kTemplateById, id);
    if (r.empty()) return errors::NotFound("plan template", id);
    return internal::TemplateFromRow(r[0]);
  });
}

absl::StatusOr<TemplateResult> GoalsStore::ApplyTemplateToPlan(const std::string& plan_id,
                                                               const PlanTemplate& tmpl,
                                                               absl::CivilDay today,
                                                               const WriteOptions& write) {
  if (plan_id.empty()) return errors::InvalidField("plan_id", "is required");
  if (tmpl.id.empty()) return errors::InvalidField("template_id", "is required");
  // The template's parents are loaded into the facts like an edit's.
  PlanContent candidate;
  candidate.results = tmpl.results;
  return db::RunIdempotentWrite<TemplateResult>(
      pool_, write,
      [&](pqxx::work& tx) -> absl::StatusOr<TemplateResult> {
        TemplateResult result;
        bool already_applied = false;
        PlanMutation mutation;
        mutation.action = "plan.apply_template";
        mutation.event_type = kPlanUpdated;
        mutation.note = tmpl.id;
        mutation.today = today;
        mutation.apply = [&](Plan& plan, const PlanFacts& facts) -> absl::Status {
          PlanContent next = plan.content;
          ASSIGN_OR_RETURN(
              TemplateOutcome outcome,
              ApplyTemplate(tmpl, IsJptPositionType(plan.position_type), next, NewContentId));
          if (outcome == TemplateOutcome::kAlreadyApplied) {
            already_applied = true;
            return absl::OkStatus();
          }
          return ApplyEdit(plan, std::move(next), facts);
        };
        ASSIGN_OR_RETURN(result.plan,
                         internal::MutatePlanInTx(tx, plan_id, std::nullopt, mutation, write,
                                                  &candidate, &already_applied));
        result.kind = already_applied ? TemplateResult::kAlreadyApplied : TemplateResult::kApplied;
        return result;
      },
      EncodeTemplateResult, DecodeTemplateResult);
}

}  // namespace kinerja::goals::store
