// The filter schemas of the store's List calls.
#include "services/review/store/review_store.h"

#include "services/review/domain/names.h"

namespace kinerja::review::store {
namespace {

using rpc::EnumField;
using rpc::FilterOp;
using rpc::FilterSchema;
using rpc::IdField;

}  // namespace

const FilterSchema& ReviewStore::OrgPredicateFilterSchema() {
  static const FilterSchema* schema =
      new FilterSchema{{IdField("agency_id"), IdField("period_id"), IdField("unit_id")}};
  return *schema;
}

const FilterSchema& ReviewStore::AssessmentFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("agency_id"),
      IdField("period_id"),
      IdField("unit_id"),
      IdField("employee_id"),
      IdField("employee_nip"),
      IdField("assessor_nip"),
      IdField("plan_id"),
      EnumField<AssessmentKind>("kind", {AssessmentKind::kPeriodic, AssessmentKind::kAnnual},
                                AssessmentKindName, "ASSESSMENT_KIND",
                                {FilterOp::kEq, FilterOp::kNe}),
      EnumField<AssessmentState>("state", {AssessmentState::kDraft, AssessmentState::kFinalised},
                                 AssessmentStateName, "ASSESSMENT_STATE",
                                 {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

const FilterSchema& ReviewStore::ObjectionFilterSchema() {
  static const FilterSchema* schema = new FilterSchema{{
      IdField("agency_id"),
      IdField("assessment_id"),
      IdField("employee_id"),
      IdField("employee_nip"),
      EnumField<ObjectionState>("state", {ObjectionState::kOpen, ObjectionState::kDecided},
                                ObjectionStateName, "OBJECTION_STATE",
                                {FilterOp::kEq, FilterOp::kNe}),
  }};
  return *schema;
}

}  // namespace kinerja::review::store
