#include "shared/auth/access_predicates.h"
#include "shared/auth/test_principal.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace kinerja::auth {
namespace {

constexpr char kAgency[] = "kota-sawahlunto";
constexpr char kNip[] = "198609262015051001";

Principal Make(std::vector<Role> roles, std::string agency = kAgency, std::string nip = kNip) {
  return TestPrincipal(std::move(roles), std::move(agency), std::move(nip));
}

TEST(AccessPredicatesTest, HrAdminOfTheirOwnAgencyOnly) {
  EXPECT_TRUE(IsHrAdminOf(Make({Role::kHrAdmin}), kAgency));
  EXPECT_FALSE(IsHrAdminOf(Make({Role::kHrAdmin}), "kota-kupang"));
  EXPECT_FALSE(IsHrAdminOf(Make({Role::kHrAdmin}, ""), ""));
  EXPECT_FALSE(IsHrAdminOf(Make({Role::kEmployee}), kAgency));
}

TEST(AccessPredicatesTest, PersonNeedsANipAndACivilServantRole) {
  EXPECT_TRUE(IsPerson(Make({Role::kEmployee}), kNip));
  EXPECT_TRUE(IsPerson(Make({Role::kUnitLeader}), kNip));
  EXPECT_TRUE(IsPerson(Make({Role::kHrAdmin}), kNip));
  EXPECT_FALSE(IsPerson(Make({Role::kEmployee}), "199001012015032004"));
  EXPECT_FALSE(IsPerson(Make({Role::kService}), kNip));
  EXPECT_FALSE(IsPerson(Make({Role::kEmployee}, kAgency, ""), ""));
  EXPECT_TRUE(IsCivilServant(Make({Role::kEmployee})));
  EXPECT_FALSE(IsCivilServant(Make({Role::kAuditor})));
}

TEST(AccessPredicatesTest, AuditorsAndServicesReadEverything) {
  EXPECT_TRUE(ReadsEverything(Make({Role::kAuditor})));
  EXPECT_TRUE(ReadsEverything(Make({Role::kService})));
  EXPECT_FALSE(ReadsEverything(Make({Role::kHrAdmin})));
}

TEST(AccessPredicatesTest, DeniedNamesTheCallerOrThePublic) {
  absl::Status denied = Denied(Make({Role::kEmployee}), "read x", "being y");
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(denied.message(), "caller 'user-1' may not read x: requires being y");
  EXPECT_TRUE(IsPublicOnly(Make({})));
  EXPECT_TRUE(IsPublicOnly(Make({Role::kPublic})));
  EXPECT_FALSE(IsPublicOnly(Make({Role::kPublic, Role::kEmployee})));
  EXPECT_EQ(Denied(Make({Role::kPublic}), "read x", "being y").message(),
            "public callers see aggregates only and may not read x");
}

}  // namespace
}  // namespace kinerja::auth
