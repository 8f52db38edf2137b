#include "services/goals/domain/workflow.h"

#include <gtest/gtest.h>

#include <string>

#include "services/goals/domain/test_util.h"

namespace kinerja::goals {
namespace {

using test_util::Fields;
using test_util::IsInvalid;
using test_util::IsRule;
using test_util::MakeContent;
using test_util::MakeIndicator;
using test_util::MakeResult;

constexpr char kPeriod[] = "period-2024";
constexpr char kBossId[] = "emp-boss";

PlanPerson Person(std::string id, std::string nip, std::string name) {
  PlanPerson p;
  p.employee_id = std::move(id);
  p.nip = std::move(nip);
  p.name = std::move(name);
  return p;
}

// A PELAKSANA's draft whose assessor is a civil servant, with one main result cascading from
// the assessor's approved result "boss-r1".
Plan MakePlan() {
  Plan plan;
  plan.id = "plan-1";
  plan.period_id = kPeriod;
  plan.agency_id = "kota-kupang";
  plan.employee = Person("emp-1", "198609262015051001", "Ani");
  plan.position_type = "PELAKSANA";
  plan.assessor = Person(kBossId, "197501012000031002", "Budi");
  plan.content = MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1")});
  return plan;
}

PlanFacts MakeFacts() {
  PlanFacts facts;
  facts.period.id = kPeriod;
  facts.period.year = 2024;
  facts.period.start_date = absl::CivilDay(2024, 1, 1);
  facts.period.end_date = absl::CivilDay(2024, 12, 31);
  facts.period.filling_deadline = absl::CivilDay(2024, 1, 31);
  facts.period.state = PeriodState::kOpen;
  facts.today = absl::CivilDay(2024, 1, 15);
  facts.parents["boss-r1"] =
      ParentResultFacts{"plan-boss", kPeriod, kBossId, true, PlanState::kApproved};
  facts.parents["boss-r2"] =
      ParentResultFacts{"plan-boss", kPeriod, kBossId, false, PlanState::kSubmitted};
  facts.parents["other-r1"] =
      ParentResultFacts{"plan-x", kPeriod, "emp-x", true, PlanState::kApproved};
  facts.parents["old-r1"] =
      ParentResultFacts{"plan-old", "period-2023", kBossId, true, PlanState::kApproved};
  return facts;
}

const absl::Time kNow = absl::FromUnixSeconds(1705300000);

// RequiresCascade

TEST(RequiresCascade, NonJptWithCivilServantAssessor) {
  Plan plan = MakePlan();
  EXPECT_TRUE(RequiresCascade(plan));
  for (const char* jpt : {"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA"}) {
    plan.position_type = jpt;
    EXPECT_FALSE(RequiresCascade(plan)) << jpt;
  }
  plan = MakePlan();
  plan.assessor->non_asn = true;
  plan.assessor->employee_id = "";
  EXPECT_FALSE(RequiresCascade(plan));
  plan = MakePlan();
  plan.assessor.reset();
  EXPECT_FALSE(RequiresCascade(plan));
  plan = MakePlan();
  plan.assessor->employee_id = "";
  EXPECT_FALSE(RequiresCascade(plan));
}

// ApplyEdit

TEST(ApplyEdit, ReplacesContentOfDraftAndReturnedPlans) {
  for (PlanState state : {PlanState::kDraft, PlanState::kReturned}) {
    Plan plan = MakePlan();
    plan.state = state;
    PlanContent next = MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1"),
                                    MakeResult("r2", ResultKind::kAdditional)});
    next.results[0].cascade_type = CascadeType::kDirect;  // else defaulted (tested below)
    ASSERT_TRUE(ApplyEdit(plan, next, MakeFacts()).ok());
    EXPECT_EQ(plan.content, next);
  }
}

