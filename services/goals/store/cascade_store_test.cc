// Store tests of LoadCascade: a 3-level tree, closed plans and other periods left out.
#include <map>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/domain/cascade.h"
#include "services/goals/store/store_test_fixture.h"

namespace kinerja::goals::store::testing {
namespace {

using ::testing::UnorderedElementsAre;

TEST_F(StoreTest, LoadCascadeWalksThreeLevelsOfOnePeriod) {
  Period period = AddPeriod();
  Period next_year = AddPeriod("kota", 2025);
  // head -> m1, m2 -> s11, s12 (m1), s21 (m2).
  Plan head = AddPlan(period.id, "head", "Kepala", StoreTest::kNonAsn, "ADMINISTRATOR");
  Plan m1 = AddPlan(period.id, "m1", "Manajer Satu", "head", "PENGAWAS");
  Plan m2 = AddPlan(period.id, "m2", "Manajer Dua", "head", "PENGAWAS");
  Plan s11 = AddPlan(period.id, "s11", "Staf Satu", "m1");
  Plan s12 = AddPlan(period.id, "s12", "Staf Dua", "m1");
  Plan s21 = AddPlan(period.id, "s21", "Staf Tiga", "m2");
  // Left out: a closed plan below m2, a plan of another period assessed by head, a plan of
  // someone else's tree.
  Plan closed = AddPlan(period.id, "s22", "Staf Pindah", "m2");
  ASSERT_TRUE(
      store_->ApplyTransfer(Transfer("s22", absl::CivilDay(2024, 6, 1), {closed.id}), Write())
          .ok());
  AddPlan(next_year.id, "m3", "Manajer Tahun Depan", "head", "PENGAWAS");
  AddPlan(period.id, "x1", "Orang Lain", "elsewhere");

  auto head_edited = Edit(head, {Result("Sasaran kepala")});
  ASSERT_TRUE(head_edited.ok()) << head_edited.status();
  const std::string head_result = head_edited->content.results[0].id;
  auto m1_edited = Edit(m1, {Result("Sasaran m1", head_result), Result("Sasaran m1 kedua")});
  ASSERT_TRUE(m1_edited.ok()) << m1_edited.status();

  auto loaded = store_->LoadCascade(head.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  std::map<std::string, CascadePlanInput> by_id;
  for (const CascadePlanInput& p : *loaded) by_id[p.plan_id] = p;
  std::set<std::string> ids;
  for (const auto& [id, p] : by_id) ids.insert(id);
  EXPECT_EQ(loaded->size(), 6u);
  EXPECT_EQ(ids, (std::set<std::string>{head.id, m1.id, m2.id, s11.id, s12.id, s21.id}));
  EXPECT_EQ(by_id[head.id].assessor_employee_id, "");  // NON-ASN head
  EXPECT_EQ(by_id[m1.id].assessor_employee_id, "head");
  EXPECT_EQ(by_id[s11.id].employee.name, "Staf Satu");
  EXPECT_EQ(by_id[s11.id].position_type, "PELAKSANA");
  ASSERT_EQ(by_id[m1.id].results.size(), 2u);
  EXPECT_EQ(by_id[m1.id].results[0].text, "Sasaran m1");
  EXPECT_EQ(by_id[m1.id].results[0].parent_result_id, head_result);
  EXPECT_EQ(by_id[m1.id].results[1].parent_result_id, "");
  EXPECT_TRUE(by_id[s11.id].results.empty());

  auto tree = BuildCascadeTree(head.id, *loaded);
  ASSERT_TRUE(tree.ok()) << tree.status();
  EXPECT_EQ(tree->plan_count, 6);
  ASSERT_EQ(tree->root.results.size(), 1u);
  EXPECT_THAT(tree->root.results[0].child_result_ids,
              UnorderedElementsAre(m1_edited->content.results[0].id));

  // A sub-tree; a closed root is still its own tree.
  auto sub = store_->LoadCascade(m2.id);
  ASSERT_TRUE(sub.ok()) << sub.status();
  EXPECT_EQ(sub->size(), 2u);
  auto closed_root = store_->LoadCascade(closed.id);
  ASSERT_TRUE(closed_root.ok()) << closed_root.status();
  ASSERT_EQ(closed_root->size(), 1u);
  EXPECT_EQ((*closed_root)[0].state, PlanState::kClosed);
  EXPECT_EQ(store_->LoadCascade("nope").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, LoadCascadeEndsOnCycles) {
  Period period = AddPeriod();
  Plan a = AddPlan(period.id, "a", "A", "b");
  Plan b = AddPlan(period.id, "b", "B", "a");
  auto loaded = store_->LoadCascade(a.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->size(), 2u);
  (void)b;
}

}  // namespace
}  // namespace kinerja::goals::store::testing
