// The goals commands (period, plan, cascade) run in-process against a fake GoalService (a real
// gRPC channel, no network, no database), and their argument parsing and rendering.
#include <grpcpp/grpcpp.h>

#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "kinerja/goals/v1/goals_service.grpc.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/dispatch.h"
#include "tools/cli/flags.h"
#include "tools/cli/goals_args.h"
#include "tools/cli/goals_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::goals::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// ---- flags and values ----

TEST(GoalsArgsTest, RepeatedFlagKeepsEveryValueInOrder) {
  const FlagSpec spec{{"indicator", "text"}, {}, {"indicator"}};
  auto parsed = ParsedArgs::Parse({"--indicator", "a", "--text", "t", "--indicator=b"}, spec);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->GetAll("indicator"), ElementsAre("a", "b"));
  EXPECT_EQ(parsed->Get("indicator"), "a");
  EXPECT_THAT(parsed->GetAll("text"), ElementsAre("t"));
  EXPECT_TRUE(parsed->GetAll("missing").empty());
  // Flags not declared repeatable still refuse a second value.
  EXPECT_EQ(ParsedArgs::Parse({"--text", "a", "--text", "b"}, spec).status().message(),
            "--text given more than once");
}

TEST(GoalsArgsTest, IndicatorParsesEveryField) {
  auto indicator = ParseIndicator("Indeks kepuasan masyarakat; quality ;80;90.5;%");
  ASSERT_TRUE(indicator.ok()) << indicator.status();
  EXPECT_EQ(indicator->text(), "Indeks kepuasan masyarakat");
  EXPECT_EQ(indicator->aspect(), v1::ASPECT_QUALITY);
  EXPECT_EQ(indicator->target_min(), 80);
  EXPECT_EQ(indicator->target_max(), 90.5);
  EXPECT_EQ(indicator->target_unit(), "%");
  auto aspect = [](const std::string& text) {
    auto parsed = ParseIndicator(text);
    return parsed.ok() ? parsed->aspect() : v1::ASPECT_UNSPECIFIED;
  };
  EXPECT_EQ(aspect("a;cost;1;1;rupiah"), v1::ASPECT_COST);
  EXPECT_EQ(aspect("a;time;1;1;hari"), v1::ASPECT_TIME);
  EXPECT_EQ(aspect("a;quantity;1;1;dokumen"), v1::ASPECT_QUANTITY);
}