TEST(ApplyEdit, OnlyDraftOrReturned) {
  for (PlanState state : {PlanState::kSubmitted, PlanState::kApproved, PlanState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = state;
    const PlanContent before = plan.content;
    EXPECT_TRUE(IsRule(ApplyEdit(plan, MakeContent({}), MakeFacts()), "PLAN_NOT_EDITABLE"));
    EXPECT_EQ(plan.content, before);
  }
}

TEST(ApplyEdit, OnlyInOpenPeriod) {
  for (PeriodState state : {PeriodState::kClosed, PeriodState::kLocked}) {
    Plan plan = MakePlan();
    PlanFacts facts = MakeFacts();
    facts.period.state = state;
    EXPECT_TRUE(IsRule(ApplyEdit(plan, MakeContent({}), facts), "PERIOD_NOT_OPEN"));
  }
}

TEST(ApplyEdit, ValidatesContentWithPlanPrefix) {
  Plan plan = MakePlan();
  const PlanContent before = plan.content;
  PlanContent next = MakeContent({MakeResult(), MakeResult()});
  next.results[0].text = "";
  next.results[1].indicators[0].target_max = -1;
  absl::Status status = ApplyEdit(plan, next, MakeFacts());
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"plan.results[0].text",
                                                      "plan.results[1].indicators[0].target_max"}));
  EXPECT_EQ(std::string(status.message()).rfind("plan.results[0].text: ", 0), 0u) << status;
  EXPECT_EQ(plan.content, before);
}

TEST(ApplyEdit, JptPlanNeedsPerspectives) {
  Plan plan = MakePlan();
  plan.position_type = "JPT_PRATAMA";
  plan.assessor = Person("", "", "Wali Kota");
  plan.assessor->non_asn = true;
  EXPECT_TRUE(IsInvalid(ApplyEdit(plan, MakeContent({MakeResult()}), MakeFacts()),
                        "plan.results[0].perspective"));
  EXPECT_TRUE(
      ApplyEdit(plan,
                MakeContent({MakeResult("", ResultKind::kMain, "", Perspective::kBusinessProcess)}),
                MakeFacts())
          .ok());
}

TEST(ApplyEdit, ParentMustBeAssessorsResultInSamePeriod) {
  Plan plan = MakePlan();
  // Unknown result, another employee's result, the assessor's result of another period.
  PlanContent next = MakeContent(
      {MakeResult("r1", ResultKind::kMain, "boss-r1"), MakeResult("", ResultKind::kMain, "nope"),
       MakeResult("", ResultKind::kMain, "other-r1"), MakeResult("", ResultKind::kMain, "old-r1")});
  absl::Status status = ApplyEdit(plan, next, MakeFacts());
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"plan.results[1].parent_result_id",
                                                      "plan.results[2].parent_result_id",
                                                      "plan.results[3].parent_result_id"}));
}

TEST(ApplyEdit, ParentApprovalNotNeededYet) {
  Plan plan = MakePlan();
  PlanContent next = MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r2")});
  EXPECT_TRUE(ApplyEdit(plan, next, MakeFacts()).ok());
  EXPECT_EQ(plan.content.results[0].parent_result_id, "boss-r2");
}

TEST(ApplyEdit, ParentNeedsAnAssessor) {
  Plan plan = MakePlan();
  plan.assessor.reset();
  EXPECT_TRUE(IsInvalid(
      ApplyEdit(plan, MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1")}), MakeFacts()),
      "plan.results[0].parent_result_id"));
  // Without a parent the same content is fine: cascade is checked at submission.
  EXPECT_TRUE(ApplyEdit(plan, MakeContent({MakeResult("r1")}), MakeFacts()).ok());
}

TEST(ApplyEdit, AdditionalResultWithParentIsInvalid) {
  Plan plan = MakePlan();
  EXPECT_TRUE(IsInvalid(ApplyEdit(plan,
                                  MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1"),
                                               MakeResult("", ResultKind::kAdditional, "boss-r1")}),
                                  MakeFacts()),
                        "plan.results[1].parent_result_id"));
}

