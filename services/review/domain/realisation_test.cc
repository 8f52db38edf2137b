#include "services/review/domain/realisation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "services/review/domain/test_util.h"

namespace kinerja::review {
namespace {

using absl::CivilDay;
using test_util::IsInvalid;
using test_util::IsRule;
using test_util::kAssessorNip;
using test_util::kEmployeeNip;
using test_util::MakeNonAsnHead;
using test_util::MakeOfficial;

Window March() {
  Window w;
  w.year = 2024;
  w.index = 3;
  w.first = CivilDay(2024, 3, 1);
  w.last = CivilDay(2024, 3, 31);
  w.month_start = w.month_end = 3;
  return w;
}

EntryFacts Facts(CivilDay today = CivilDay(2024, 3, 20)) {
  EntryFacts f;
  f.today = today;
  f.indicator_ids = {"iki-1", "iki-2"};
  return f;
}

Realisation Valid() {
  Realisation r;
  r.plan_id = "plan-1";
  r.indicator_id = "iki-1";
  r.window = March();
  r.value = 12;
  r.evidence = {{"Laporan Maret", "https://drive.example.go.id/laporan-maret.pdf"}};
  return r;
}

Actor Caller(const std::string& nip, bool hr = false) { return Actor{"sub-" + nip, nip, hr}; }

TEST(CheckRealisation, ByTheEmployeeForAnIndicatorInForceWhileTheWindowIsOpen) {
  EXPECT_TRUE(CheckRealisation(Valid(), Caller(kEmployeeNip), kEmployeeNip, Facts()).ok());
  Realisation text_only = Valid();
  text_only.value.reset();
  text_only.text = "Seluruh dokumen selesai tepat waktu";
  text_only.evidence.clear();
  EXPECT_TRUE(CheckRealisation(text_only, Caller(kEmployeeNip), kEmployeeNip, Facts()).ok());
}

TEST(CheckRealisation, Refusals) {
  EXPECT_TRUE(IsRule(CheckRealisation(Valid(), Caller(kAssessorNip), kEmployeeNip, Facts()),
                     "NOT_PLAN_EMPLOYEE"));
  EXPECT_TRUE(IsRule(CheckRealisation(Valid(), Caller(""), "", Facts()), "NOT_PLAN_EMPLOYEE"));
  Realisation old = Valid();
  old.indicator_id = "iki-from-revision-1";
  EXPECT_TRUE(IsRule(CheckRealisation(old, Caller(kEmployeeNip), kEmployeeNip, Facts()),
                     "INDICATOR_NOT_IN_VERSION"));
  // Late: March closes on 5 April with the default grace.
  EXPECT_TRUE(
      CheckRealisation(Valid(), Caller(kEmployeeNip), kEmployeeNip, Facts(CivilDay(2024, 4, 5)))
          .ok());
  EXPECT_TRUE(IsRule(
      CheckRealisation(Valid(), Caller(kEmployeeNip), kEmployeeNip, Facts(CivilDay(2024, 4, 6))),
      "WINDOW_CLOSED"));
  EntryFacts reopened = Facts(CivilDay(2024, 5, 1));
  reopened.window_reopened = true;
  EXPECT_TRUE(CheckRealisation(Valid(), Caller(kEmployeeNip), kEmployeeNip, reopened).ok());
  EXPECT_TRUE(IsRule(
      CheckRealisation(Valid(), Caller(kEmployeeNip), kEmployeeNip, Facts(CivilDay(2024, 2, 28))),
      "WINDOW_NOT_STARTED"));
}

TEST(CheckRealisation, BadInputNamesTheField) {
  const Actor ani = Caller(kEmployeeNip);
  Realisation r = Valid();
  r.value.reset();
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "value"));
  r = Valid();
  r.value = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "value"));
  r = Valid();
  r.value = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "value"));
  r = Valid();
  r.indicator_id = "";
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "indicator_id"));
  r = Valid();
  r.text.assign(kMaxRealisationTextBytes + 1, 'x');
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "text"));
  r = Valid();
  r.evidence.push_back({"", "https://example.go.id/a"});
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "evidence[1].name"));
  for (const std::string link : {"", "ftp://example.go.id/a", "https://", "https:///path",
                                 "https://example.go.id/a b", "javascript:alert(1)"}) {
    r = Valid();
    r.evidence[0].link = link;
    EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "evidence[0].link"))
        << link;
  }
  r = Valid();
  r.evidence[0].link = "http://example.go.id/" + std::string(kMaxEvidenceLinkBytes, 'a');
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "evidence[0].link"));
  r = Valid();
  r.evidence.assign(kMaxEvidenceItems + 1, Evidence{"bukti", "https://example.go.id/b"});
  EXPECT_TRUE(IsInvalid(CheckRealisation(r, ani, kEmployeeNip, Facts()), "evidence"));
  r.evidence.resize(kMaxEvidenceItems);
  EXPECT_TRUE(CheckRealisation(r, ani, kEmployeeNip, Facts()).ok());
}

