// Unit tests of domain <-> kinerja.goals.v1 conversion: round trips and field-named errors.
#include "services/goals/convert/proto_convert.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/goals/domain/access.h"
#include "services/goals/domain/plan_content.h"
#include "shared/auth/test_principal.h"
#include "shared/errors/errors.h"
#include "shared/rpc/etag.h"

namespace kinerja::goals {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : errors::ViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

Plan FullPlan() {
  Plan plan;
  plan.id = "plan-1";
  plan.period_id = "period-1";
  plan.agency_id = "kota";
  plan.employee.employee_id = "emp-1";
  plan.employee.nip = "198609262015051001";
  plan.employee.name = "Budi";
  plan.employee.position_id = "pos-1";
  plan.employee.position_name = "Analis";
  plan.employee.unit_id = "unit-1";
  plan.employee.unit_name = "Bidang";
  plan.employee.acting = "PLT";
  plan.employee.rank_label = "III/a";
  plan.position_type = "PELAKSANA";
  PlanPerson assessor;
  assessor.employee_id = "boss";
  assessor.name = "Atasan";
  plan.assessor = assessor;
  plan.state = PlanState::kReturned;
  plan.revision = 2;
  plan.revision_reason = "Revisi";
  plan.return_note = "Perbaiki";
  plan.content = NewContent(PlanStyle::kQualitative);
  plan.content.behaviours[3].expectation = "Rukun";
  WorkResult r;
  r.id = "r-1";
  r.kind = ResultKind::kMain;
  r.text = "Laporan";
  r.parent_result_id = "p-1";
  r.template_id = "t-1";
  Indicator indicator;
  indicator.id = "i-1";
  indicator.text = "Jumlah";
  indicator.aspect = Aspect::kCost;
  indicator.target_min = 0.5;
  indicator.target_max = 1e9;
  indicator.target_unit = "rupiah";
  indicator.target_text = "Hemat anggaran";
  indicator.lower_is_better = true;
  r.indicators.push_back(indicator);
  indicator.id = "i-2";
  indicator.aspect = Aspect::kQuality;
  indicator.survey_id = "IKM-2024";
  r.indicators.push_back(indicator);
  r.cascade_type = CascadeType::kIndirect;
  r.parent_indicator_id = "p-1-i-1";
  plan.content.results.push_back(r);
  r.id = "r-2";
  r.kind = ResultKind::kAdditional;
  r.parent_result_id.clear();
  r.cascade_type = CascadeType::kNone;
  r.parent_indicator_id.clear();
  r.perspective = Perspective::kBudget;
  plan.content.results.push_back(r);
  plan.close_reason = "";
  plan.end_date = absl::CivilDay(2024, 6, 30);
  plan.submit_time = absl::FromUnixMicros(1700000000123456);
  plan.version = 7;
  plan.create_time = absl::FromUnixMicros(1600000000000001);
  plan.update_time = absl::FromUnixMicros(1700000000999999);
  return plan;
}

TEST(ProtoConvert, PlanRoundTrips) {
  const Plan plan = FullPlan();
  pb::Plan proto = ToProto(plan);
  EXPECT_EQ(proto.etag(), rpc::EtagFor(7));
  EXPECT_EQ(proto.state(), pb::PLAN_STATE_RETURNED);
  EXPECT_EQ(proto.style(), pb::PLAN_STYLE_QUALITATIVE);
  EXPECT_TRUE(proto.has_assessor());
  EXPECT_FALSE(proto.has_assessor_superior());
  EXPECT_FALSE(proto.has_approve_time());
  EXPECT_EQ(proto.results(1).perspective(), pb::PERSPECTIVE_BUDGET);
  EXPECT_EQ(proto.results(0).cascade_type(), pb::CASCADE_TYPE_INDIRECT);
  EXPECT_EQ(proto.results(0).parent_indicator_id(), "p-1-i-1");
  EXPECT_EQ(proto.results(1).cascade_type(), pb::CASCADE_TYPE_UNSPECIFIED);
  EXPECT_EQ(proto.results(0).indicators(0).target_text(), "Hemat anggaran");
  EXPECT_TRUE(proto.results(0).indicators(0).lower_is_better());
  EXPECT_EQ(proto.results(0).indicators(0).survey_id(), "");
  EXPECT_EQ(proto.results(0).indicators(1).survey_id(), "IKM-2024");
  EXPECT_EQ(proto.behaviours_size(), 7);
  EXPECT_EQ(proto.behaviours(3).value(), pb::CORE_VALUE_HARMONIOUS);

  auto back = FromProto(proto);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->id, plan.id);
  EXPECT_EQ(back->employee, plan.employee);
  EXPECT_EQ(back->assessor, plan.assessor);
  EXPECT_FALSE(back->assessor_superior.has_value());
  EXPECT_EQ(back->state, plan.state);
  EXPECT_EQ(back->revision, 2);
  EXPECT_EQ(back->return_note, "Perbaiki");
  EXPECT_EQ(back->content, plan.content);
  EXPECT_EQ(back->end_date, plan.end_date);
  EXPECT_EQ(back->submit_time, plan.submit_time);
  EXPECT_FALSE(back->approve_time.has_value());
  EXPECT_EQ(back->version, 7);
  EXPECT_EQ(back->create_time, plan.create_time);
  EXPECT_EQ(back->update_time, plan.update_time);
  // Byte for byte stable (stored idempotent answers and events).
  EXPECT_EQ(ToProto(*back).SerializeAsString(), proto.SerializeAsString());
}