TEST(ApplyEdit, RemovedResultWithDependantsIsRefused) {
  Plan plan = MakePlan();
  plan.content.results.push_back(MakeResult("r2", ResultKind::kMain, "boss-r1"));
  PlanFacts facts = MakeFacts();
  facts.results_with_dependants = {"r2"};
  const PlanContent before = plan.content;
  absl::Status status =
      ApplyEdit(plan, MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1")}), facts);
  EXPECT_TRUE(IsRule(status, "RESULT_HAS_DEPENDANTS"));
  EXPECT_NE(std::string(status.message()).find("r2"), std::string::npos) << status;
  EXPECT_EQ(plan.content, before);
  // Removing a result nobody depends on, and keeping the one others depend on, is fine.
  EXPECT_TRUE(
      ApplyEdit(plan, MakeContent({MakeResult("r2", ResultKind::kMain, "boss-r1")}), facts).ok());
}

// ApplySubmit

TEST(ApplySubmit, SubmitsAndClearsReturnNote) {
  for (PlanState state : {PlanState::kDraft, PlanState::kReturned}) {
    Plan plan = MakePlan();
    plan.state = state;
    plan.return_note = "perbaiki indikator";
    ASSERT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
    EXPECT_EQ(plan.state, PlanState::kSubmitted);
    EXPECT_EQ(plan.submit_time, kNow);
    EXPECT_EQ(plan.return_note, "");
  }
}

TEST(ApplySubmit, OnlyDraftOrReturned) {
  for (PlanState state : {PlanState::kSubmitted, PlanState::kApproved, PlanState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = state;
    EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "PLAN_NOT_SUBMITTABLE"));
    EXPECT_EQ(plan.state, state);
  }
}

TEST(ApplySubmit, OnlyInOpenPeriod) {
  Plan plan = MakePlan();
  PlanFacts facts = MakeFacts();
  facts.period.state = PeriodState::kClosed;
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "PERIOD_NOT_OPEN"));
  EXPECT_EQ(plan.state, PlanState::kDraft);
  EXPECT_FALSE(plan.submit_time.has_value());
}

TEST(ApplySubmit, NeedsAnAssessor) {
  Plan plan = MakePlan();
  plan.assessor.reset();
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "NO_ASSESSOR"));
}

TEST(ApplySubmit, FirstVersionWithinFillingDeadline) {
  Plan plan = MakePlan();
  PlanFacts facts = MakeFacts();
  facts.today = absl::CivilDay(2024, 1, 31);  // the deadline day itself is on time
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());

  plan = MakePlan();
  facts.today = absl::CivilDay(2024, 2, 1);
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "FILLING_DEADLINE_PASSED"));
  EXPECT_EQ(plan.state, PlanState::kDraft);
}

TEST(ApplySubmit, ExtensionCoversLateFirstVersion) {
  Plan plan = MakePlan();
  PlanFacts facts = MakeFacts();
  facts.today = absl::CivilDay(2024, 2, 10);
  facts.extension_until = absl::CivilDay(2024, 2, 10);
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());

  plan = MakePlan();
  facts.today = absl::CivilDay(2024, 2, 11);
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "FILLING_DEADLINE_PASSED"));
}

TEST(ApplySubmit, MidYearPlanHasItsOwnDeadline) {
  // A transfer on 1 July: 30 days from its start, although the period's deadline has passed.
  PlanFacts facts = MakeFacts();
  facts.period.mid_year_filling_days = 30;
  Plan plan = MakePlan();
  plan.start_date = absl::CivilDay(2024, 7, 1);
  facts.today = absl::CivilDay(2024, 7, 31);
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());

  plan = MakePlan();
  plan.start_date = absl::CivilDay(2024, 7, 1);
  facts.today = absl::CivilDay(2024, 8, 1);
  absl::Status late = ApplySubmit(plan, facts, kNow);
  EXPECT_TRUE(IsRule(late, "FILLING_DEADLINE_PASSED"));
  EXPECT_NE(std::string(late.message()).find("2024-07-31"), std::string::npos) << late;
}