TEST(GoalsArgsTest, BadIndicatorsNameTheFlagAndTheField) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a;speed;1;1;x", "aspect must be quantity, quality, time or cost (got \"speed\")"},
      {"a;quantity;1;1", "expected TEXT;ASPECT;MIN;MAX;UNIT"},
      {"a;quantity;1;1;x;y", "expected TEXT;ASPECT;MIN;MAX;UNIT"},
      {" ;quantity;1;1;x", "TEXT must not be empty"},
      {"a;quantity;one;1;x", "MIN must be a number"},
      {"a;quantity;1;1x;x", "MAX must be a number"},
      {"a;quantity;1;inf;x", "MAX must be a number"},
      {"a;quantity;2;1;x", "MAX must not be less than MIN"},
      {"a;quantity;1;1; ", "UNIT must not be empty"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseIndicator(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_THAT(parsed.status().message(), HasSubstr("--indicator \"" + c.text + "\": "));
    EXPECT_THAT(parsed.status().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST(GoalsArgsTest, CadenceAndPerspective) {
  EXPECT_EQ(ParseCadence("monthly").value_or(v1::CADENCE_UNSPECIFIED), v1::CADENCE_MONTHLY);
  EXPECT_EQ(ParseCadence("quarterly").value_or(v1::CADENCE_UNSPECIFIED), v1::CADENCE_QUARTERLY);
  EXPECT_THAT(ParseCadence("bulanan").status().message(), HasSubstr("--cadence"));
  EXPECT_EQ(ParsePerspective("service-recipients").value_or(v1::PERSPECTIVE_UNSPECIFIED),
            v1::PERSPECTIVE_SERVICE_RECIPIENTS);
  EXPECT_EQ(ParsePerspective("business-process").value_or(v1::PERSPECTIVE_UNSPECIFIED),
            v1::PERSPECTIVE_BUSINESS_PROCESS);
  EXPECT_EQ(ParsePerspective("internal-strengthening").value_or(v1::PERSPECTIVE_UNSPECIFIED),
            v1::PERSPECTIVE_INTERNAL_STRENGTHENING);
  EXPECT_EQ(ParsePerspective("budget").value_or(v1::PERSPECTIVE_UNSPECIFIED),
            v1::PERSPECTIVE_BUDGET);
  EXPECT_THAT(ParsePerspective("money").status().message(), HasSubstr("--perspective"));
}

// ---- rendering ----

v1::PlanPerson Person(const std::string& name, const std::string& nip,
                      const std::string& position) {
  v1::PlanPerson person;
  person.set_employee_id("E-" + name);
  person.set_name(name);
  person.set_nip(nip);
  person.set_position_name(position);
  person.set_unit_name("Dinas Pendidikan");
  return person;
}

v1::Plan SamplePlan() {
  v1::Plan plan;
  plan.set_id("P1");
  plan.set_period_id("PER1");
  plan.set_agency_id("A1");
  plan.set_state(v1::PLAN_STATE_DRAFT);
  plan.set_revision(1);
  plan.set_etag("7");
  plan.set_position_type("JPT_PRATAMA");
  *plan.mutable_employee() = Person("Andi", "199001012015031001", "Kepala Dinas");
  v1::PlanPerson& mayor = *plan.mutable_assessor();
  mayor.set_name("Wali Kota Contoh");
  mayor.set_non_asn(true);
  v1::WorkResult& r = *plan.add_results();
  r.set_id("R1");
  r.set_kind(v1::RESULT_KIND_MAIN);
  r.set_text("Meningkatnya mutu pendidikan");
  r.set_perspective(v1::PERSPECTIVE_SERVICE_RECIPIENTS);
  v1::Indicator& i = *r.add_indicators();
  i.set_text("Angka partisipasi sekolah");
  i.set_aspect(v1::ASPECT_QUANTITY);
  i.set_target_min(95);
  i.set_target_max(98);
  i.set_target_unit("%");
  for (int value = 1; value <= 7; ++value) {
    plan.add_behaviours()->set_value(static_cast<v1::CoreValue>(value));
  }
  plan.mutable_behaviours(0)->set_expectation("Ramah kepada orang tua murid");
  return plan;
}

TEST(GoalsPrintTest, PlanUsesTheSkpTerms) {
  std::string text = FormatPlan(SamplePlan());
  EXPECT_THAT(text, HasSubstr("Plan P1 (SKP), revision 1: DRAFT\n"));
  EXPECT_THAT(text, HasSubstr("  employee:             Andi  NIP 199001012015031001\n"
                              "                        Kepala Dinas, Dinas Pendidikan\n"));
  EXPECT_THAT(text, HasSubstr("  pejabat penilai:      [NON-ASN] Wali Kota Contoh\n"));
  EXPECT_THAT(text, HasSubstr("  atasan pejabat penilai: (none)\n"));
  EXPECT_THAT(text, HasSubstr("RHK utama (main work results):\n"
                              "  1. Meningkatnya mutu pendidikan\n"
                              "     id R1; perspektif penerima layanan\n"
                              "     IKI: Angka partisipasi sekolah (kuantitas, target 95-98 %)\n"
                              "RHK tambahan (additional results):\n"
                              "  (none)\n"));
  EXPECT_THAT(text, HasSubstr("Perilaku kerja (BerAKHLAK):\n"
                              "  Berorientasi Pelayanan: Ramah kepada orang tua murid\n"
                              "  Akuntabel: -\n"));
  EXPECT_THAT(text, HasSubstr("  Kolaboratif: -\n"));
}

TEST(GoalsPrintTest, PeriodRowAndDetails) {
  v1::Period p;
  p.set_id("PER1");
  p.set_agency_id("A1");
  p.set_year(2025);
  p.set_cadence(v1::CADENCE_QUARTERLY);
  p.set_state(v1::PERIOD_STATE_OPEN);
  p.mutable_filling_deadline()->set_year(2025);
  p.mutable_filling_deadline()->set_month(1);
  p.mutable_filling_deadline()->set_day(31);
  EXPECT_THAT(PeriodRow(p),
              ElementsAre("PER1", "A1", "2025", "-", "2025-01-31", "QUARTERLY", "OPEN"));
  EXPECT_THAT(FormatPeriod(p), HasSubstr("  cadence:              quarterly (triwulanan)\n"));
}

// ---- commands against an in-process fake server ----

grpc::Status RuleViolation(const std::string& reason, const std::string& message) {
  google::rpc::Status details;
  details.set_code(grpc::FAILED_PRECONDITION);
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain("goals");
  details.add_details()->PackFrom(info);
  return grpc::Status(grpc::FAILED_PRECONDITION, message, details.SerializeAsString());
}

grpc::Status BadField(const std::string& field, const std::string& description) {
  google::rpc::Status details;
  details.set_code(grpc::INVALID_ARGUMENT);
  google::rpc::BadRequest bad;
  auto* violation = bad.add_field_violations();
  violation->set_field(field);
  violation->set_description(description);
  details.add_details()->PackFrom(bad);
  return grpc::Status(grpc::INVALID_ARGUMENT, field + ": " + description,
                      details.SerializeAsString());
}

class FakeGoalService final : public v1::GoalService::Service {
 public:
  grpc::Status CreatePeriod(grpc::ServerContext* context, const v1::CreatePeriodRequest* request,
                            v1::Period* period) override {
    std::lock_guard<std::mutex> lock(mu_);
    authorization_ = Authorization(*context);
    create_period_ = *request;
    *period = request->period();
    period->set_id("PER1");
    period->set_state(v1::PERIOD_STATE_OPEN);
    return grpc::Status::OK;
  }

  // Plan "LOCKED" refuses edits; any other plan is SamplePlan() under that id.
  grpc::Status GetPlan(grpc::ServerContext*, const v1::GetPlanRequest* request,
                       v1::Plan* plan) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++get_plan_calls_;
    if (request->id() == "MISSING") return grpc::Status(grpc::NOT_FOUND, "no plan MISSING");
    *plan = SamplePlan();
    plan->set_id(request->id());
    return grpc::Status::OK;
  }

  grpc::Status UpdatePlan(grpc::ServerContext*, const v1::UpdatePlanRequest* request,
                          v1::Plan* plan) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++update_plan_calls_;
    update_plan_ = *request;
    if (request->plan().id() == "LOCKED") {
      return BadField("plan.results[1].perspective", "required for a JPT plan's result");
    }
    *plan = SamplePlan();
    *plan->mutable_results() = request->plan().results();
    plan->mutable_results(1)->set_id("R2");
    plan->set_etag("8");
    return grpc::Status::OK;
  }

  grpc::Status ApprovePlan(grpc::ServerContext*, const v1::ApprovePlanRequest* request,
                           v1::Plan* plan) override {
    std::lock_guard<std::mutex> lock(mu_);
    approve_ = *request;
    *plan = SamplePlan();
    plan->set_id(request->id());
    plan->set_state(v1::PLAN_STATE_APPROVED);
    return grpc::Status::OK;
  }

  // Plan "LATE" missed the filling deadline.
  grpc::Status SubmitPlan(grpc::ServerContext*, const v1::SubmitPlanRequest* request,
                          v1::Plan* plan) override {
    if (request->id() == "LATE") {
      return RuleViolation("FILLING_DEADLINE_PASSED",
                           "the filling deadline of period PER1 was 2025-01-31");
    }
    *plan = SamplePlan();
    plan->set_state(v1::PLAN_STATE_SUBMITTED);
    return grpc::Status::OK;
  }

  grpc::Status ReturnPlan(grpc::ServerContext*, const v1::ReturnPlanRequest* request,
                          v1::Plan* plan) override {
    std::lock_guard<std::mutex> lock(mu_);
    return_ = *request;
    *plan = SamplePlan();
    plan->set_state(v1::PLAN_STATE_RETURNED);
    return grpc::Status::OK;
  }

  // Head -> bidang head -> staff; the staff's second result names no parent (an orphan).
  grpc::Status GetCascadeTree(grpc::ServerContext*, const v1::GetCascadeTreeRequest* request,
                              v1::CascadeTree* tree) override {
    v1::CascadeNode* head = tree->mutable_root();
    head->set_plan_id(request->plan_id());
    *head->mutable_employee() = Person("Kadis", "1", "Kepala Dinas");
    head->set_state(v1::PLAN_STATE_APPROVED);
    AddResult(head, "H1", "Mutu pendidikan meningkat", {"B1", "B2"});
    AddResult(head, "H2", "Anggaran terserap", {});
    v1::CascadeNode* bidang = head->add_reports();
    bidang->set_plan_id("P2");
    *bidang->mutable_employee() = Person("Kabid", "2", "Kepala Bidang SD");
    bidang->set_state(v1::PLAN_STATE_APPROVED);
    AddResult(bidang, "B1", "Sekolah dasar terakreditasi", {"S1"});
    v1::CascadeNode* staff = bidang->add_reports();
    staff->set_plan_id("P3");
    *staff->mutable_employee() = Person("Staf", "3", "Pengadministrasi");
    staff->set_state(v1::PLAN_STATE_SUBMITTED);
    AddResult(staff, "S1", "Data akreditasi terkumpul", {});
    AddResult(staff, "S2", "Arsip tertata", {});
    Issue(tree->add_orphans(), "P3", "Staf", "S2", "Arsip tertata");
    Issue(tree->add_uncovered(), request->plan_id(), "Kadis", "H2", "Anggaran terserap");
    tree->set_plan_count(3);
    tree->set_result_count(5);
    return grpc::Status::OK;
  }

  static void AddResult(v1::CascadeNode* node, const std::string& id, const std::string& text,
                        const std::vector<std::string>& children) {
    v1::CascadeResult* result = node->add_results();
    result->set_result_id(id);
    result->set_kind(v1::RESULT_KIND_MAIN);
    result->set_text(text);
    for (const std::string& child : children) result->add_child_result_ids(child);
  }

  static void Issue(v1::CascadeIssue* issue, const std::string& plan, const std::string& name,
                    const std::string& result, const std::string& text) {
    issue->set_plan_id(plan);
    issue->set_employee_name(name);
    issue->set_result_id(result);
    issue->set_text(text);
  }

  static std::string Authorization(const grpc::ServerContext& context) {
    auto it = context.client_metadata().find("authorization");
    if (it == context.client_metadata().end()) return "";
    return std::string(it->second.data(), it->second.size());
  }

  std::mutex mu_;
  std::string authorization_;
  v1::CreatePeriodRequest create_period_;
  v1::UpdatePlanRequest update_plan_;
  v1::ApprovePlanRequest approve_;
  v1::ReturnPlanRequest return_;
  int get_plan_calls_ = 0;
  int update_plan_calls_ = 0;
};

class GoalsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = server_->InProcessChannel(grpc::ChannelArguments());
    env_.out = &out_;
    env_.err = &err_;
    env_.getenv = [this](const std::string& name) -> std::optional<std::string> {
      if (name == "GOALS_ADDR" && goals_addr_set_) return "goals:1";
      if (name == "EMPLOYEE_ADDR") return "employee:1";
      return std::nullopt;
    };
    env_.open_channel = [this](const std::string& addr) {
      opened_addr_ = addr;
      return channel_;
    };
  }
  void TearDown() override { server_->Shutdown(); }

  FakeGoalService service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::ostringstream out_, err_;
  CliEnv env_;
  bool goals_addr_set_ = true;
  std::string opened_addr_;
};

