#include "tests/harness/goals/service_env.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/goals/api/goals_definition.h"
#include "shared/auth/test_keys.h"
#include "shared/rpc/proto_time.h"
#include "tests/harness/service_under_test.h"

namespace kinerja::goals::testing {
namespace {

using employee::testing::Ctx;
using employee::testing::Describe;
using employee::testing::ServiceEnv;

GoalsServiceEnv* g_env = nullptr;

google::type::Date Day(int y, int m, int d) { return rpc::DayToProto(absl::CivilDay(y, m, d)); }

}  // namespace

struct GoalsServiceEnv::Parts {
  std::unique_ptr<server::RunningService> running;
};

GoalsServiceEnv& GoalsServiceEnv::Get() {
  if (g_env == nullptr) {
    g_env = new GoalsServiceEnv();
    g_env->Start();
  }
  return *g_env;
}

void GoalsServiceEnv::Stop() {
  if (g_env == nullptr) return;
  g_env->stub_.reset();
  g_env->channel_.reset();
  g_env->parts_->running.reset();
  delete g_env;
  g_env = nullptr;
}

void GoalsServiceEnv::Start() {
  ServiceEnv& employees = ServiceEnv::Get();
  const std::string token_file = auth::testing::MakeTempDir() + "/goals.token";
  auth::testing::WriteFile(token_file, employees.Token("goals", {"service"}));
  parts_ = std::make_unique<Parts>();
  parts_->running = ::kinerja::testing::StartInProcess(
      api::GoalsDefinition([] { return GoalsTestNow(); }), employees.database(), employees.issuer(),
      {absl::StrCat("--employee-addr=127.0.0.1:", employees.host().grpc_port()),
       "--employee-token-file=" + token_file});
  host_ = &parts_->running->host();
  channel_ = ::kinerja::testing::ChannelTo(*parts_->running);
  stub_ = gv1::GoalService::NewStub(channel_);
}

absl::Time GoalsTestNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 12, 0, 0), absl::FixedTimeZone(7 * 3600));
}

std::string PersonToken(const ::kinerja::employee::v1::Employee& who,
                        const std::string& agency_id) {
  return ServiceEnv::Get().Token("emp-" + who.nip(), {"employee"}, agency_id, who.nip());
}

gv1::Period CreatePeriod2026(const std::string& hr_token, const std::string& agency_id,
                             gv1::Cadence cadence) {
  gv1::CreatePeriodRequest request;
  gv1::Period* p = request.mutable_period();
  p->set_agency_id(agency_id);
  p->set_year(2026);
  *p->mutable_start_date() = Day(2026, 1, 1);
  *p->mutable_end_date() = Day(2026, 12, 31);
  *p->mutable_filling_deadline() = Day(2026, 12, 31);
  p->set_cadence(cadence);
  gv1::Period out;
  grpc::Status s = GoalsServiceEnv::Get().stub().CreatePeriod(Ctx(hr_token).get(), request, &out);
  EXPECT_TRUE(s.ok()) << Describe(s);
  return out;
}

gv1::Plan ApprovedPlan(const gv1::Period& period, const ::kinerja::employee::v1::Employee& who,
                       const std::string& agency_id, const std::string& approver_token,
                       const std::string& parent_result_id) {
  gv1::GoalService::Stub& stub = GoalsServiceEnv::Get().stub();
  const std::string token = PersonToken(who, agency_id);
  gv1::CreatePlanRequest create;
  create.set_period_id(period.id());
  create.set_employee_id(who.id());
  gv1::Plan plan;
  grpc::Status s = stub.CreatePlan(Ctx(token).get(), create, &plan);
  EXPECT_TRUE(s.ok()) << "CreatePlan: " << Describe(s);

  gv1::UpdatePlanRequest update;
  update.mutable_plan()->set_id(plan.id());
  gv1::WorkResult* r = update.mutable_plan()->add_results();
  r->set_kind(gv1::RESULT_KIND_MAIN);
  r->set_text("Hasil kerja " + who.name());
  r->set_parent_result_id(parent_result_id);
  if (parent_result_id.empty()) r->set_perspective(gv1::PERSPECTIVE_SERVICE_RECIPIENTS);
  gv1::Indicator* i = r->add_indicators();
  i->set_text("Indikator " + who.name());
  i->set_aspect(gv1::ASPECT_QUANTITY);
  i->set_target_min(90);
  i->set_target_max(100);
  i->set_target_unit("%");
  update.mutable_update_mask()->add_paths("results");
  s = stub.UpdatePlan(Ctx(token).get(), update, &plan);
  EXPECT_TRUE(s.ok()) << "UpdatePlan: " << Describe(s);

  gv1::SubmitPlanRequest submit;
  submit.set_id(plan.id());
  s = stub.SubmitPlan(Ctx(token).get(), submit, &plan);
  EXPECT_TRUE(s.ok()) << "SubmitPlan: " << Describe(s);

  gv1::ApprovePlanRequest approve;
  approve.set_id(plan.id());
  s = stub.ApprovePlan(Ctx(approver_token).get(), approve, &plan);
  EXPECT_TRUE(s.ok()) << "ApprovePlan: " << Describe(s);
  return plan;
}

}  // namespace kinerja::goals::testing