TEST(ApplySubmit, CascadesFromTheDelegatesSuperiorOrThePltsOwnPlan) {
  // Assessed by a delegated coordinator: the unit leader's (the delegate's superior's) approved
  // result is a valid parent; so is the delegate's own.
  Plan plan = MakePlan();
  plan.assessor = Person("emp-coordinator", "198001012005011001", "Koordinator");
  plan.assessor->capacity = "DELEGATED";
  plan.assessor_superior = Person(kBossId, "197501012000031002", "Budi");
  EXPECT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
  // Without the delegation, the superior's result is not the assessor's.
  plan = MakePlan();
  plan.assessor = Person("emp-coordinator", "198001012005011001", "Koordinator");
  plan.assessor_superior = Person(kBossId, "197501012000031002", "Budi");
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "CASCADE_PARENT_INVALID"));
  // A Plh stands in for the head: the head's open plan for the position still counts.
  plan = MakePlan();
  plan.assessor = Person("emp-plh", "198001012005011009", "Plh");
  plan.assessor->position_id = "pos-kabid";
  plan.assessor->acting = "PLH";
  PlanFacts with_position = MakeFacts();
  with_position.parents["boss-r1"].owner_position_id = "pos-kabid";
  EXPECT_TRUE(ApplySubmit(plan, with_position, kNow).ok());
  // ... but not once that plan is closed (the head left: the Plt's own plan is the one).
  plan = MakePlan();
  plan.assessor = Person("emp-plh", "198001012005011009", "Plh");
  plan.assessor->position_id = "pos-kabid";
  with_position.parents["boss-r1"].plan_state = PlanState::kClosed;
  EXPECT_TRUE(IsRule(ApplySubmit(plan, with_position, kNow), "CASCADE_PARENT_INVALID"));
  // A Plt of the day is the assessor: their plan holds the results of the acting role.
  plan = MakePlan();
  plan.assessor->acting = "PLT";
  plan.assessor->capacity = "PLT";
  EXPECT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
}

TEST(ApplySubmit, RevisionsIgnoreFillingDeadline) {
  Plan plan = MakePlan();
  plan.revision = 2;
  PlanFacts facts = MakeFacts();
  facts.today = absl::CivilDay(2024, 7, 1);
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());
}

TEST(ApplySubmit, NeedsAMainResult) {
  Plan plan = MakePlan();
  plan.content = MakeContent({MakeResult("r1", ResultKind::kAdditional)});
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "NO_MAIN_RESULT"));
  plan.content = MakeContent({});
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "NO_MAIN_RESULT"));
}

TEST(ApplySubmit, ContentMustBeValid) {
  Plan plan = MakePlan();
  plan.content.results[0].indicators[0].target_unit = "";
  EXPECT_TRUE(
      IsInvalid(ApplySubmit(plan, MakeFacts(), kNow), "plan.results[0].indicators[0].target_unit"));
  EXPECT_EQ(plan.state, PlanState::kDraft);
}

TEST(ApplySubmit, CascadeRequiredNamesResult) {
  Plan plan = MakePlan();
  WorkResult unnamed = MakeResult("r2");
  unnamed.text = "Terlaksananya pelayanan perizinan";
  plan.content.results.push_back(unnamed);
  plan.content.results.push_back(MakeResult("r3", ResultKind::kAdditional));  // needs no parent
  absl::Status status = ApplySubmit(plan, MakeFacts(), kNow);
  EXPECT_TRUE(IsRule(status, "CASCADE_REQUIRED"));
  const std::string message(status.message());
  EXPECT_NE(message.find("results[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("Terlaksananya pelayanan perizinan"), std::string::npos) << message;
  EXPECT_EQ(message.find("results[2]"), std::string::npos) << message;
  EXPECT_EQ(plan.state, PlanState::kDraft);
}

TEST(ApplySubmit, CascadeParentInvalid) {
  for (const char* parent : {"nope", "other-r1", "old-r1"}) {
    Plan plan = MakePlan();
    plan.content.results[0].parent_result_id = parent;
    EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "CASCADE_PARENT_INVALID")) << parent;
  }
  // The assessor changed since the plan was drafted: the old assessor's result no longer counts.
  Plan plan = MakePlan();
  plan.assessor->employee_id = "emp-new-boss";
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "CASCADE_PARENT_INVALID"));
}

