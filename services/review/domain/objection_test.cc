#include "services/review/domain/objection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using absl::CivilDay;
using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::kEmployeeNip;
using test_util::kSuperiorNip;
using test_util::MakeAssessment;
using test_util::MakeNonAsnHead;
using test_util::MakeOfficial;

// 1 March 2024 is a Friday; 11 March 2024 (Nyepi) is a national holiday.
constexpr CivilDay kFri = CivilDay(2024, 3, 1);
const Holidays kNyepi = {CivilDay(2024, 3, 11)};

ObjectionPolicy Policy(int days, DayCounting counting) { return ObjectionPolicy{days, counting}; }

TEST(IsWorkingDay, WeekendsAndHolidays) {
  EXPECT_TRUE(IsWorkingDay(kFri, {}));
  EXPECT_FALSE(IsWorkingDay(CivilDay(2024, 3, 2), {}));  // Saturday
  EXPECT_FALSE(IsWorkingDay(CivilDay(2024, 3, 3), {}));  // Sunday
  EXPECT_TRUE(IsWorkingDay(CivilDay(2024, 3, 11), {}));
  EXPECT_FALSE(IsWorkingDay(CivilDay(2024, 3, 11), kNyepi));
}

TEST(ObjectionDeadline, CalendarAndWorkingDays) {
  struct Case {
    std::string name;
    CivilDay delivered;
    ObjectionPolicy policy;
    Holidays holidays;
    CivilDay deadline;
  };
  const auto cal = DayCounting::kCalendarDays;
  const auto work = DayCounting::kWorkingDays;
  const std::vector<Case> cases = {
      {"default: 14 calendar days", kFri, {}, {}, CivilDay(2024, 3, 15)},
      {"calendar ignores holidays", kFri, Policy(14, cal), kNyepi, CivilDay(2024, 3, 15)},
      {"calendar across a month end",
       CivilDay(2024, 2, 20),
       Policy(14, cal),
       {},
       CivilDay(2024, 3, 5)},
      {"14 working days", kFri, Policy(14, work), {}, CivilDay(2024, 3, 21)},
      {"14 working days with Nyepi", kFri, Policy(14, work), kNyepi, CivilDay(2024, 3, 22)},
      {"1 working day from Friday is Monday", kFri, Policy(1, work), {}, CivilDay(2024, 3, 4)},
      {"delivered on Saturday: day 0",
       CivilDay(2024, 3, 2),
       Policy(1, work),
       {},
       CivilDay(2024, 3, 4)},
      {"holiday on the Monday",
       kFri,
       Policy(1, work),
       {CivilDay(2024, 3, 4)},
       CivilDay(2024, 3, 5)},
      {"5 working days from Monday",
       CivilDay(2024, 3, 4),
       Policy(5, work),
       {},
       CivilDay(2024, 3, 11)},
  };
  for (const Case& c : cases) {
    auto deadline = ObjectionDeadline(c.delivered, c.policy, c.holidays);
    ASSERT_TRUE(deadline.ok()) << c.name << ": " << deadline.status();
    EXPECT_EQ(*deadline, c.deadline) << c.name << ": got " << absl::FormatCivilTime(*deadline);
  }
}

TEST(ObjectionDeadline, InvalidPolicy) {
  EXPECT_TRUE(IsInvalid(ObjectionDeadline(kFri, Policy(0, DayCounting::kCalendarDays)).status(),
                        "objection_policy.days"));
  EXPECT_TRUE(IsInvalid(ValidateObjectionPolicy(Policy(366, DayCounting::kWorkingDays)),
                        "objection_policy.days"));
  EXPECT_EQ(ObjectionPolicy{}.days, 14);
  EXPECT_EQ(ObjectionPolicy{}.counting, DayCounting::kCalendarDays);
}

ObjectionFilingFacts Filing(CivilDay today) {
  ObjectionFilingFacts f;
  f.today = today;
  f.assessment_final = true;
  f.delivered = kFri;
  f.filer_is_employee = true;
  return f;
}