std::string Day(const google::type::Date& date) { return FormatDate(date); }

TEST_F(GoalsCommandTest, PeriodCreateSendsTheWholeYearByDefault) {
  EXPECT_EQ(
      Dispatch({"period", "create", "--agency", "A1", "--year", "2025", "--deadline", "2025-01-31",
                "--cadence", "monthly", "--request-id", "r-1", "--token", "secret"},
               env_),
      kExitOk)
      << err_.str();
  EXPECT_EQ(opened_addr_, "goals:1");  // GOALS_ADDR, not EMPLOYEE_ADDR
  EXPECT_THAT(out_.str(), HasSubstr("Period PER1\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  dates:                2025-01-01 .. 2025-12-31\n"));
  EXPECT_THAT(out_.str(), HasSubstr("monthly (bulanan)"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.authorization_, "Bearer secret");
  const v1::Period& sent = service_.create_period_.period();
  EXPECT_EQ(sent.agency_id(), "A1");
  EXPECT_EQ(sent.year(), 2025);
  EXPECT_EQ(Day(sent.start_date()), "2025-01-01");
  EXPECT_EQ(Day(sent.end_date()), "2025-12-31");
  EXPECT_EQ(Day(sent.filling_deadline()), "2025-01-31");
  EXPECT_EQ(sent.cadence(), v1::CADENCE_MONTHLY);
  EXPECT_EQ(sent.name(), "Periode penilaian kinerja 2025");
  EXPECT_EQ(service_.create_period_.request_id(), "r-1");
}

TEST_F(GoalsCommandTest, PeriodCreateWithDatesNameAndDefaultCadence) {
  EXPECT_EQ(Dispatch({"--goals-addr", "g:2", "period", "create", "--agency=A1", "--year=2026",
                      "--deadline=2026-03-31", "--start=2026-02-01", "--end=2026-11-30", "--name",
                      "SKP 2026", "--json"},
                     env_),
            kExitOk)
      << err_.str();
  EXPECT_EQ(opened_addr_, "g:2");  // a leading --goals-addr wins over GOALS_ADDR
  EXPECT_THAT(out_.str(), HasSubstr("\"cadence\": \"CADENCE_QUARTERLY\""));
  std::lock_guard<std::mutex> lock(service_.mu_);
  const v1::Period& sent = service_.create_period_.period();
  EXPECT_EQ(Day(sent.start_date()), "2026-02-01");
  EXPECT_EQ(Day(sent.end_date()), "2026-11-30");
  EXPECT_EQ(sent.cadence(), v1::CADENCE_QUARTERLY);
  EXPECT_EQ(sent.name(), "SKP 2026");
  EXPECT_TRUE(service_.create_period_.request_id().empty());
  EXPECT_TRUE(service_.authorization_.empty());
}

TEST_F(GoalsCommandTest, PeriodCreateUsageErrorsNameTheFlag) {
  const std::vector<std::string> ok = {"period", "create",     "--agency",
                                       "A1",     "--deadline", "2025-01-31"};
  struct Case {
    std::vector<std::string> extra;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{}, "missing required flag --year"},
      {{"--year", "20x5"}, "--year must be a whole number"},
      {{"--year", "2025", "--cadence", "weekly"}, "--cadence must be monthly or quarterly"},
      {{"--year", "2025", "--start", "2025-01-01"}, "--start needs --end"},
      {{"--year", "2025", "--end", "2025-12-31"}, "--end needs --start"},
      {{"--year", "2025", "--start", "2025-02-30", "--end", "2025-12-31"},
       "--start must be a date"},
      {{"--year", "2025", "--start", "2025-06-01", "--end", "2025-05-31"},
       "--end must not be before --start"},
      {{"--year", "2025", "--name="}, "--name must not be empty"},
      {{"--year", "2025", "--request-id="}, "--request-id must not be empty"},
      {{"--year", "2025", "extra"}, "unexpected \"extra\""},
      {{"--year", "2025", "--addr", "h:1"}, "unknown flag --addr"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = ok;
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    err_.str("");
    EXPECT_EQ(Dispatch(args, env_), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr("kinerja period create: " + c.message));
    EXPECT_THAT(err_.str(), HasSubstr("Run 'kinerja period create --help'"));
  }
  err_.str("");
  EXPECT_EQ(Dispatch({"period", "create", "--year", "2025", "--deadline", "2025-01-31"}, env_),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("missing required flag --agency"));
  err_.str("");
  EXPECT_EQ(
      Dispatch({"period", "create", "--agency", "A", "--year", "2025", "--deadline", "31-01-2025"},
               env_),
      kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--deadline must be a date YYYY-MM-DD"));
  err_.str("");
  goals_addr_set_ = false;
  EXPECT_EQ(Dispatch({"period", "list"}, env_), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("missing --goals-addr (or GOALS_ADDR)"));
  EXPECT_TRUE(opened_addr_.empty());  // usage errors never reach the server
}

TEST_F(GoalsCommandTest, AddResultAppendsToTheReadPlanWithItsEtag) {
  EXPECT_EQ(
      Dispatch({"plan", "add-result", "P9", "--text", "Sekolah dasar terakreditasi", "--parent",
                "H1", "--indicator", "Sekolah terakreditasi A;quality;80;90;%", "--indicator",
                "Laporan akreditasi; time ;12;12;bulan", "--request-id", "r-2"},
               env_),
      kExitOk)
      << err_.str();
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.get_plan_calls_, 1);
    const v1::UpdatePlanRequest& sent = service_.update_plan_;
    EXPECT_THAT(sent.update_mask().paths(), ElementsAre("results"));
    EXPECT_EQ(sent.plan().id(), "P9");
    EXPECT_EQ(sent.plan().etag(), "7");
    EXPECT_EQ(sent.request_id(), "r-2");
    ASSERT_EQ(sent.plan().results_size(), 2);
    EXPECT_EQ(sent.plan().results(0).id(), "R1");  // the existing result is kept, with its id
    EXPECT_EQ(sent.plan().results(0).indicators_size(), 1);
    const v1::WorkResult& added = sent.plan().results(1);
    EXPECT_TRUE(added.id().empty());
    EXPECT_EQ(added.kind(), v1::RESULT_KIND_MAIN);
    EXPECT_EQ(added.text(), "Sekolah dasar terakreditasi");
    EXPECT_EQ(added.parent_result_id(), "H1");
    EXPECT_EQ(added.perspective(), v1::PERSPECTIVE_UNSPECIFIED);
    ASSERT_EQ(added.indicators_size(), 2);
    EXPECT_EQ(added.indicators(0).text(), "Sekolah terakreditasi A");
    EXPECT_EQ(added.indicators(0).aspect(), v1::ASPECT_QUALITY);
    EXPECT_EQ(added.indicators(0).target_min(), 80);
    EXPECT_EQ(added.indicators(0).target_max(), 90);
    EXPECT_EQ(added.indicators(0).target_unit(), "%");
    EXPECT_EQ(added.indicators(1).aspect(), v1::ASPECT_TIME);
    EXPECT_EQ(added.indicators(1).target_unit(), "bulan");
  }
  EXPECT_THAT(out_.str(), HasSubstr("  2. Sekolah dasar terakreditasi\n"
                                    "     id R2; intervensi dari (cascades from) H1\n"
                                    "     IKI: Sekolah terakreditasi A (kualitas, target 80-90 %)\n"
                                    "     IKI: Laporan akreditasi (waktu, target 12 bulan)\n"));

  // An additional result with a perspective.
  out_.str("");
  EXPECT_EQ(Dispatch({"plan", "add-result", "P9", "--text", "Piket", "--additional",
                      "--perspective", "budget", "--indicator", "Jadwal;quantity;1;1;jadwal"},
                     env_),
            kExitOk)
      << err_.str();
  std::lock_guard<std::mutex> lock(service_.mu_);
  const v1::WorkResult& added = service_.update_plan_.plan().results(1);
  EXPECT_EQ(added.kind(), v1::RESULT_KIND_ADDITIONAL);
  EXPECT_EQ(added.perspective(), v1::PERSPECTIVE_BUDGET);
  EXPECT_TRUE(added.parent_result_id().empty());
}

