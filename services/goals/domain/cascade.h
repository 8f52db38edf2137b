// Alignment (DOMAIN.md "Cascading (intervensi)"; issue "Alignment"): the cascade tree from one
// plan down through the plans of everyone its employee assesses, recursively (the results role
// matrix, matriks peran hasil), with orphans (main results of non-JPT plans that name no
// parent) and uncovered results (main results of a plan with reports in the tree from which no
// report's result cascades). Pure: the store loads the plans, this builds the tree.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/goals/domain/types.h"

namespace kinerja::goals {

struct CascadeResultInput {
  std::string id;
  ResultKind kind = ResultKind::kMain;
  std::string text;
  std::string parent_result_id;
  CascadeType cascade_type = CascadeType::kNone;  // intervensi langsung / tidak langsung
  std::string parent_indicator_id = {};
};

struct CascadePlanInput {
  std::string plan_id;
  PlanPerson employee;
  std::string position_type;
  PlanState state = PlanState::kDraft;
  std::string assessor_employee_id;  // empty for a NON-ASN or missing assessor
  std::vector<CascadeResultInput> results;
};

struct CascadeResultNode {
  std::string result_id;
  ResultKind kind = ResultKind::kMain;
  std::string text;
  std::string parent_result_id;
  std::vector<std::string> child_result_ids;  // reports' results naming this one, in plan order
  CascadeType cascade_type = CascadeType::kNone;
  std::string parent_indicator_id;
};

struct CascadeNodeOut {
  std::string plan_id;
  PlanPerson employee;
  PlanState state = PlanState::kDraft;
  std::vector<CascadeResultNode> results;
  std::vector<CascadeNodeOut> reports;  // ordered by employee name, then plan id
};

struct CascadeIssueOut {
  std::string plan_id;
  std::string employee_id;
  std::string employee_name;
  std::string result_id;
  std::string text;
};

struct CascadeTreeOut {
  CascadeNodeOut root;
  std::vector<CascadeIssueOut> orphans;    // tree order (depth first)
  std::vector<CascadeIssueOut> uncovered;  // tree order (depth first)
  int plan_count = 0;
  int result_count = 0;
};

// `plans` holds the root and any number of other plans of the same period (closed plans are
// ignored, except the root). A plan's reports are the plans whose assessor_employee_id is its
// employee's id; each plan appears once even if the data has cycles. NOT_FOUND when
// root_plan_id is not among `plans`. Linear in the number of plans and results.
absl::StatusOr<CascadeTreeOut> BuildCascadeTree(const std::string& root_plan_id,
                                                const std::vector<CascadePlanInput>& plans);

}  // namespace kinerja::goals