TEST(CheckObjectionFiling, OnAFakeClock) {
  struct Case {
    std::string name;
    CivilDay today;
    ObjectionPolicy policy;
    Holidays holidays;
    std::string reason;  // "" = accepted
  };
  const auto work = DayCounting::kWorkingDays;
  const std::vector<Case> cases = {
      {"day of delivery", kFri, {}, {}, ""},
      {"last calendar day", CivilDay(2024, 3, 15), {}, {}, ""},
      {"day after, calendar", CivilDay(2024, 3, 16), {}, {}, "OBJECTION_WINDOW_CLOSED"},
      {"last working day", CivilDay(2024, 3, 21), Policy(14, work), {}, ""},
      {"day after, working",
       CivilDay(2024, 3, 22),
       Policy(14, work),
       {},
       "OBJECTION_WINDOW_CLOSED"},
      {"holiday extends it", CivilDay(2024, 3, 22), Policy(14, work), kNyepi, ""},
      {"day after with holiday", CivilDay(2024, 3, 23), Policy(14, work), kNyepi,
       "OBJECTION_WINDOW_CLOSED"},
      {"weekend after the deadline counts as after", CivilDay(2024, 3, 24), Policy(14, work),
       kNyepi, "OBJECTION_WINDOW_CLOSED"},
  };
  for (const Case& c : cases) {
    const absl::Status st = CheckObjectionFiling(Filing(c.today), c.policy, c.holidays);
    if (c.reason.empty()) {
      EXPECT_TRUE(st.ok()) << c.name << ": " << st;
    } else {
      EXPECT_TRUE(IsRule(st, c.reason)) << c.name;
    }
  }
}

TEST(CheckObjectionFiling, Refusals) {
  ObjectionFilingFacts f = Filing(kFri);
  f.filer_is_employee = false;
  EXPECT_TRUE(IsRule(CheckObjectionFiling(f), "NOT_OWN_ASSESSMENT"));
  f = Filing(kFri);
  f.assessment_final = false;
  EXPECT_TRUE(IsRule(CheckObjectionFiling(f), "ASSESSMENT_NOT_FINAL"));
  f = Filing(kFri);
  f.delivered.reset();
  EXPECT_TRUE(IsRule(CheckObjectionFiling(f), "ASSESSMENT_NOT_DELIVERED"));
  f = Filing(kFri);
  f.already_has_objection = true;
  EXPECT_TRUE(IsRule(CheckObjectionFiling(f), "OBJECTION_EXISTS"));
  EXPECT_TRUE(IsInvalid(CheckObjectionFiling(Filing(kFri), Policy(0, DayCounting::kCalendarDays)),
                        "objection_policy.days"));
}

// A finalised, delivered assessment rated (as expected, below) = Kurang by the assessor.
Assessment Finalised() {
  Assessment a = MakeAssessment();
  a.results_rating = Rating::kAsExpected;
  a.behaviour_rating = Rating::kBelow;
  a.predicate = Predicate::kKurang;
  a.assessor = MakeOfficial(kAssessorNip, "Budi");
  a.state = AssessmentState::kFinalised;
  a.delivered_date = kFri;
  return a;
}

Actor Caller(const std::string& nip, bool hr = false) { return Actor{"sub-" + nip, nip, hr}; }

ActingOfficial Superior() {
  ActingOfficial s;
  s.official = MakeOfficial(kSuperiorNip, "Citra");
  s.capacity = Capacity::kDefinitive;
  s.recorded_by = "sub-citra";
  return s;
}

// An objection with both sides heard.
Objection Heard(const Assessment& a) {
  Objection o = *NewObjection(a, CivilDay(2024, 3, 4), "Saya tidak pernah diberi teguran");
  o.id = "obj-1";
  EXPECT_TRUE(
      ApplyExplanation(o, a, Caller(kAssessorNip), ObjectionSide::kAssessor, "Terlambat 12 kali")
          .ok());
  return o;
}

TEST(NewObjection, RecordsTheFiling) {
  const Assessment a = Finalised();
  auto o = NewObjection(a, CivilDay(2024, 3, 4), "alasan");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->assessment_id, "asm-1");
  EXPECT_EQ(o->employee_nip, kEmployeeNip);
  EXPECT_EQ(o->filed_on, CivilDay(2024, 3, 4));
  EXPECT_EQ(o->state, ObjectionState::kOpen);
  EXPECT_TRUE(IsInvalid(NewObjection(a, kFri, std::string(kMaxExplanationBytes + 1, 'x')).status(),
                        "explanation"));
}