TEST_F(GoalsCommandTest, AddResultUsageErrorsNeverCallTheServer) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--text", "T", "--indicator", "Dokumen;speed;1;1;dokumen"},
       "--indicator \"Dokumen;speed;1;1;dokumen\": aspect must be quantity, quality, time or "
       "cost (got \"speed\")"},
      {{"--text", "T", "--indicator", "ok;quantity;1;1;x", "--indicator", "bad;quantity;1"},
       "--indicator \"bad;quantity;1\": expected TEXT;ASPECT;MIN;MAX;UNIT"},
      {{"--text", "T"}, "missing required flag --indicator"},
      {{"--indicator", "a;quantity;1;1;x"}, "missing required flag --text"},
      {{"--text", "T", "--indicator", "a;quantity;1;1;x", "--perspective", "money"},
       "--perspective must be"},
      {{"--text", "T", "--indicator", "a;quantity;1;1;x", "--additional", "--parent", "H1"},
       "--parent does not go with --additional"},
      {{"--text", "T", "--indicator", "a;quantity;1;1;x", "--text", "U"},
       "--text given more than once"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"plan", "add-result", "P1"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    err_.str("");
    EXPECT_EQ(Dispatch(args, env_), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr("kinerja plan add-result: " + c.message));
  }
  err_.str("");
  EXPECT_EQ(Dispatch({"plan", "add-result", "--text", "T", "--indicator", "a;time;1;1;x"}, env_),
            kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("kinerja plan add-result: missing plan ID"));
  EXPECT_TRUE(opened_addr_.empty());
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.get_plan_calls_, 0);
  EXPECT_EQ(service_.update_plan_calls_, 0);
}