IndicatorFeedback Feedback(std::string text = "Pertahankan") {
  IndicatorFeedback f;
  f.plan_id = "plan-1";
  f.indicator_id = "iki-2";
  f.window = March();
  f.text = std::move(text);
  return f;
}

TEST(CheckIndicatorFeedback, ByTheAssessorOfTheDay) {
  const Official boss = MakeOfficial(kAssessorNip, "Budi");
  auto acting =
      CheckIndicatorFeedback(Feedback(), Caller(kAssessorNip), boss, kEmployeeNip, Facts());
  ASSERT_TRUE(acting.ok()) << acting.status();
  EXPECT_EQ(acting->official.nip, kAssessorNip);
  EXPECT_TRUE(
      IsRule(CheckIndicatorFeedback(Feedback(), Caller(kEmployeeNip), boss, kEmployeeNip, Facts())
                 .status(),
             "OWN_ASSESSMENT"));
  EXPECT_TRUE(IsRule(
      CheckIndicatorFeedback(Feedback(), Caller("199001012015011001"), boss, kEmployeeNip, Facts())
          .status(),
      "NOT_ASSESSOR_OF_THE_DAY"));
  auto hr = CheckIndicatorFeedback(Feedback(), Caller("199001012015011001", true), MakeNonAsnHead(),
                                   kEmployeeNip, Facts());
  ASSERT_TRUE(hr.ok());
  EXPECT_EQ(hr->capacity, Capacity::kHrForNonAsn);
  EXPECT_TRUE(IsInvalid(
      CheckIndicatorFeedback(Feedback(" "), Caller(kAssessorNip), boss, kEmployeeNip, Facts())
          .status(),
      "text"));
  EXPECT_TRUE(IsRule(CheckIndicatorFeedback(Feedback(), Caller(kAssessorNip), boss, kEmployeeNip,
                                            Facts(CivilDay(2024, 4, 6)))
                         .status(),
                     "WINDOW_CLOSED"));
  IndicatorFeedback other = Feedback();
  other.indicator_id = "iki-9";
  EXPECT_TRUE(IsRule(
      CheckIndicatorFeedback(other, Caller(kAssessorNip), boss, kEmployeeNip, Facts()).status(),
      "INDICATOR_NOT_IN_VERSION"));
}

TEST(CheckFeedbackNote, EmployeeOrAssessorWhilePlanOpen) {
  const Official boss = MakeOfficial(kAssessorNip, "Budi");
  EXPECT_EQ(*CheckFeedbackNote(Caller(kEmployeeNip), kEmployeeNip, boss, false, "Mohon arahan"),
            NoteAuthorRole::kEmployee);
  EXPECT_EQ(*CheckFeedbackNote(Caller(kAssessorNip), kEmployeeNip, boss, false, "Bagus"),
            NoteAuthorRole::kAssessor);
  EXPECT_TRUE(
      IsRule(CheckFeedbackNote(Caller(kAssessorNip), kEmployeeNip, boss, true, "Bagus").status(),
             "PLAN_CLOSED"));
  EXPECT_TRUE(IsRule(CheckFeedbackNote(Caller("199001012015011001", true), kEmployeeNip,
                                       MakeNonAsnHead(), false, "x")
                         .status(),
                     "NOT_PLAN_PARTY"));
  EXPECT_TRUE(IsRule(CheckFeedbackNote(Caller(""), "", MakeNonAsnHead(), false, "x").status(),
                     "NOT_PLAN_PARTY"));
  EXPECT_TRUE(IsInvalid(
      CheckFeedbackNote(Caller(kEmployeeNip), kEmployeeNip, boss, false, "").status(), "text"));
  EXPECT_TRUE(IsInvalid(CheckFeedbackNote(Caller(kEmployeeNip), kEmployeeNip, boss, false,
                                          std::string(kMaxFeedbackBytes + 1, 'x'))
                            .status(),
                        "text"));
  EXPECT_TRUE(CheckFeedbackNote(Caller(kEmployeeNip), kEmployeeNip, boss, false,
                                std::string(kMaxFeedbackBytes, 'x'))
                  .ok());
}

}  // namespace
}  // namespace kinerja::review
