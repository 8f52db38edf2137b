#include "services/review/domain/access.h"

#include <gtest/gtest.h>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::kEmployeeNip;
using test_util::MakeNonAsnHead;
using test_util::MakeOfficial;

Actor Caller(std::string nip, bool hr = false) { return Actor{"sub-" + nip, nip, hr}; }

TEST(ActAsAssessor, TheAssessorOfTheDayInTheirCapacity) {
  Official plt = MakeOfficial(kAssessorNip, "Budi");
  plt.capacity = Capacity::kPlt;
  auto acting = ActAsAssessor(Caller(kAssessorNip), plt, kEmployeeNip);
  ASSERT_TRUE(acting.ok()) << acting.status();
  EXPECT_EQ(acting->capacity, Capacity::kPlt);
  EXPECT_EQ(acting->official.nip, kAssessorNip);
  EXPECT_EQ(acting->recorded_by, std::string("sub-") + kAssessorNip);
}

TEST(ActAsAssessor, RefusesOthers) {
  const Official boss = MakeOfficial(kAssessorNip, "Budi");
  // The former assessor, an HR admin for an ASN assessor, a caller without NIP.
  EXPECT_TRUE(IsRule(ActAsAssessor(Caller("199001012015011001"), boss, kEmployeeNip).status(),
                     "NOT_ASSESSOR_OF_THE_DAY"));
  EXPECT_TRUE(IsRule(ActAsAssessor(Caller("199001012015011001", true), boss, kEmployeeNip).status(),
                     "NOT_ASSESSOR_OF_THE_DAY"));
  EXPECT_TRUE(IsRule(ActAsAssessor(Caller("", true), boss, kEmployeeNip).status(),
                     "NOT_ASSESSOR_OF_THE_DAY"));
  // An official snapshot without NIP that is not NON-ASN: nobody matches an empty NIP.
  EXPECT_TRUE(IsRule(ActAsAssessor(Caller(""), Official{}, kEmployeeNip).status(),
                     "NOT_ASSESSOR_OF_THE_DAY"));
}

TEST(ActAsAssessor, HrRecordsForANonAsnHead) {
  auto acting = ActAsAssessor(Caller("199001012015011001", true), MakeNonAsnHead(), kEmployeeNip);
  ASSERT_TRUE(acting.ok()) << acting.status();
  EXPECT_EQ(acting->capacity, Capacity::kHrForNonAsn);
  EXPECT_TRUE(acting->official.non_asn);
  EXPECT_EQ(acting->official.name, "Wali Kota");
  EXPECT_TRUE(
      IsRule(ActAsAssessor(Caller("199001012015011001"), MakeNonAsnHead(), kEmployeeNip).status(),
             "NOT_ASSESSOR_OF_THE_DAY"));
}

TEST(ActAs, NeverOnOwnAssessment) {
  // An HR admin recording a NON-ASN head's rating of themselves.
  EXPECT_TRUE(
      IsRule(ActAsAssessor(Caller(kEmployeeNip, true), MakeNonAsnHead(), kEmployeeNip).status(),
             "OWN_ASSESSMENT"));
}

TEST(ActAs, SuperiorAndParentLeaderReasons) {
  const Official superior = MakeOfficial(test_util::kSuperiorNip, "Citra");
  EXPECT_TRUE(ActAsAssessorSuperior(Caller(test_util::kSuperiorNip), superior, kEmployeeNip).ok());
  EXPECT_TRUE(IsRule(ActAsAssessorSuperior(Caller(kAssessorNip), superior, kEmployeeNip).status(),
                     "NOT_ASSESSOR_SUPERIOR"));
  EXPECT_TRUE(ActAsParentUnitLeader(Caller(test_util::kSuperiorNip), superior, kAssessorNip).ok());
  EXPECT_TRUE(IsRule(ActAsParentUnitLeader(Caller(kAssessorNip), superior, kAssessorNip).status(),
                     "OWN_ASSESSMENT"));
  EXPECT_TRUE(IsRule(ActAsParentUnitLeader(Caller(kEmployeeNip), superior, kAssessorNip).status(),
                     "NOT_PARENT_UNIT_LEADER"));
}

TEST(IsOwnAssessment, ByNonEmptyNip) {
  Assessment a = test_util::MakeAssessment();
  EXPECT_TRUE(IsOwnAssessment(Caller(kEmployeeNip), a));
  EXPECT_FALSE(IsOwnAssessment(Caller(kAssessorNip), a));
  a.employee.nip.clear();
  EXPECT_FALSE(IsOwnAssessment(Caller(""), a));
}

}  // namespace
}  // namespace kinerja::review