TEST_F(GoalsCommandTest, AddResultRejectedPrintsTheFieldViolation) {
  EXPECT_EQ(
      Dispatch({"plan", "add-result", "LOCKED", "--text", "T", "--indicator", "a;quantity;1;1;x"},
               env_),
      kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("kinerja plan add-result: call to goals:1 failed: "
                                    "INVALID_ARGUMENT"));
  EXPECT_THAT(err_.str(),
              HasSubstr("  field plan.results[1].perspective: required for a JPT plan's result\n"));
  EXPECT_TRUE(out_.str().empty());

  // A plan that cannot be read is never updated.
  err_.str("");
  EXPECT_EQ(
      Dispatch({"plan", "add-result", "MISSING", "--text", "T", "--indicator", "a;quantity;1;1;x"},
               env_),
      kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("NOT_FOUND: no plan MISSING"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.update_plan_calls_, 1);
}

TEST_F(GoalsCommandTest, ApprovePrintsTheNewState) {
  EXPECT_EQ(Dispatch({"plan", "approve", "P7", "--request-id", "r-3", "--etag", "5"}, env_),
            kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str(), "plan P7 (Andi): APPROVED, revision 1\n");
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.approve_.id(), "P7");
    EXPECT_EQ(service_.approve_.etag(), "5");
    EXPECT_EQ(service_.approve_.request_id(), "r-3");
  }
  out_.str("");
  EXPECT_EQ(Dispatch({"plan", "approve", "P7", "--json"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"state\": \"PLAN_STATE_APPROVED\""));
}