// GetPlan checks access on its stored answer through PlanPeopleFromProto: the fields the access
// checks read come back as FromProto reads them, so every caller gets the same decision.
TEST(ProtoConvert, PlanPeopleAreWhatTheAccessChecksRead) {
  Plan plan = FullPlan();
  plan.assessor->nip = "197501012000031002";
  PlanPerson superior;
  superior.employee_id = "top";
  superior.nip = "196801011990031003";
  plan.assessor_superior = superior;
  auto people = PlanPeopleFromProto(ToProto(plan));
  ASSERT_TRUE(people.ok()) << people.status();
  EXPECT_EQ(people->id, plan.id);
  EXPECT_EQ(people->period_id, plan.period_id);
  EXPECT_EQ(people->agency_id, plan.agency_id);
  EXPECT_EQ(people->employee, plan.employee);
  EXPECT_EQ(people->position_type, plan.position_type);
  EXPECT_EQ(people->assessor, plan.assessor);
  EXPECT_EQ(people->assessor_superior, plan.assessor_superior);
  EXPECT_TRUE(people->content.results.empty());

  plan.assessor_superior.reset();
  people = PlanPeopleFromProto(ToProto(plan));
  ASSERT_TRUE(people.ok()) << people.status();
  EXPECT_FALSE(people->assessor_superior.has_value());

  using auth::Role;
  const std::vector<auth::Principal> callers = {
      auth::TestPrincipal({Role::kEmployee}, "kota", plan.employee.nip),
      auth::TestPrincipal({Role::kEmployee}, "kota", plan.assessor->nip),
      auth::TestPrincipal({Role::kEmployee}, "kota", "196801011990031003"),
      auth::TestPrincipal({Role::kEmployee}, "kota", "199001012015032004"),
      auth::TestPrincipal({Role::kHrAdmin}, "kota", "199001012015032004"),
      auth::TestPrincipal({Role::kHrAdmin}, "desa", "199001012015032004"),
      auth::TestPrincipal({Role::kAuditor}, "", ""),
  };
  for (const Plan& p : {FullPlan(), plan}) {
    people = PlanPeopleFromProto(ToProto(p));
    ASSERT_TRUE(people.ok()) << people.status();
    for (const auth::Principal& caller : callers) {
      EXPECT_EQ(CanReadPlan(caller, *people), CanReadPlan(caller, p))
          << caller.nip << " " << caller.agency_id;
    }
  }
  pb::Plan bad = ToProto(plan);
  bad.mutable_employee()->set_acting("XYZ");
  EXPECT_EQ(PlanPeopleFromProto(bad).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ProtoConvert, PlanErrorsNameTheField) {
  pb::Plan proto = ToProto(FullPlan());
  proto.mutable_results(0)->set_kind(pb::RESULT_KIND_UNSPECIFIED);
  proto.mutable_results(1)->mutable_indicators(0)->set_aspect(static_cast<pb::Aspect>(42));
  proto.mutable_results(1)->set_cascade_type(static_cast<pb::CascadeType>(7));
  auto bad = FromProto(proto, "plan.");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(bad.status()), (std::vector<std::string>{"plan.results[0].kind",
                                                            "plan.results[1].indicators[0].aspect",
                                                            "plan.results[1].cascade_type"}));

  proto = ToProto(FullPlan());
  proto.set_etag("nope");
  EXPECT_THAT(Fields(FromProto(proto, "plan.").status()), ::testing::ElementsAre("plan.etag"));
  proto = ToProto(FullPlan());
  proto.mutable_end_date()->set_month(13);
  EXPECT_THAT(Fields(FromProto(proto, "plan.").status()), ::testing::ElementsAre("plan.end_date"));
  proto = ToProto(FullPlan());
  proto.mutable_employee()->set_acting("XYZ");
  EXPECT_THAT(Fields(FromProto(proto, "plan.").status()),
              ::testing::ElementsAre("plan.employee.acting"));
}