TEST(ApplyExplanation, EachSideByItsParty) {
  const Assessment a = Finalised();
  Objection o = *NewObjection(a, kFri, "");
  EXPECT_TRUE(IsRule(ApplyExplanation(o, a, Caller(kAssessorNip), ObjectionSide::kEmployee, "x"),
                     "NOT_OBJECTION_PARTY"));
  EXPECT_TRUE(IsRule(ApplyExplanation(o, a, Caller(kEmployeeNip), ObjectionSide::kAssessor, "x"),
                     "NOT_OBJECTION_PARTY"));
  EXPECT_TRUE(IsRule(ApplyExplanation(o, a, Caller(kSuperiorNip), ObjectionSide::kAssessor, "x"),
                     "NOT_OBJECTION_PARTY"));
  EXPECT_TRUE(IsInvalid(ApplyExplanation(o, a, Caller(kEmployeeNip), ObjectionSide::kEmployee, " "),
                        "explanation"));
  ASSERT_TRUE(
      ApplyExplanation(o, a, Caller(kEmployeeNip), ObjectionSide::kEmployee, "pegawai").ok());
  ASSERT_TRUE(
      ApplyExplanation(o, a, Caller(kAssessorNip), ObjectionSide::kAssessor, "penilai").ok());
  EXPECT_EQ(o.employee_explanation, "pegawai");
  EXPECT_EQ(o.assessor_explanation, "penilai");
  // A NON-ASN assessor's side is recorded by an HR admin.
  Assessment by_mayor = Finalised();
  by_mayor.assessor = MakeNonAsnHead();
  Objection o2 = *NewObjection(by_mayor, kFri, "");
  EXPECT_TRUE(ApplyExplanation(o2, by_mayor, Caller("199001012015011001", true),
                               ObjectionSide::kAssessor, "Wali Kota menjelaskan")
                  .ok());
}

TEST(ApplyObjectionDecision, ChangesRatingsAndReDerivesThePredicate) {
  Assessment a = Finalised();
  Objection o = Heard(a);
  ObjectionDecisionInput input{std::nullopt, Rating::kAsExpected, "Teguran tidak terdokumentasi"};
  ASSERT_TRUE(ApplyObjectionDecision(o, a, input, Superior(), absl::FromUnixSeconds(9)).ok());
  EXPECT_EQ(a.results_rating, Rating::kAsExpected);
  EXPECT_EQ(a.behaviour_rating, Rating::kAsExpected);
  EXPECT_EQ(a.predicate, Predicate::kBaik);
  EXPECT_EQ(a.state, AssessmentState::kFinalised);
  EXPECT_EQ(o.state, ObjectionState::kDecided);
  ASSERT_TRUE(o.decision.has_value());
  EXPECT_TRUE(o.decision->changed);
  EXPECT_EQ(o.decision->predicate_before, Predicate::kKurang);
  EXPECT_EQ(o.decision->predicate_after, Predicate::kBaik);
  EXPECT_EQ(o.decision->behaviour_before, Rating::kBelow);
  EXPECT_EQ(o.decision->decided_by.nip, kSuperiorNip);
  EXPECT_EQ(o.decision->recorded_by, "sub-citra");
  EXPECT_EQ(o.decision->decide_time, absl::FromUnixSeconds(9));
  // Final.
  EXPECT_TRUE(
      IsRule(ApplyObjectionDecision(o, a, input, Superior(), absl::Now()), "OBJECTION_DECIDED"));
  EXPECT_TRUE(IsRule(ApplyExplanation(o, a, Caller(kEmployeeNip), ObjectionSide::kEmployee, "lagi"),
                     "OBJECTION_DECIDED"));
}

TEST(ApplyObjectionDecision, KeepsThePerValueRatings) {
  Assessment a = Finalised();
  a.behaviour_values = {{CoreValue::kAccountable, Rating::kBelow, "laporan terlambat"},
                        {CoreValue::kLoyal, Rating::kAbove, ""}};
  const std::vector<BehaviourValueRating> values = a.behaviour_values;
  Objection o = Heard(a);
  ObjectionDecisionInput input{std::nullopt, Rating::kAbove, "Perilaku baik terbukti"};
  ASSERT_TRUE(ApplyObjectionDecision(o, a, input, Superior(), absl::Now()).ok());
  EXPECT_TRUE(o.decision->changed);
  EXPECT_EQ(a.behaviour_rating, Rating::kAbove);
  EXPECT_EQ(a.behaviour_values, values);
}

