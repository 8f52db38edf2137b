// Shared fixture of the goals store tests: a fresh database per test with the goals schema
// migrated (platform migrations first, as the service does), a pool, the store, and builders
// that go through the store and the real domain functions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "services/goals/domain/types.h"
#include "services/goals/store/goals_store.h"
#include "services/goals/store/migrations.h"
#include "shared/db/pool.h"
#include "tests/harness/store_fixture.h"

namespace kinerja::goals::store::testing {

class StoreTest : public ::kinerja::testing::StoreFixture<GoalsStore> {
 public:
  // A day inside the 2024 filling deadline.
  static constexpr absl::CivilDay kToday = absl::CivilDay(2024, 1, 15);
  // assessor_id of a plan assessed by the NON-ASN head (no cascade required).
  static constexpr char kNonAsn[] = "<non-asn>";

  // A result with one indicator.
  static WorkResult Result(const std::string& text, const std::string& parent_result_id = "",
                           Aspect aspect = Aspect::kQuantity,
                           Perspective perspective = Perspective::kNone);

 protected:
  StoreTest() : StoreFixture("goals", GoalsMigrations) {}

  WriteOptions Write(const std::string& request_id = "") const;

  static Period NewPeriod(const std::string& agency_id = "kota", int year = 2024,
                          const std::string& name = "");
  Period AddPeriod(const std::string& agency_id = "kota", int year = 2024,
                   const std::string& name = "");
  static PlanPerson Person(const std::string& employee_id, const std::string& name,
                           const std::string& unit_id = "unit-1");
  // A DRAFT plan with NewContent; `assessor` empty = no assessor.
  static Plan NewPlan(const std::string& period_id, const std::string& employee_id,
                      const std::string& name, const std::string& assessor_id = "",
                      const std::string& position_type = "PELAKSANA",
                      const std::string& unit_id = "unit-1");
  Plan AddPlan(const std::string& period_id, const std::string& employee_id,
               const std::string& name, const std::string& assessor_id = "",
               const std::string& position_type = "PELAKSANA");
  // Records with every field initialised (-Wmissing-field-initializers).
  static UnitPolicy Policy(const std::string& agency_id, const std::string& unit_id,
                           bool public_service = false);
  static DeadlineExtension Extension(const std::string& period_id, const std::string& employee_id,
                                     absl::CivilDay until, const std::string& reason);
  static TransferEffect Transfer(const std::string& employee_id, absl::CivilDay effective_date,
                                 std::vector<std::string> close_plan_ids,
                                 std::vector<Plan> new_plans = {});

  // MutatePlan with the real domain functions (AssignIds + ApplyEdit, ApplySubmit, ...).
  absl::StatusOr<Plan> Edit(const Plan& plan, std::vector<WorkResult> results,
                            const std::string& request_id = "");
  absl::StatusOr<Plan> Submit(const std::string& plan_id);
  absl::StatusOr<Plan> Approve(const std::string& plan_id);
  absl::StatusOr<Plan> Revise(const std::string& plan_id, const std::string& reason);
  // Edit + Submit + Approve, asserting success.
  Plan EditAndApprove(const Plan& plan, std::vector<WorkResult> results);
};

}  // namespace kinerja::goals::store::testing