TEST(ApplySubmit, CascadeParentNotApproved) {
  Plan plan = MakePlan();
  plan.content.results[0].parent_result_id = "boss-r2";
  EXPECT_TRUE(IsRule(ApplySubmit(plan, MakeFacts(), kNow), "CASCADE_PARENT_NOT_APPROVED"));
}

TEST(ApplySubmit, JptPlanNeedsNoCascade) {
  Plan plan = MakePlan();
  plan.position_type = "JPT_MADYA";
  plan.content =
      MakeContent({MakeResult("r1", ResultKind::kMain, "", Perspective::kServiceRecipients)});
  EXPECT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
}

TEST(ApplySubmit, NonAsnAssessorNeedsNoCascade) {
  Plan plan = MakePlan();
  plan.assessor = Person("", "", "Bupati");
  plan.assessor->non_asn = true;
  plan.content = MakeContent({MakeResult("r1")});
  EXPECT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
}

TEST(ApplySubmit, ParentLeftAloneWhenCascadeNotRequired) {
  Plan plan = MakePlan();
  plan.assessor = Person("", "", "Bupati");
  plan.assessor->non_asn = true;
  plan.content.results[0].parent_result_id = "nope";
  EXPECT_TRUE(ApplySubmit(plan, MakeFacts(), kNow).ok());
  EXPECT_EQ(plan.content.results[0].parent_result_id, "nope");
}

TEST(ApplySubmit, PublicServiceUnitNeedsQualityIndicator) {
  Plan plan = MakePlan();
  PlanFacts facts = MakeFacts();
  facts.public_service_unit = true;
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "QUALITY_INDICATOR_REQUIRED"));
  plan.content.results[0].indicators.push_back(MakeIndicator("", Aspect::kQuality));
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());
  // Units that are not public-service units need none.
  Plan other = MakePlan();
  EXPECT_TRUE(ApplySubmit(other, MakeFacts(), kNow).ok());
}

// ApplyApprove / ApplyReturn