TEST(ProtoConvert, ContentNormalisesBehaviours) {
  pb::Plan proto;
  pb::BehaviourExpectation* b = proto.add_behaviours();
  b->set_value(pb::CORE_VALUE_LOYAL);
  b->set_expectation("Setia");
  auto content = ContentFromProto(proto, "plan.");
  ASSERT_TRUE(content.ok()) << content.status();
  EXPECT_EQ(content->style, PlanStyle::kQuantitative);  // UNSPECIFIED
  ASSERT_EQ(content->behaviours.size(), 7u);
  EXPECT_EQ(content->behaviours[4].value, CoreValue::kLoyal);
  EXPECT_EQ(content->behaviours[4].expectation, "Setia");
  EXPECT_EQ(content->behaviours[0].expectation, "");

  proto.add_behaviours()->set_value(pb::CORE_VALUE_LOYAL);
  EXPECT_THAT(Fields(ContentFromProto(proto, "plan.").status()),
              ::testing::Contains("plan.behaviours[1].value"));
  proto.mutable_behaviours(1)->set_value(pb::CORE_VALUE_UNSPECIFIED);
  EXPECT_THAT(Fields(ContentFromProto(proto, "plan.").status()),
              ::testing::ElementsAre("plan.behaviours[1].value"));
}

TEST(ProtoConvert, PeriodRoundTripsAndValidates) {
  Period period;
  period.id = "p-1";
  period.agency_id = "kota";
  period.year = 2024;
  period.name = "SKP 2024";
  period.start_date = absl::CivilDay(2024, 1, 1);
  period.end_date = absl::CivilDay(2024, 12, 31);
  period.filling_deadline = absl::CivilDay(2024, 1, 31);
  period.cadence = Cadence::kQuarterly;
  period.state = PeriodState::kLocked;
  period.version = 3;
  period.create_time = absl::FromUnixMicros(1);
  pb::Period proto = ToProto(period);
  EXPECT_EQ(proto.cadence(), pb::CADENCE_QUARTERLY);
  EXPECT_EQ(proto.state(), pb::PERIOD_STATE_LOCKED);
  EXPECT_EQ(proto.filling_deadline().month(), 1);
  EXPECT_FALSE(proto.has_update_time());
  auto back = FromProto(proto);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->state, PeriodState::kLocked);
  EXPECT_EQ(back->filling_deadline, period.filling_deadline);
  EXPECT_EQ(back->version, 3);
  EXPECT_EQ(back->create_time, period.create_time);
  EXPECT_EQ(proto.mid_year_filling_days(), 30);
  EXPECT_EQ(back->mid_year_filling_days, 30);
  period.mid_year_filling_days = 45;
  EXPECT_EQ(FromProto(ToProto(period))->mid_year_filling_days, 45);
  // Unset on the wire: the default.
  proto.clear_mid_year_filling_days();
  EXPECT_EQ(FromProto(proto)->mid_year_filling_days, 30);

  proto.set_state(pb::PERIOD_STATE_UNSPECIFIED);  // output only: a new period starts OPEN
  EXPECT_EQ(FromProto(proto)->state, PeriodState::kOpen);
  proto.set_cadence(pb::CADENCE_UNSPECIFIED);
  EXPECT_THAT(Fields(FromProto(proto, "period.").status()),
              ::testing::ElementsAre("period.cadence"));
  proto = ToProto(period);
  proto.clear_start_date();
  EXPECT_THAT(Fields(FromProto(proto, "period.").status()),
              ::testing::ElementsAre("period.start_date"));

  EXPECT_EQ(PeriodStateFromProto(pb::PERIOD_STATE_UNSPECIFIED, "state").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      std::string(CadenceFromProto(static_cast<pb::Cadence>(9), "cadence").status().message()),
      HasSubstr("cadence"));
  EXPECT_EQ(*PlanStyleFromProto(pb::PLAN_STYLE_UNSPECIFIED, "style"), PlanStyle::kQuantitative);
  EXPECT_EQ(ToProto(PlanState::kClosed), pb::PLAN_STATE_CLOSED);
  EXPECT_EQ(ToProto(CascadeType::kNone), pb::CASCADE_TYPE_UNSPECIFIED);
  EXPECT_EQ(ToProto(CascadeType::kDirect), pb::CASCADE_TYPE_DIRECT);
  EXPECT_EQ(ToProto(CascadeType::kIndirect), pb::CASCADE_TYPE_INDIRECT);
}

