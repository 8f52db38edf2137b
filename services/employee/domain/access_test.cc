#include "services/employee/domain/access.h"
#include "shared/auth/test_principal.h"

#include <gtest/gtest.h>

#include <string>

namespace kinerja::employee {
namespace {

using auth::Principal;
using auth::Role;

constexpr char kAgency[] = "kota-sawahlunto";
constexpr char kOtherAgency[] = "kota-kupang";
constexpr char kTargetNip[] = "198609262015051001";
constexpr char kCallerNip[] = "197501012000031002";

Principal Make(std::vector<Role> roles, std::string agency = kAgency,
               std::string nip = kCallerNip) {
  return auth::TestPrincipal(std::move(roles), std::move(agency), std::move(nip));
}

EmployeeAccessFacts Target(bool assessor = false) {
  return EmployeeAccessFacts{kAgency, kTargetNip, assessor};
}

void ExpectDenied(const absl::Status& status, std::string_view message) {
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_EQ(std::string(status.message()), message);
}

TEST(CanReadEmployee, EmployeeReadsOnlyThemself) {
  EXPECT_TRUE(CanReadEmployee(Make({Role::kEmployee}, kAgency, kTargetNip), Target()).ok());
  ExpectDenied(CanReadEmployee(Make({Role::kEmployee}), Target()),
               "caller 'user-1' may not read this employee: requires being the employee, their "
               "assessor, an HR admin of their agency, an auditor or a service");
  // Same agency is not enough.
  EXPECT_FALSE(CanReadEmployee(Make({Role::kEmployee}, kAgency), Target()).ok());
  // An empty NIP never matches an empty target NIP.
  EmployeeAccessFacts no_nip{kAgency, "", false};
  EXPECT_FALSE(CanReadEmployee(Make({Role::kEmployee}, kAgency, ""), no_nip).ok());
}

TEST(CanReadEmployee, AssessorReadsReports) {
  EXPECT_TRUE(CanReadEmployee(Make({Role::kEmployee}), Target(true)).ok());
  EXPECT_TRUE(CanReadEmployee(Make({Role::kUnitLeader}), Target(true)).ok());
  EXPECT_FALSE(CanReadEmployee(Make({Role::kUnitLeader}), Target(false)).ok());
  // Assessment is a relation between civil servants: a public token cannot claim it.
  EXPECT_FALSE(CanReadEmployee(Make({Role::kPublic}), Target(true)).ok());
  EXPECT_FALSE(CanReadEmployee(Make({Role::kEmployee}, kAgency, ""), Target(true)).ok());
}

TEST(CanReadEmployee, HrAdminReadsOwnAgencyOnly) {
  EXPECT_TRUE(CanReadEmployee(Make({Role::kHrAdmin}), Target()).ok());
  EXPECT_FALSE(CanReadEmployee(Make({Role::kHrAdmin}, kOtherAgency), Target()).ok());
  EXPECT_FALSE(CanReadEmployee(Make({Role::kHrAdmin}, ""), EmployeeAccessFacts{"", "x"}).ok());
}

TEST(CanReadEmployee, AuditorsAndServicesReadAll) {
  EXPECT_TRUE(CanReadEmployee(Make({Role::kAuditor}, kOtherAgency), Target()).ok());
  EXPECT_TRUE(CanReadEmployee(Make({Role::kAuditor}, ""), Target()).ok());
  Principal service = Make({Role::kService}, "", "");
  service.service = "goals";
  EXPECT_TRUE(CanReadEmployee(service, Target()).ok());
}

TEST(CanReadEmployee, PublicSeesNothingIndividual) {
  ExpectDenied(CanReadEmployee(Make({Role::kPublic}, "", ""), Target()),
               "public callers see aggregates only and may not read this employee");
  ExpectDenied(CanReadEmployee(Make({}, "", ""), Target()),
               "public callers see aggregates only and may not read this employee");
}

TEST(CanReadEmployee, AnyRoleSuffices) {
  EXPECT_TRUE(CanReadEmployee(Make({Role::kPublic, Role::kAuditor}), Target()).ok());
  EXPECT_TRUE(
      CanReadEmployee(Make({Role::kEmployee, Role::kHrAdmin}, kAgency, kCallerNip), Target()).ok());
}

TEST(CanReadAgencyData, Roles) {
  EXPECT_TRUE(CanReadAgencyData(Make({Role::kHrAdmin}), kAgency).ok());
  EXPECT_FALSE(CanReadAgencyData(Make({Role::kHrAdmin}), kOtherAgency).ok());
  EXPECT_TRUE(CanReadAgencyData(Make({Role::kAuditor}), kOtherAgency).ok());
  EXPECT_TRUE(CanReadAgencyData(Make({Role::kService}), kOtherAgency).ok());
  ExpectDenied(CanReadAgencyData(Make({Role::kEmployee}), kAgency),
               "caller 'user-1' may not read agency 'kota-sawahlunto': requires an HR admin of "
               "that agency, an auditor or a service");
  EXPECT_FALSE(CanReadAgencyData(Make({Role::kUnitLeader}), kAgency).ok());
  EXPECT_FALSE(CanReadAgencyData(Make({Role::kPublic}), kAgency).ok());
}

TEST(CanWriteAgencyData, OnlyOwnAgencyHrAdmins) {
  EXPECT_TRUE(CanWriteAgencyData(Make({Role::kHrAdmin}), kAgency).ok());
  ExpectDenied(CanWriteAgencyData(Make({Role::kHrAdmin}), kOtherAgency),
               "caller 'user-1' may not change agency 'kota-kupang': requires an HR admin of "
               "that agency");
  EXPECT_FALSE(CanWriteAgencyData(Make({Role::kHrAdmin}, ""), "").ok());
  for (Role role : {Role::kEmployee, Role::kUnitLeader, Role::kAuditor, Role::kService}) {
    EXPECT_FALSE(CanWriteAgencyData(Make({role}), kAgency).ok()) << static_cast<int>(role);
  }
  ExpectDenied(CanWriteAgencyData(Make({Role::kPublic}), kAgency),
               "public callers see aggregates only and may not change agency "
               "'kota-sawahlunto'");
}

TEST(CanImport, OnlyOwnAgencyHrAdmins) {
  EXPECT_TRUE(CanImport(Make({Role::kHrAdmin}), kAgency).ok());
  ExpectDenied(CanImport(Make({Role::kHrAdmin}), kOtherAgency),
               "caller 'user-1' may not import into agency 'kota-kupang': requires an HR admin "
               "of that agency");
  for (Role role :
       {Role::kEmployee, Role::kUnitLeader, Role::kAuditor, Role::kService, Role::kPublic}) {
    EXPECT_EQ(CanImport(Make({role}), kAgency).code(), absl::StatusCode::kPermissionDenied);
  }
}

}  // namespace
}  // namespace kinerja::employee