TEST(ApplyApprove, ApprovesSubmittedPlanInOpenOrClosedPeriod) {
  for (PeriodState period : {PeriodState::kOpen, PeriodState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = PlanState::kSubmitted;
    PlanFacts facts = MakeFacts();
    facts.period.state = period;
    ASSERT_TRUE(ApplyApprove(plan, facts, kNow).ok());
    EXPECT_EQ(plan.state, PlanState::kApproved);
    EXPECT_EQ(plan.approve_time, kNow);
    EXPECT_EQ(plan.approved_revision, 1);
  }
}

TEST(ApplyApprove, ARevisionBecomesTheApprovedRevision) {
  Plan plan = MakePlan();
  plan.state = PlanState::kSubmitted;
  plan.revision = 3;
  plan.approved_revision = 2;
  ASSERT_TRUE(ApplyApprove(plan, MakeFacts(), kNow).ok());
  EXPECT_EQ(plan.approved_revision, 3);
}

TEST(ApplyApprove, Refusals) {
  for (PlanState state :
       {PlanState::kDraft, PlanState::kReturned, PlanState::kApproved, PlanState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = state;
    EXPECT_TRUE(IsRule(ApplyApprove(plan, MakeFacts(), kNow), "PLAN_NOT_SUBMITTED"));
  }
  Plan plan = MakePlan();
  plan.state = PlanState::kSubmitted;
  PlanFacts facts = MakeFacts();
  facts.period.state = PeriodState::kLocked;
  EXPECT_TRUE(IsRule(ApplyApprove(plan, facts, kNow), "PERIOD_LOCKED"));
  EXPECT_EQ(plan.state, PlanState::kSubmitted);
  EXPECT_FALSE(plan.approve_time.has_value());
}

TEST(ApplyReturn, ReturnsWithNote) {
  for (PeriodState period : {PeriodState::kOpen, PeriodState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = PlanState::kSubmitted;
    PlanFacts facts = MakeFacts();
    facts.period.state = period;
    ASSERT_TRUE(ApplyReturn(plan, facts, "tambahkan indikator kualitas").ok());
    EXPECT_EQ(plan.state, PlanState::kReturned);
    EXPECT_EQ(plan.return_note, "tambahkan indikator kualitas");
  }
}

TEST(ApplyReturn, Refusals) {
  Plan plan = MakePlan();
  EXPECT_TRUE(IsRule(ApplyReturn(plan, MakeFacts(), "x"), "PLAN_NOT_SUBMITTED"));
  plan.state = PlanState::kSubmitted;
  PlanFacts facts = MakeFacts();
  facts.period.state = PeriodState::kLocked;
  EXPECT_TRUE(IsRule(ApplyReturn(plan, facts, "x"), "PERIOD_LOCKED"));
  EXPECT_TRUE(IsInvalid(ApplyReturn(plan, MakeFacts(), ""), "note"));
  EXPECT_TRUE(IsInvalid(ApplyReturn(plan, MakeFacts(), std::string(2001, 'n')), "note"));
  EXPECT_EQ(plan.state, PlanState::kSubmitted);
  EXPECT_TRUE(ApplyReturn(plan, MakeFacts(), std::string(2000, 'n')).ok());
}

// ApplyRevise

TEST(ApplyRevise, StartsNewVersion) {
  Plan plan = MakePlan();
  plan.state = PlanState::kApproved;
  plan.submit_time = kNow;
  plan.approve_time = kNow;
  plan.return_note = "old";
  ASSERT_TRUE(ApplyRevise(plan, MakeFacts(), "indikator tidak relevan").ok());
  EXPECT_EQ(plan.state, PlanState::kDraft);
  EXPECT_EQ(plan.revision, 2);
  EXPECT_EQ(plan.revision_reason, "indikator tidak relevan");
  EXPECT_EQ(plan.return_note, "");
  EXPECT_FALSE(plan.submit_time.has_value());
  EXPECT_FALSE(plan.approve_time.has_value());
}

TEST(ApplyRevise, Refusals) {
  for (PlanState state :
       {PlanState::kDraft, PlanState::kSubmitted, PlanState::kReturned, PlanState::kClosed}) {
    Plan plan = MakePlan();
    plan.state = state;
    EXPECT_TRUE(IsRule(ApplyRevise(plan, MakeFacts(), "r"), "PLAN_NOT_APPROVED"));
  }
  Plan plan = MakePlan();
  plan.state = PlanState::kApproved;
  PlanFacts facts = MakeFacts();
  facts.period.state = PeriodState::kClosed;
  EXPECT_TRUE(IsRule(ApplyRevise(plan, facts, "r"), "PERIOD_NOT_OPEN"));
  EXPECT_TRUE(IsInvalid(ApplyRevise(plan, MakeFacts(), " "), "reason"));
  EXPECT_TRUE(IsInvalid(ApplyRevise(plan, MakeFacts(), std::string(2001, 'r')), "reason"));
  EXPECT_EQ(plan.state, PlanState::kApproved);
  EXPECT_EQ(plan.revision, 1);
}

// ApplyClose

TEST(ApplyClose, ClosesAnyOpenState) {
  for (PlanState state :
       {PlanState::kDraft, PlanState::kSubmitted, PlanState::kApproved, PlanState::kReturned}) {
    Plan plan = MakePlan();
    plan.state = state;
    ASSERT_TRUE(ApplyClose(plan, "mutasi", absl::CivilDay(2024, 6, 30)).ok());
    EXPECT_EQ(plan.state, PlanState::kClosed);
    EXPECT_EQ(plan.close_reason, "mutasi");
    EXPECT_EQ(plan.end_date, absl::CivilDay(2024, 6, 30));
  }
  Plan plan = MakePlan();
  plan.state = PlanState::kClosed;
  plan.close_reason = "first";
  EXPECT_TRUE(IsRule(ApplyClose(plan, "again", absl::CivilDay(2024, 7, 1)), "PLAN_CLOSED"));
  EXPECT_EQ(plan.close_reason, "first");
}

// Parent indicators, cascade types, style changes and surveys.

TEST(ApplyEdit, ParentIndicatorMustBeOneOfTheParentResults) {
  PlanFacts facts = MakeFacts();
  facts.parents["boss-r1"].indicator_ids = {"boss-r1-i0", "boss-r1-i1"};
  Plan plan = MakePlan();
  PlanContent next = plan.content;
  next.results[0].parent_indicator_id = "boss-r1-i1";
  ASSERT_TRUE(ApplyEdit(plan, next, facts).ok());
  EXPECT_EQ(plan.content.results[0].parent_indicator_id, "boss-r1-i1");
  next.results[0].parent_indicator_id = "other-i0";
  absl::Status status = ApplyEdit(plan, next, facts);
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"plan.results[0].parent_indicator_id"}));
  EXPECT_EQ(plan.content.results[0].parent_indicator_id, "boss-r1-i1");
}