TEST(ProtoConvert, OtherResourcesRoundTrip) {
  DeadlineExtension extension;
  extension.period_id = "p-1";
  extension.employee_id = "e-1";
  extension.until = absl::CivilDay(2024, 2, 29);
  extension.reason = "Cuti";
  extension.granted_by = "admin";
  extension.grant_time = absl::FromUnixSeconds(100);
  auto e = FromProto(ToProto(extension));
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->until, extension.until);
  EXPECT_EQ(e->granted_by, "admin");
  EXPECT_EQ(e->grant_time, extension.grant_time);

  UnitPolicy policy;
  policy.agency_id = "kota";
  policy.unit_id = "u-1";
  policy.public_service = true;
  policy.include_subunits = true;
  policy.survey_id = "IKM-KOTA";
  policy.version = 4;
  pb::UnitPolicy policy_proto = ToProto(policy);
  EXPECT_TRUE(policy_proto.include_subunits());
  EXPECT_EQ(policy_proto.survey_id(), "IKM-KOTA");
  auto p = FromProto(policy_proto);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE(p->public_service);
  EXPECT_TRUE(p->include_subunits);
  EXPECT_EQ(p->survey_id, "IKM-KOTA");
  EXPECT_EQ(p->version, 4);

  PlanTemplate tmpl;
  tmpl.id = "t-1";
  tmpl.agency_id = "kota";
  tmpl.name = "Templat";
  tmpl.results = FullPlan().content.results;
  tmpl.version = 1;
  tmpl.behaviours = NewContent(PlanStyle::kQuantitative).behaviours;
  tmpl.behaviours[2].expectation = "Mengikuti pelatihan";
  pb::PlanTemplate tmpl_proto = ToProto(tmpl);
  ASSERT_EQ(tmpl_proto.behaviours_size(), 7);
  EXPECT_EQ(tmpl_proto.behaviours(2).value(), pb::CORE_VALUE_COMPETENT);
  auto t = FromProto(tmpl_proto);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->results, tmpl.results);
  EXPECT_EQ(t->behaviours, tmpl.behaviours);
  EXPECT_EQ(t->name, "Templat");
  EXPECT_EQ(ToProto(*t).SerializeAsString(), tmpl_proto.SerializeAsString());
  // Behaviours in any order are normalised; a repeated value is named.
  pb::PlanTemplate given;
  pb::BehaviourExpectation* b = given.add_behaviours();
  b->set_value(pb::CORE_VALUE_ADAPTIVE);
  b->set_expectation("Terbuka pada perubahan");
  auto normalised = FromProto(given, "template.");
  ASSERT_TRUE(normalised.ok()) << normalised.status();
  ASSERT_EQ(normalised->behaviours.size(), 7u);
  EXPECT_EQ(normalised->behaviours[5].expectation, "Terbuka pada perubahan");
  *given.add_behaviours() = *b;
  EXPECT_THAT(Fields(FromProto(given, "template.").status()),
              ::testing::ElementsAre("template.behaviours[1].value"));

  PlanVersion version;
  version.plan_id = "plan-1";
  version.revision = 2;
  version.plan = FullPlan();
  version.approved_by = "boss";
  version.approve_time = absl::FromUnixSeconds(5);
  pb::PlanVersion v = ToProto(version);
  EXPECT_EQ(v.revision(), 2);
  EXPECT_EQ(v.plan().id(), "plan-1");
  EXPECT_EQ(v.approve_time().seconds(), 5);
}

}  // namespace
}  // namespace kinerja::goals