TEST_F(GoalsCommandTest, ReturnSendsTheNoteAndNeedsOne) {
  EXPECT_EQ(Dispatch({"plan", "return", "P7", "--note", "Tambahkan IKI kualitas"}, env_), kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr(": RETURNED, revision 1\n"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.return_.note(), "Tambahkan IKI kualitas");
  }
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"plan", "return", "P7"}, "kinerja plan return: missing required flag --note"},
      {{"plan", "revise", "P7"}, "kinerja plan revise: missing required flag --reason"},
      {{"plan", "approve", "P7", "--note", "x"}, "kinerja plan approve: unknown flag --note"},
      {{"plan", "submit"}, "kinerja plan submit: missing plan ID"},
      {{"plan", "submit", "P1", "P2"}, "kinerja plan submit: unexpected \"P2\""},
      {{"plan", "get"}, "kinerja plan get: missing plan ID"},
      {{"plan", "create", "--period", "PER1"}, "missing --employee-id or --nip"},
      {{"plan", "list", "--page-size", "0"}, "kinerja plan list: --page-size must be"},
      {{"plan", "delete", "P1"}, "kinerja plan: unknown subcommand \"delete\""},
      {{"cascade"}, "kinerja cascade: missing plan ID"},
      {{"period"}, "kinerja period: missing what to do"},
  };
  for (const Case& c : cases) {
    err_.str("");
    opened_addr_.clear();
    EXPECT_EQ(Dispatch(c.args, env_), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
    EXPECT_TRUE(opened_addr_.empty()) << c.message;
  }
}