TEST(ApplyEdit, MainResultNamingAParentDefaultsToDirect) {
  Plan plan = MakePlan();
  PlanContent next =
      MakeContent({MakeResult("r1", ResultKind::kMain, "boss-r1"),
                   MakeResult("r2", ResultKind::kMain, "boss-r1"), MakeResult("r3")});
  next.results[1].cascade_type = CascadeType::kIndirect;
  ASSERT_TRUE(ApplyEdit(plan, next, MakeFacts()).ok());
  EXPECT_EQ(plan.content.results[0].cascade_type, CascadeType::kDirect);
  EXPECT_EQ(plan.content.results[1].cascade_type, CascadeType::kIndirect);
  EXPECT_EQ(plan.content.results[2].cascade_type, CascadeType::kNone);
}

TEST(ApplyEdit, ChangingTheStyleRevalidatesTheContent) {
  Plan plan = MakePlan();
  PlanContent next = plan.content;
  next.style = PlanStyle::kQualitative;
  absl::Status status = ApplyEdit(plan, next, MakeFacts());
  EXPECT_TRUE(IsInvalid(status, "plan.results[0].indicators[0].target_min"));
  EXPECT_TRUE(IsInvalid(status, "plan.results[0].indicators[0].target_text"));
  EXPECT_EQ(plan.content.style, PlanStyle::kQuantitative);
  // With text targets the qualitative style is accepted.
  Indicator& i = next.results[0].indicators[0];
  i.target_min = i.target_max = 0;
  i.target_unit = "";
  i.target_text = "Data siswa lengkap dan mutakhir";
  ASSERT_TRUE(ApplyEdit(plan, next, MakeFacts()).ok());
  EXPECT_EQ(plan.content.style, PlanStyle::kQualitative);
}

TEST(ApplySubmit, CascadeParentIndicatorNoLongerThere) {
  Plan plan = MakePlan();
  plan.content.results[0].parent_indicator_id = "boss-r1-i0";
  PlanFacts facts = MakeFacts();
  facts.parents["boss-r1"].indicator_ids = {"boss-r1-i9"};
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "CASCADE_PARENT_INVALID"));
  facts.parents["boss-r1"].indicator_ids = {"boss-r1-i0"};
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());
}

