#include "services/goals/domain/cascade.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"

namespace kinerja::goals {
namespace {

CascadeResultInput Result(std::string id, std::string parent = "",
                          ResultKind kind = ResultKind::kMain) {
  return CascadeResultInput{id, kind, "text of " + id, std::move(parent)};
}

CascadePlanInput Plan(std::string plan_id, std::string employee_id, std::string name,
                      std::string assessor, std::vector<CascadeResultInput> results,
                      std::string position_type = "PELAKSANA") {
  CascadePlanInput p;
  p.plan_id = std::move(plan_id);
  p.employee.employee_id = std::move(employee_id);
  p.employee.name = std::move(name);
  p.position_type = std::move(position_type);
  p.state = PlanState::kApproved;
  p.assessor_employee_id = std::move(assessor);
  p.results = std::move(results);
  return p;
}

std::vector<std::string> PlanIds(const std::vector<CascadeNodeOut>& nodes) {
  std::vector<std::string> ids;
  for (const auto& n : nodes) ids.push_back(n.plan_id);
  return ids;
}

std::vector<std::string> ResultIds(const std::vector<CascadeIssueOut>& issues) {
  std::vector<std::string> ids;
  for (const auto& i : issues) ids.push_back(i.result_id);
  return ids;
}

// Head (JPT, results h1, h2) -> two administrators -> one staff member.
std::vector<CascadePlanInput> Agency() {
  return {
      Plan("p-staff", "e-staff", "Citra", "e-adm-b", {Result("s1", "b1"), Result("s2")}),
      Plan("p-head", "e-head", "Kepala", "", {Result("h1"), Result("h2")}, "JPT_PRATAMA"),
      Plan("p-adm-b", "e-adm-b", "Bambang", "e-head",
           {Result("b1", "h1"), Result("b2", "", ResultKind::kAdditional)}, "ADMINISTRATOR"),
      Plan("p-adm-a", "e-adm-a", "Ani", "e-head", {Result("a1", "h1"), Result("a2", "h1")},
           "ADMINISTRATOR"),
  };
}

TEST(BuildCascadeTree, NotFound) {
  auto tree = BuildCascadeTree("p-missing", Agency());
  EXPECT_EQ(tree.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(BuildCascadeTree("p", {}).status().code(), absl::StatusCode::kNotFound);
}

TEST(BuildCascadeTree, BuildsTreeOrderedByName) {
  auto tree = BuildCascadeTree("p-head", Agency());
  ASSERT_TRUE(tree.ok()) << tree.status();
  const CascadeNodeOut& root = tree->root;
  EXPECT_EQ(root.plan_id, "p-head");
  EXPECT_EQ(root.employee.name, "Kepala");
  EXPECT_EQ(root.state, PlanState::kApproved);
  EXPECT_EQ(PlanIds(root.reports), (std::vector<std::string>{"p-adm-a", "p-adm-b"}));
  EXPECT_TRUE(root.reports[0].reports.empty());
  EXPECT_EQ(PlanIds(root.reports[1].reports), (std::vector<std::string>{"p-staff"}));
  EXPECT_EQ(tree->plan_count, 4);
  EXPECT_EQ(tree->result_count, 8);
}

TEST(BuildCascadeTree, ResultsKeepOrderAndListChildrenInVisitOrder) {
  auto tree = BuildCascadeTree("p-head", Agency());
  ASSERT_TRUE(tree.ok());
  const auto& results = tree->root.results;
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].result_id, "h1");
  EXPECT_EQ(results[0].text, "text of h1");
  EXPECT_EQ(results[0].kind, ResultKind::kMain);
  // Ani's results (a1, a2) come before Bambang's (b1).
  EXPECT_EQ(results[0].child_result_ids, (std::vector<std::string>{"a1", "a2", "b1"}));
  EXPECT_TRUE(results[1].child_result_ids.empty());
  const auto& b = tree->root.reports[1].results;
  EXPECT_EQ(b[0].result_id, "b1");
  EXPECT_EQ(b[0].parent_result_id, "h1");
  EXPECT_EQ(b[0].child_result_ids, (std::vector<std::string>{"s1"}));
  EXPECT_EQ(b[1].kind, ResultKind::kAdditional);
}

TEST(BuildCascadeTree, OrphansAndUncovered) {
  auto tree = BuildCascadeTree("p-head", Agency());
  ASSERT_TRUE(tree.ok());
  // s2 names no parent; the JPT head's results need none.
  ASSERT_EQ(ResultIds(tree->orphans), (std::vector<std::string>{"s2"}));
  const CascadeIssueOut& orphan = tree->orphans[0];
  EXPECT_EQ(orphan.plan_id, "p-staff");
  EXPECT_EQ(orphan.employee_id, "e-staff");
  EXPECT_EQ(orphan.employee_name, "Citra");
  EXPECT_EQ(orphan.text, "text of s2");
  // h2: nobody contributes; b2 is additional; Ani has no reports, so a1/a2 are not uncovered.
  EXPECT_EQ(ResultIds(tree->uncovered), (std::vector<std::string>{"h2"}));
}

TEST(BuildCascadeTree, IssuesInDepthFirstOrder) {
  std::vector<CascadePlanInput> plans = {
      Plan("p-root", "e-root", "Root", "", {Result("r1")}, "JPT_MADYA"),
      Plan("p-x", "e-x", "Xena", "e-root", {Result("x1")}),           // orphan, uncovered
      Plan("p-w", "e-w", "Wati", "e-root", {Result("w1", "r1")}),     // uncovered
      Plan("p-w1", "e-w1", "Zul", "e-w", {Result("z1")}),             // orphan
      Plan("p-x1", "e-x1", "Yusuf", "e-x", {Result("y1", "other")}),  // names a wrong parent
  };
  auto tree = BuildCascadeTree("p-root", plans);
  ASSERT_TRUE(tree.ok());
  // Depth first: root, Wati, Zul, Xena, Yusuf.
  EXPECT_EQ(ResultIds(tree->orphans), (std::vector<std::string>{"z1", "x1"}));
  EXPECT_EQ(ResultIds(tree->uncovered), (std::vector<std::string>{"w1", "x1"}));
  EXPECT_EQ(tree->plan_count, 5);
}

TEST(BuildCascadeTree, NonJptRootWithoutParentIsOrphan) {
  auto tree = BuildCascadeTree("p-adm-b", Agency());
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 2);
  EXPECT_EQ(tree->result_count, 4);
  EXPECT_EQ(ResultIds(tree->orphans), (std::vector<std::string>{"s2"}));
  EXPECT_TRUE(tree->uncovered.empty());  // b1 is covered by s1; b2 is additional
}

