#include "services/goals/domain/unit_policy.h"

#include <gtest/gtest.h>

#include <string>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::Fields;
using test_util::IsInvalid;

UnitPolicy Policy(std::string unit, bool public_service, bool include_subunits = false,
                  std::string survey_id = "") {
  UnitPolicy p;
  p.agency_id = "kota-kupang";
  p.unit_id = std::move(unit);
  p.public_service = public_service;
  p.include_subunits = include_subunits;
  p.survey_id = std::move(survey_id);
  return p;
}

TEST(ValidateUnitPolicy, RequiredIdsAndSurveyCode) {
  EXPECT_TRUE(ValidateUnitPolicy(Policy("u-1", true, true, "IKM-2026.kec_1")).ok());
  EXPECT_TRUE(ValidateUnitPolicy(Policy("u-1", false)).ok());
  UnitPolicy empty = Policy("", false);
  empty.agency_id = " ";
  EXPECT_EQ(Fields(ValidateUnitPolicy(empty)), (std::vector<std::string>{"agency_id", "unit_id"}));
  EXPECT_TRUE(IsInvalid(ValidateUnitPolicy(Policy(std::string(65, 'u'), false)), "unit_id"));
  EXPECT_TRUE(IsInvalid(ValidateUnitPolicy(Policy("u-1", true, false, "IKM 2026")), "survey_id"));
  EXPECT_TRUE(
      IsInvalid(ValidateUnitPolicy(Policy("u-1", true, false, std::string(65, 's'))), "survey_id"));
  EXPECT_TRUE(ValidateUnitPolicy(Policy("u-1", true, false, std::string(64, 's'))).ok());
  // A survey measures public service: not on a policy that is not public service.
  EXPECT_TRUE(IsInvalid(ValidateUnitPolicy(Policy("u-1", false, false, "IKM-1")), "survey_id"));
}

TEST(PolicyUnitPath, EmptyPathIsTheEmployeesUnit) {
  Plan plan;
  plan.employee.unit_id = "bidang";
  EXPECT_EQ(PolicyUnitPath(plan), (std::vector<std::string>{"bidang"}));
  plan.unit_path = {"root", "dinas", "bidang"};
  EXPECT_EQ(PolicyUnitPath(plan), plan.unit_path);
  plan = Plan();
  EXPECT_TRUE(PolicyUnitPath(plan).empty());
}

TEST(ApplyingPolicy, OwnUnitOrNearestAncestorWithSubunits) {
  const std::vector<std::string> path = {"root", "dinas", "bidang"};
  EXPECT_FALSE(ApplyingPolicy(path, {}).has_value());
  // An ancestor's policy without include_subunits is its unit's only.
  EXPECT_FALSE(ApplyingPolicy(path, {Policy("dinas", true)}).has_value());
  auto from_root = ApplyingPolicy(
      path, {Policy("root", true, true, "IKM-KOTA"), Policy("dinas", true, false, "IKM-DINAS")});
  ASSERT_TRUE(from_root.has_value());
  EXPECT_EQ(from_root->unit_id, "root");
  EXPECT_EQ(from_root->survey_id, "IKM-KOTA");
  // The nearest applying policy wins as a whole, also to opt out.
  auto nearer = ApplyingPolicy(
      path, {Policy("root", true, true, "IKM-KOTA"), Policy("dinas", true, true, "IKM-DINAS")});
  ASSERT_TRUE(nearer.has_value());
  EXPECT_EQ(nearer->survey_id, "IKM-DINAS");
  auto own =
      ApplyingPolicy(path, {Policy("root", true, true, "IKM-KOTA"), Policy("bidang", false)});
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(own->unit_id, "bidang");
  EXPECT_FALSE(own->public_service);
  // Policies of units off the path do not apply.
  EXPECT_FALSE(ApplyingPolicy(path, {Policy("other", true, true)}).has_value());
  EXPECT_FALSE(ApplyingPolicy({}, {Policy("root", true, true)}).has_value());
}

}  // namespace
}  // namespace kinerja::goals