TEST(ApplySubmit, SurveyOfThePolicyNeedsAQualityIndicatorNamingIt) {
  PlanFacts facts = MakeFacts();
  facts.public_service_unit = true;
  facts.survey_id = "IKM-DUKCAPIL";
  Plan plan = MakePlan();
  // No quality indicator at all: the first rule names it.
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "QUALITY_INDICATOR_REQUIRED"));
  plan.content.results[0].indicators.push_back(MakeIndicator("", Aspect::kQuality));
  absl::Status status = ApplySubmit(plan, facts, kNow);
  EXPECT_TRUE(IsRule(status, "SURVEY_INDICATOR_REQUIRED"));
  EXPECT_NE(std::string(status.message()).find("IKM-DUKCAPIL"), std::string::npos) << status;
  plan.content.results[0].indicators[1].survey_id = "IKM-LAIN";
  EXPECT_TRUE(IsRule(ApplySubmit(plan, facts, kNow), "SURVEY_INDICATOR_REQUIRED"));
  plan.content.results[0].indicators[1].survey_id = "IKM-DUKCAPIL";
  EXPECT_TRUE(ApplySubmit(plan, facts, kNow).ok());
  // A survey named by a policy that is not public service asks for nothing.
  Plan other = MakePlan();
  facts.public_service_unit = false;
  EXPECT_TRUE(ApplySubmit(other, facts, kNow).ok());
}

}  // namespace
}  // namespace kinerja::goals

namespace kinerja::goals {
namespace {

TEST(ApplyBehaviourExpectations, SetsListedValuesAndKeepsTheOthers) {
  Plan plan;
  plan.id = "plan-1";
  plan.state = PlanState::kSubmitted;
  plan.content = NewContent(PlanStyle::kQuantitative);
  plan.content.behaviours[1].expectation = "Laporan tepat waktu";  // ACCOUNTABLE
  PlanFacts facts;
  facts.period.state = PeriodState::kOpen;
  ASSERT_TRUE(ApplyBehaviourExpectations(
                  plan, {{CoreValue::kServiceOriented, "Ramah kepada pemohon"}}, facts)
                  .ok());
  ASSERT_EQ(plan.content.behaviours.size(), 7u);
  EXPECT_EQ(plan.content.behaviours[0].expectation, "Ramah kepada pemohon");
  EXPECT_EQ(plan.content.behaviours[1].expectation, "Laporan tepat waktu");
  // An empty expectation clears one.
  ASSERT_TRUE(ApplyBehaviourExpectations(plan, {{CoreValue::kAccountable, ""}}, facts).ok());
  EXPECT_EQ(plan.content.behaviours[1].expectation, "");
  EXPECT_EQ(plan.content.behaviours[0].expectation, "Ramah kepada pemohon");
}

TEST(ApplyBehaviourExpectations, Refusals) {
  PlanFacts facts;
  facts.period.state = PeriodState::kOpen;
  Plan plan;
  plan.content = NewContent(PlanStyle::kQuantitative);
  for (PlanState state : {PlanState::kApproved, PlanState::kClosed}) {
    plan.state = state;
    EXPECT_TRUE(test_util::IsRule(
        ApplyBehaviourExpectations(plan, {{CoreValue::kLoyal, "x"}}, facts), "PLAN_NOT_EDITABLE"));
  }
  plan.state = PlanState::kDraft;
  facts.period.state = PeriodState::kClosed;
  EXPECT_TRUE(test_util::IsRule(ApplyBehaviourExpectations(plan, {{CoreValue::kLoyal, "x"}}, facts),
                                "PERIOD_NOT_OPEN"));
  facts.period.state = PeriodState::kOpen;
  absl::Status repeated =
      ApplyBehaviourExpectations(plan, {{CoreValue::kLoyal, "a"}, {CoreValue::kLoyal, "b"}}, facts);
  EXPECT_TRUE(test_util::HasField(repeated, "behaviours[1].value")) << repeated;
  absl::Status long_text =
      ApplyBehaviourExpectations(plan, {{CoreValue::kLoyal, std::string(2001, 'x')}}, facts);
  EXPECT_TRUE(test_util::HasField(long_text, "behaviours[0].expectation")) << long_text;
  EXPECT_EQ(plan.content.behaviours[4].expectation, "");  // nothing written on refusal
}

}  // namespace
}  // namespace kinerja::goals