TEST(BuildCascadeTree, SubtreeRootAndLeaf) {
  auto tree = BuildCascadeTree("p-staff", Agency());
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 1);
  EXPECT_TRUE(tree->root.reports.empty());
  EXPECT_TRUE(tree->uncovered.empty());  // no reports: nothing to cover
  EXPECT_EQ(ResultIds(tree->orphans), (std::vector<std::string>{"s2"}));
}

TEST(BuildCascadeTree, ClosedPlansIgnoredExceptRoot) {
  std::vector<CascadePlanInput> plans = Agency();
  plans[2].state = PlanState::kClosed;  // Bambang transferred: his subtree leaves the tree
  auto tree = BuildCascadeTree("p-head", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(PlanIds(tree->root.reports), (std::vector<std::string>{"p-adm-a"}));
  EXPECT_EQ(tree->plan_count, 2);
  EXPECT_TRUE(tree->orphans.empty());

  plans[1].state = PlanState::kClosed;
  tree = BuildCascadeTree("p-head", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->root.state, PlanState::kClosed);
  EXPECT_EQ(tree->plan_count, 2);
}

TEST(BuildCascadeTree, TiesOnNameOrderedByPlanId) {
  std::vector<CascadePlanInput> plans = {
      Plan("p-root", "e-root", "Root", "", {Result("r1")}, "JPT_PRATAMA"),
      Plan("p-2", "e-2", "Sama", "e-root", {Result("t2", "r1")}),
      Plan("p-1", "e-1", "Sama", "e-root", {Result("t1", "r1")}),
  };
  auto tree = BuildCascadeTree("p-root", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(PlanIds(tree->root.reports), (std::vector<std::string>{"p-1", "p-2"}));
  EXPECT_EQ(tree->root.results[0].child_result_ids, (std::vector<std::string>{"t1", "t2"}));
}

TEST(BuildCascadeTree, CyclesVisitEachPlanOnce) {
  // A assesses B, B assesses C, C assesses A (bad data).
  std::vector<CascadePlanInput> plans = {
      Plan("p-a", "e-a", "A", "e-c", {Result("a1", "c1")}),
      Plan("p-b", "e-b", "B", "e-a", {Result("b1", "a1")}),
      Plan("p-c", "e-c", "C", "e-b", {Result("c1", "b1")}),
      Plan("p-self", "e-self", "S", "e-self", {Result("s1")}),
  };
  auto tree = BuildCascadeTree("p-a", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 3);
  EXPECT_EQ(PlanIds(tree->root.reports), (std::vector<std::string>{"p-b"}));
  EXPECT_EQ(PlanIds(tree->root.reports[0].reports), (std::vector<std::string>{"p-c"}));
  EXPECT_TRUE(tree->root.reports[0].reports[0].reports.empty());

  auto self = BuildCascadeTree("p-self", plans);
  ASSERT_TRUE(self.ok());
  EXPECT_EQ(self->plan_count, 1);
  EXPECT_TRUE(self->root.reports.empty());
}

TEST(BuildCascadeTree, CycleBelowRootTerminates) {
  // Employee e-a holds two plans; one is assessed by e-b, whom e-a assesses: a loop below root.
  std::vector<CascadePlanInput> plans = {
      Plan("p-r", "e-r", "Root", "", {Result("r1")}, "JPT_PRATAMA"),
      Plan("p-a1", "e-a", "Ana", "e-r", {Result("a1", "r1")}),
      Plan("p-b", "e-b", "Beni", "e-a", {Result("b1", "a1")}),
      Plan("p-a2", "e-a", "Ana", "e-b", {Result("a2", "b1")}),
  };
  auto tree = BuildCascadeTree("p-r", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 4);
  EXPECT_EQ(tree->result_count, 4);
  const CascadeNodeOut& b = tree->root.reports[0].reports[0];
  EXPECT_EQ(b.plan_id, "p-b");
  EXPECT_EQ(PlanIds(b.reports), (std::vector<std::string>{"p-a2"}));
  EXPECT_TRUE(b.reports[0].reports.empty());
}

TEST(BuildCascadeTree, PlanReachableTwiceAppearsOnce) {
  // The same employee holds two plans (two positions): their reports appear under the first.
  std::vector<CascadePlanInput> plans = {
      Plan("p-root", "e-root", "Root", "", {Result("r1")}, "JPT_PRATAMA"),
      Plan("p-m1", "e-m", "Mira", "e-root", {Result("m1", "r1")}),
      Plan("p-m2", "e-m", "Mira", "e-root", {Result("m2", "r1")}),
      Plan("p-s", "e-s", "Sari", "e-m", {Result("s1", "m2")}),
  };
  auto tree = BuildCascadeTree("p-root", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 4);
  EXPECT_EQ(PlanIds(tree->root.reports[0].reports), (std::vector<std::string>{"p-s"}));
  EXPECT_TRUE(tree->root.reports[1].reports.empty());
  EXPECT_EQ(ResultIds(tree->uncovered), (std::vector<std::string>{"m1"}));
}

TEST(BuildCascadeTree, LargeAgencyIsFast) {
  // 5,000 plans, five levels of fan-out 5 plus a long chain: must build in milliseconds.
  std::vector<CascadePlanInput> plans;
  plans.push_back(Plan("p0", "e0", "Head", "", {}, "JPT_PRATAMA"));
  for (int r = 0; r < 5; ++r) plans[0].results.push_back(Result(absl::StrCat("p0-r", r)));
  for (int i = 1; i < 5000; ++i) {
    const int parent = i < 3906 ? (i - 1) / 5 : i - 1;
    CascadePlanInput p = Plan(absl::StrCat("p", i), absl::StrCat("e", i), absl::StrCat("N", i),
                              absl::StrCat("e", parent), {});
    for (int r = 0; r < 5; ++r) {
      p.results.push_back(
          Result(absl::StrCat("p", i, "-r", r), absl::StrCat("p", parent, "-r", r)));
    }
    plans.push_back(std::move(p));
  }
  auto tree = BuildCascadeTree("p0", plans);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->plan_count, 5000);
  EXPECT_EQ(tree->result_count, 25000);
  EXPECT_TRUE(tree->orphans.empty());
}

TEST(BuildCascadeTree, ResultsCarryTheirCascadeTypeAndParentIndicator) {
  std::vector<CascadePlanInput> plans = Agency();
  plans[2].results[0].cascade_type = CascadeType::kIndirect;  // b1 under h1
  plans[2].results[0].parent_indicator_id = "h1-i0";
  auto tree = BuildCascadeTree("p-head", plans);
  ASSERT_TRUE(tree.ok()) << tree.status();
  ASSERT_EQ(tree->root.reports.size(), 2u);
  const CascadeNodeOut& bambang = tree->root.reports[1];
  ASSERT_EQ(bambang.plan_id, "p-adm-b");
  EXPECT_EQ(bambang.results[0].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(bambang.results[0].parent_indicator_id, "h1-i0");
  EXPECT_EQ(bambang.results[1].cascade_type, CascadeType::kNone);
  EXPECT_EQ(bambang.results[1].parent_indicator_id, "");
}

}  // namespace
}  // namespace kinerja::goals