TEST_F(GoalsCommandTest, ErrorAnswerPrintsCodeMessageAndReason) {
  EXPECT_EQ(Dispatch({"plan", "submit", "LATE"}, env_), kExitFailure);
  EXPECT_EQ(err_.str(),
            "kinerja plan submit: call to goals:1 failed: FAILED_PRECONDITION: the filling "
            "deadline of period PER1 was 2025-01-31\n"
            "  reason: FILLING_DEADLINE_PASSED (domain goals)\n");
  EXPECT_TRUE(out_.str().empty());
}

TEST_F(GoalsCommandTest, CascadePrintsNestedReportsOrphansAndUncovered) {
  EXPECT_EQ(Dispatch({"cascade", "P1"}, env_), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(),
            "Cascade tree (pohon kinerja): 3 plans, 5 results\n"
            "Kadis, Kepala Dinas, APPROVED  (plan P1)\n"
            "  - RHK utama: Mutu pendidikan meningkat  [2 cascading]\n"
            "  - RHK utama: Anggaran terserap  [0 cascading]\n"
            "  Kabid, Kepala Bidang SD, APPROVED  (plan P2)\n"
            "    - RHK utama: Sekolah dasar terakreditasi  [1 cascading]\n"
            "    Staf, Pengadministrasi, SUBMITTED  (plan P3)\n"
            "      - RHK utama: Data akreditasi terkumpul  [0 cascading]\n"
            "      - RHK utama: Arsip tertata  [0 cascading]\n"
            "Orphans (RHK utama linked to no parent result):\n"
            "  Staf: Arsip tertata  (plan P3, result S2)\n"
            "Uncovered (results no report's result cascades from):\n"
            "  Kadis: Anggaran terserap  (plan P1, result H2)\n");
  out_.str("");
  EXPECT_EQ(Dispatch({"cascade", "P1", "--json"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"childResultIds\": [\n"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("Orphans")));
}

TEST_F(GoalsCommandTest, HelpPerGoalsCommand) {
  for (const char* command : {"period", "plan", "cascade"}) {
    out_.str("");
    EXPECT_EQ(Dispatch({command, "--help"}, env_), kExitOk) << command;
    EXPECT_THAT(out_.str(), HasSubstr(std::string("Usage: kinerja ") + command)) << command;
    EXPECT_THAT(out_.str(), HasSubstr("--goals-addr")) << command;
  }
  out_.str("");
  EXPECT_EQ(Dispatch({"plan", "add-result", "--help"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("TEXT;ASPECT;MIN;MAX;UNIT"));
  out_.str("");
  EXPECT_EQ(Dispatch({"--help"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("cascade PLAN_ID"));
  EXPECT_THAT(out_.str(), HasSubstr("--goals-addr"));
}

}  // namespace
}  // namespace kinerja::cli