TEST(ApplyObjectionDecision, BothRatingsCanChange) {
  Assessment a = Finalised();
  Objection o = Heard(a);
  ObjectionDecisionInput input{Rating::kBelow, Rating::kBelow, "Terbukti"};
  ASSERT_TRUE(ApplyObjectionDecision(o, a, input, Superior(), absl::Now()).ok());
  EXPECT_EQ(a.predicate, Predicate::kSangatKurang);
}

TEST(ApplyObjectionDecision, KeepIsADecisionToo) {
  Assessment a = Finalised();
  Objection o = Heard(a);
  ASSERT_TRUE(
      ApplyObjectionDecision(o, a, {std::nullopt, std::nullopt, "Tetap"}, Superior(), absl::Now())
          .ok());
  EXPECT_FALSE(o.decision->changed);
  EXPECT_EQ(a.predicate, Predicate::kKurang);
  EXPECT_EQ(o.state, ObjectionState::kDecided);
  // Naming the same ratings is also "kept".
  Assessment b = Finalised();
  Objection o2 = Heard(b);
  ASSERT_TRUE(ApplyObjectionDecision(o2, b, {Rating::kAsExpected, Rating::kBelow, "Tetap"},
                                     Superior(), absl::Now())
                  .ok());
  EXPECT_FALSE(o2.decision->changed);
}

TEST(ApplyObjectionDecision, Refusals) {
  const ObjectionDecisionInput input{Rating::kAbove, std::nullopt, "alasan"};
  {
    Assessment a = Finalised();
    Objection o = *NewObjection(a, kFri, "pegawai");  // assessor not heard
    EXPECT_TRUE(IsRule(ApplyObjectionDecision(o, a, input, Superior(), absl::Now()),
                       "EXPLANATIONS_MISSING"));
    Objection o2 = Heard(a);
    o2.employee_explanation.clear();
    EXPECT_TRUE(IsRule(ApplyObjectionDecision(o2, a, input, Superior(), absl::Now()),
                       "EXPLANATIONS_MISSING"));
    EXPECT_EQ(a.results_rating, Rating::kAsExpected);
  }
  {
    Assessment a = Finalised();
    Objection o = Heard(a);
    EXPECT_TRUE(IsInvalid(
        ApplyObjectionDecision(o, a, {Rating::kAbove, std::nullopt, ""}, Superior(), absl::Now()),
        "reason"));
    EXPECT_TRUE(IsInvalid(
        ApplyObjectionDecision(
            o, a, {Rating::kAbove, std::nullopt, std::string(kMaxDecisionReasonBytes + 1, 'x')},
            Superior(), absl::Now()),
        "reason"));
    Assessment other = Finalised();
    other.id = "asm-2";
    EXPECT_TRUE(IsInvalid(ApplyObjectionDecision(o, other, input, Superior(), absl::Now()),
                          "assessment_id"));
    Assessment draft = Finalised();
    draft.state = AssessmentState::kDraft;
    EXPECT_TRUE(IsRule(ApplyObjectionDecision(o, draft, input, Superior(), absl::Now()),
                       "ASSESSMENT_NOT_FINAL"));
    EXPECT_EQ(o.state, ObjectionState::kOpen);
  }
  {
    Assessment head = Finalised();
    head.unit_head = true;
    Objection o = Heard(head);
    EXPECT_TRUE(IsRule(ApplyObjectionDecision(o, head, input, Superior(), absl::Now()),
                       "UNIT_HEAD_RESULTS_FIXED"));
    EXPECT_TRUE(ApplyObjectionDecision(o, head, {std::nullopt, Rating::kAbove, "perilaku baik"},
                                       Superior(), absl::Now())
                    .ok());
    EXPECT_EQ(head.predicate, Predicate::kBaik);
  }
}

TEST(DayCountingNames, Stable) {
  EXPECT_EQ(DayCountingName(DayCounting::kCalendarDays), "CALENDAR_DAYS");
  EXPECT_EQ(DayCountingName(DayCounting::kWorkingDays), "WORKING_DAYS");
  EXPECT_EQ(*ParseDayCounting("WORKING_DAYS", "f"), DayCounting::kWorkingDays);
  EXPECT_TRUE(IsInvalid(ParseDayCounting("HARI_KERJA", "counting").status(), "counting"));
}

}  // namespace
}  // namespace kinerja::review
