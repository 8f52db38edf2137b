// The review commands run in-process against a fake ReviewService (a real gRPC channel, no
// network, no database): argument parsing, rendering, the export writing one file per SIASN
// body, and the survey import streaming its file in chunks with progress.
#include <grpcpp/grpcpp.h>

#include <filesystem>
#include <fstream>
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
#include "kinerja/review/v1/review_service.grpc.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/dispatch.h"
#include "tools/cli/flags.h"
#include "tools/cli/review_args.h"
#include "tools/cli/review_commands.h"
#include "tools/cli/review_print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// ---- values ----

TEST(ReviewArgsTest, RatingsKindsAndPredicates) {
  EXPECT_EQ(ParseRating("results", "above").value_or(v1::RATING_UNSPECIFIED),
            v1::RATING_ABOVE_EXPECTATION);
  EXPECT_EQ(ParseRating("results", "as-expected").value_or(v1::RATING_UNSPECIFIED),
            v1::RATING_AS_EXPECTED);
  EXPECT_EQ(ParseRating("results", "below").value_or(v1::RATING_UNSPECIFIED),
            v1::RATING_BELOW_EXPECTATION);
  EXPECT_EQ(ParseRating("behaviour", "2").status().message(),
            "--behaviour must be above, as-expected or below (got \"2\")");
  EXPECT_EQ(ParseKind("kind", "annual").value_or(v1::ASSESSMENT_KIND_UNSPECIFIED),
            v1::ASSESSMENT_KIND_ANNUAL);
  EXPECT_EQ(ParseKind("kind", "periodic").value_or(v1::ASSESSMENT_KIND_UNSPECIFIED),
            v1::ASSESSMENT_KIND_PERIODIC);
  EXPECT_THAT(ParseKind("kind", "yearly").status().message(), HasSubstr("--kind must be"));
  EXPECT_EQ(ParseOrgPredicate("istimewa").value_or(v1::ORG_PREDICATE_UNSPECIFIED),
            v1::ORG_PREDICATE_ISTIMEWA);
  EXPECT_EQ(ParseOrgPredicate("butuh-perbaikan").value_or(v1::ORG_PREDICATE_UNSPECIFIED),
            v1::ORG_PREDICATE_BUTUH_PERBAIKAN);
  EXPECT_EQ(ParseOrgPredicate("sangat-kurang").value_or(v1::ORG_PREDICATE_UNSPECIFIED),
            v1::ORG_PREDICATE_SANGAT_KURANG);
  EXPECT_THAT(ParseOrgPredicate("Baik").status().message(), HasSubstr("--predicate must be"));
  EXPECT_EQ(ParseNonNegativeInt("grace-days", "0", 366).value_or(-1), 0);
  EXPECT_FALSE(ParseNonNegativeInt("grace-days", "367", 366).ok());
  EXPECT_FALSE(ParseNonNegativeInt("grace-days", "-1", 366).ok());
}

TEST(ReviewArgsTest, FilterQuotesValuesAndJoinsWithAnd) {
  auto parsed = ParsedArgs::Parse({"--unit", "U\"1\\", "--agency", "A1", "--filter", "x = 1"},
                                  FlagSpec{{"agency", "unit", "period", "filter"}, {}});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(
      BuildFilter(*parsed, {{"agency", "agency_id"}, {"period", "period_id"}, {"unit", "unit_id"}},
                  {"state = \"DRAFT\""}),
      "agency_id = \"A1\" AND unit_id = \"U\\\"1\\\\\" AND state = \"DRAFT\" AND x = 1");
  auto none = ParsedArgs::Parse({}, FlagSpec{{"agency"}, {}});
  EXPECT_EQ(BuildFilter(*none, {{"agency", "agency_id"}}), "");
}

TEST(ReviewArgsTest, ExportFileNamesStayInTheDirectory) {
  EXPECT_EQ(ExportFileName("skp22/save", "AS-1").value_or(""), "skp22-save_AS-1.json");
  EXPECT_EQ(ExportFileName("kinerjaperiodik/save", "b7e1.2").value_or(""),
            "kinerjaperiodik-save_b7e1.2.json");
  for (const char* id : {"", ".", "..", "../x", "a/b", "a b", "a\\b"}) {
    EXPECT_FALSE(ExportFileName("skp22/save", id).ok()) << id;
  }
  EXPECT_FALSE(ExportFileName("", "A1").ok());
  EXPECT_FALSE(ExportFileName("skp22 save", "A1").ok());
}

// ---- rendering ----

v1::Official Person(const std::string& name, const std::string& nip) {
  v1::Official o;
  o.set_name(name);
  o.set_nip(nip);
  o.set_employee_id("E-" + name);
  return o;
}

v1::Assessment SampleAssessment() {
  v1::Assessment a;
  a.set_id("AS1");
  a.set_plan_id("P1");
  a.set_plan_revision(2);
  a.set_kind(v1::ASSESSMENT_KIND_ANNUAL);
  a.mutable_window()->set_year(2025);
  a.mutable_window()->set_start_month(1);
  a.mutable_window()->set_end_month(12);
  a.mutable_window()->mutable_start_date()->set_year(2025);
  a.mutable_window()->mutable_start_date()->set_month(1);
  a.mutable_window()->mutable_start_date()->set_day(1);
  a.mutable_window()->mutable_end_date()->set_year(2025);
  a.mutable_window()->mutable_end_date()->set_month(12);
  a.mutable_window()->mutable_end_date()->set_day(31);
  *a.mutable_employee() = Person("Yosef Lado", "199001012015031003");
  *a.mutable_assessor() = Person("Magdalena Pandie", "197508152000032002");
  a.set_assessor_capacity(v1::CAPACITY_PLT);
  a.set_results_rating(v1::RATING_AS_EXPECTED);
  a.set_behaviour_rating(v1::RATING_ABOVE_EXPECTATION);
  a.set_predicate(v1::PREDICATE_BAIK);
  a.set_state(v1::ASSESSMENT_STATE_DRAFT);
  a.set_etag("4");
  return a;
}

TEST(ReviewPrintTest, PredicatesCarryTheirNationalCodes) {
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_SANGAT_BAIK), "Sangat Baik (1)");
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_BAIK), "Baik (2)");
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_BUTUH_PERBAIKAN), "Butuh Perbaikan (3)");
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_KURANG), "Kurang/Misconduct (4)");
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_SANGAT_KURANG), "Sangat Kurang (5)");
  EXPECT_EQ(PredicateLabel(v1::PREDICATE_UNSPECIFIED), "-");
  EXPECT_EQ(RatingLabel(v1::RATING_BELOW_EXPECTATION), "di bawah ekspektasi (3)");
  v1::Official mayor;
  mayor.set_name("Wali Kota Contoh");
  mayor.set_non_asn(true);
  EXPECT_EQ(FormatReviewOfficial(mayor), "[NON-ASN] Wali Kota Contoh");
}

TEST(ReviewPrintTest, AssessmentShowsWhoRatedInWhichCapacity) {
  std::string text = FormatAssessment(SampleAssessment());
  EXPECT_THAT(text, HasSubstr("Assessment AS1 (ANNUAL): DRAFT\n"));
  EXPECT_THAT(text, HasSubstr("  window:               2025 annual (2025-01-01 .. 2025-12-31)\n"));
  EXPECT_THAT(text, HasSubstr("  pejabat penilai:      Magdalena Pandie  NIP 197508152000032002 "
                              "[Plt]\n"));
  EXPECT_THAT(text, HasSubstr("  hasil kerja:          sesuai ekspektasi (2)\n"));
  EXPECT_THAT(text, HasSubstr("  perilaku kerja:       di atas ekspektasi (1)\n"));
  EXPECT_THAT(text, HasSubstr("  predikat kinerja:     Baik (2)\n"));
  EXPECT_THAT(AssessmentRow(SampleAssessment()),
              ElementsAre("AS1", "ANNUAL", "2025", "Yosef Lado", "199001012015031003", "Baik (2)",
                          "DRAFT", "-"));
}

// ---- commands against an in-process fake server ----

grpc::Status RuleViolation(const std::string& reason, const std::string& message) {
  google::rpc::Status details;
  details.set_code(grpc::FAILED_PRECONDITION);
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain("review");
  details.add_details()->PackFrom(info);
  return grpc::Status(grpc::FAILED_PRECONDITION, message, details.SerializeAsString());
}

v1::Predicate Derive(v1::Rating results, v1::Rating behaviour) {
  if (behaviour == v1::RATING_BELOW_EXPECTATION) {
    return results == v1::RATING_BELOW_EXPECTATION ? v1::PREDICATE_SANGAT_KURANG
                                                   : v1::PREDICATE_KURANG;
  }
  if (results == v1::RATING_BELOW_EXPECTATION) return v1::PREDICATE_BUTUH_PERBAIKAN;
  if (results == v1::RATING_ABOVE_EXPECTATION && behaviour == v1::RATING_ABOVE_EXPECTATION) {
    return v1::PREDICATE_SANGAT_BAIK;
  }
  return v1::PREDICATE_BAIK;
}

class FakeReviewService final : public v1::ReviewService::Service {
 public:
  grpc::Status GetReviewPolicy(grpc::ServerContext*, const v1::GetReviewPolicyRequest* request,
                               v1::ReviewPolicy* policy) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++get_policy_calls_;
    *policy = policy_;
    policy->set_agency_id(request->agency_id());
    return grpc::Status::OK;
  }

  grpc::Status UpdateReviewPolicy(grpc::ServerContext*,
                                  const v1::UpdateReviewPolicyRequest* request,
                                  v1::ReviewPolicy* policy) override {
    std::lock_guard<std::mutex> lock(mu_);
    update_policy_ = *request;
    *policy = request->policy();
    policy->set_etag("4");
    return grpc::Status::OK;
  }

  // Unit "DINAS" is not led from one level above by the caller.
  grpc::Status SetOrgPredicate(grpc::ServerContext* context,
                               const v1::SetOrgPredicateRequest* request,
                               v1::OrgPredicateDecision* decision) override {
    std::lock_guard<std::mutex> lock(mu_);
    authorization_ = Authorization(*context);
    set_org_ = *request;
    if (request->unit_id() == "DINAS") {
      return grpc::Status(grpc::PERMISSION_DENIED,
                          "only the leader one level up of the day sets the unit's predicate");
    }
    decision->set_id("OP1");
    decision->set_unit_id(request->unit_id());
    decision->set_period_id(request->period_id());
    decision->set_predicate(request->predicate());
    *decision->mutable_decided_by() = Person("Daniel Tefa", "197003091997071001");
    decision->set_capacity(v1::CAPACITY_DEFINITIVE);
    return grpc::Status::OK;
  }

  grpc::Status RateAssessment(grpc::ServerContext*, const v1::RateAssessmentRequest* request,
                              v1::Assessment* assessment) override {
    std::lock_guard<std::mutex> lock(mu_);
    rate_ = *request;
    *assessment = SampleAssessment();
    assessment->set_plan_id(request->plan_id());
    assessment->set_kind(request->kind());
    assessment->set_results_rating(request->results_rating());
    assessment->set_behaviour_rating(request->behaviour_rating());
    assessment->set_predicate(Derive(request->results_rating(), request->behaviour_rating()));
    *assessment->mutable_behaviour_values() = request->behaviour_values();
    return grpc::Status::OK;
  }

  grpc::Status FinaliseAssessment(grpc::ServerContext*,
                                  const v1::FinaliseAssessmentRequest* request,
                                  v1::Assessment* assessment) override {
    std::lock_guard<std::mutex> lock(mu_);
    finalise_ = *request;
    if (request->distribution_justification().empty()) {
      return RuleViolation("JUSTIFICATION_REQUIRED",
                           "the unit's distribution breaks its Baik bands: BAIK_AT_MOST 70%");
    }
    *assessment = SampleAssessment();
    assessment->set_id(request->id());
    assessment->set_state(v1::ASSESSMENT_STATE_FINALISED);
    assessment->add_distribution_findings("BAIK_AT_MOST 70%: 1 of 1");
    return grpc::Status::OK;
  }

  grpc::Status ListAssessments(grpc::ServerContext*, const v1::ListAssessmentsRequest* request,
                               v1::ListAssessmentsResponse* response) override {
    std::lock_guard<std::mutex> lock(mu_);
    list_filter_ = request->filter();
    *response->add_assessments() = SampleAssessment();
    return grpc::Status::OK;
  }

  grpc::Status DecideObjection(grpc::ServerContext*, const v1::DecideObjectionRequest* request,
                               v1::Objection* objection) override {
    std::lock_guard<std::mutex> lock(mu_);
    decide_ = *request;
    objection->set_id(request->id());
    objection->set_assessment_id("AS1");
    objection->set_state(v1::OBJECTION_STATE_DECIDED);
    objection->set_results_before(v1::RATING_AS_EXPECTED);
    objection->set_behaviour_before(v1::RATING_ABOVE_EXPECTATION);
    objection->set_results_rating(request->results_rating());
    objection->set_behaviour_rating(request->behaviour_rating());
    objection->set_predicate_before(v1::PREDICATE_BAIK);
    objection->set_predicate_after(Derive(request->results_rating(), request->behaviour_rating()));
    objection->set_changed(objection->predicate_after() != objection->predicate_before());
    *objection->mutable_decided_by() = Person("Daniel Tefa", "197003091997071001");
    objection->set_capacity(v1::CAPACITY_PLH);
    objection->set_decision_note(request->note());
    return grpc::Status::OK;
  }

  grpc::Status FileObjection(grpc::ServerContext*, const v1::FileObjectionRequest* request,
                             v1::Objection* objection) override {
    std::lock_guard<std::mutex> lock(mu_);
    file_ = *request;
    objection->set_id("OB1");
    objection->set_assessment_id(request->assessment_id());
    objection->set_state(v1::OBJECTION_STATE_FILED);
    objection->set_employee_explanation(request->explanation());
    return grpc::Status::OK;
  }

  grpc::Status ListObjections(grpc::ServerContext*, const v1::ListObjectionsRequest* request,
                              v1::ListObjectionsResponse*) override {
    std::lock_guard<std::mutex> lock(mu_);
    list_filter_ = request->filter();
    return grpc::Status::OK;
  }

  // Streams `export_records_`, then ends with `export_status_`.
  grpc::Status ExportAssessments(grpc::ServerContext*, const v1::ExportAssessmentsRequest* request,
                                 grpc::ServerWriter<v1::ExportRecord>* writer) override {
    std::vector<v1::ExportRecord> records;
    grpc::Status status;
    {
      std::lock_guard<std::mutex> lock(mu_);
      export_ = *request;
      records = export_records_;
      status = export_status_;
    }
    for (const v1::ExportRecord& record : records) {
      if (!writer->Write(record)) break;
    }
    return status;
  }

  // Reads the header and the chunks; every line after the CSV header whose text contains "bad"
  // fails on its field "ikm".
  grpc::Status ImportSurveyResults(grpc::ServerContext*,
                                   grpc::ServerReader<v1::ImportSurveyResultsRequest>* reader,
                                   v1::ImportSurveyResultsSummary* summary) override {
    v1::ImportSurveyResultsRequest message;
    std::lock_guard<std::mutex> lock(mu_);
    import_messages_.clear();
    import_data_.clear();
    while (reader->Read(&message)) {
      import_messages_.push_back(message.part_case());
      if (message.has_header()) import_header_ = message.header();
      if (message.part_case() == v1::ImportSurveyResultsRequest::kData) {
        import_data_ += message.data();
      }
    }
    std::istringstream lines(import_data_);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      if (++number == 1) continue;  // the CSV header
      summary->set_received(summary->received() + 1);
      if (line.find("bad") != std::string::npos) {
        summary->set_failed(summary->failed() + 1);
        v1::SurveyImportError* error = summary->add_errors();
        error->set_line(number);
        error->set_field("ikm");
        error->set_message("must be a number from 0 to 100");
      } else {
        summary->set_created(summary->created() + 1);
      }
    }
    summary->set_dry_run(import_header_.dry_run());
    return grpc::Status::OK;
  }

  static std::string Authorization(const grpc::ServerContext& context) {
    auto it = context.client_metadata().find("authorization");
    if (it == context.client_metadata().end()) return "";
    return std::string(it->second.data(), it->second.size());
  }

  std::mutex mu_;
  std::string authorization_;
  v1::ReviewPolicy policy_;
  int get_policy_calls_ = 0;
  v1::UpdateReviewPolicyRequest update_policy_;
  v1::SetOrgPredicateRequest set_org_;
  v1::RateAssessmentRequest rate_;
  v1::FinaliseAssessmentRequest finalise_;
  v1::DecideObjectionRequest decide_;
  v1::FileObjectionRequest file_;
  std::string list_filter_;
  v1::ExportAssessmentsRequest export_;
  std::vector<v1::ExportRecord> export_records_;
  grpc::Status export_status_;
  std::vector<v1::ImportSurveyResultsRequest::PartCase> import_messages_;
  v1::SurveyImportHeader import_header_;
  std::string import_data_;
};

v1::ExportRecord Record(const std::string& id, const std::string& endpoint,
                        const std::string& reason, int kuadran) {
  v1::ExportRecord record;
  record.set_assessment_id(id);
  record.set_endpoint(endpoint);
  record.set_kind(endpoint == "skp22/save" ? v1::ASSESSMENT_KIND_ANNUAL
                                           : v1::ASSESSMENT_KIND_PERIODIC);
  record.set_reason(reason);
  record.set_body_json("{\"hasilKinerjaNilai\":2,\"kuadranKinerjaNilai\":" +
                       std::to_string(kuadran) + ",\"tahun\":2025}");
  return record;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReviewCommandTest : public ::testing::Test {
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
      if (name == "REVIEW_ADDR" && review_addr_set_) return "review:1";
      if (name == "GOALS_ADDR") return "goals:1";
      if (name == "KINERJA_TOKEN") return "tok";
      return std::nullopt;
    };
    env_.open_channel = [this](const std::string& addr) {
      opened_addr_ = addr;
      return channel_;
    };
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / ("review-cli-" + std::string(info->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    server_->Shutdown();
    fs::remove_all(dir_);
  }

  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    return Dispatch(args, env_);
  }

  FakeReviewService service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::ostringstream out_, err_;
  CliEnv env_;
  bool review_addr_set_ = true;
  std::string opened_addr_;
  fs::path dir_;
};

TEST_F(ReviewCommandTest, PolicySetWritesBackOnlyTheGivenSettingsWithTheReadEtag) {
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    service_.policy_.set_objection_days(14);
    service_.policy_.set_anonymity_threshold(3);
    service_.policy_.set_koefisien_id("K7");
    service_.policy_.set_etag("3");
  }
  EXPECT_EQ(Run({"review", "policy", "set", "--agency", "A1", "--working-days", "--holiday",
                 "2025-03-31", "--holiday=2025-04-18", "--distribution", "block", "--grace-days",
                 "0", "--request-id", "r-1"}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(opened_addr_, "review:1");
  EXPECT_THAT(out_.str(), HasSubstr("  objection window:     14 working days from delivery\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  holidays:             2025-03-31, 2025-04-18\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  distribution:         block finalisation\n"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  const v1::UpdateReviewPolicyRequest& sent = service_.update_policy_;
  EXPECT_THAT(sent.update_mask().paths(),
              ElementsAre("objection_working_days", "holidays", "distribution_block",
                          "realisation_grace_days"));
  EXPECT_EQ(sent.policy().agency_id(), "A1");
  EXPECT_EQ(sent.policy().etag(), "3");
  EXPECT_EQ(sent.policy().objection_days(), 14);  // as read
  EXPECT_EQ(sent.policy().koefisien_id(), "K7");  // as read
  EXPECT_TRUE(sent.policy().objection_working_days());
  ASSERT_EQ(sent.policy().holidays_size(), 2);
  EXPECT_EQ(FormatDate(sent.policy().holidays(1)), "2025-04-18");
  EXPECT_TRUE(sent.policy().distribution_block());
  EXPECT_EQ(sent.policy().realisation_grace_days(), 0);
  EXPECT_EQ(sent.request_id(), "r-1");
}

TEST_F(ReviewCommandTest, UsageErrorsNeverReachTheServer) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"review", "policy", "set", "--agency", "A1"},
       "kinerja review policy set: nothing to change"},
      {{"review", "policy", "set", "--agency", "A1", "--working-days", "--calendar-days"},
       "give only one of --working-days and --calendar-days"},
      {{"review", "policy", "set", "--agency", "A1", "--holiday", "2025-02-30"},
       "--holiday must be a date"},
      {{"review", "policy", "set", "--agency", "A1", "--distribution", "maybe"},
       "--distribution must be block or warn"},
      {{"review", "policy", "get"}, "kinerja review policy get: missing required flag --agency"},
      {{"review", "org-predicate", "set", "--unit", "U", "--period", "P", "--predicate", "good"},
       "--predicate must be istimewa"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual", "--window-date", "2025-03-01",
        "--behaviour", "above"},
       "kinerja review rate: --window-date does not go with --kind annual"},
      {{"review", "rate", "--plan", "P1", "--kind", "periodic", "--behaviour", "above"},
       "--kind periodic needs --window-date"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual", "--results", "good", "--behaviour",
        "above"},
       "--results must be above, as-expected or below"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual"}, "missing required flag --behaviour"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual", "--behaviour", "above", "--value",
        "accountable"},
       "--value must be VALUE=RATING"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual", "--behaviour", "above", "--value",
        "akuntabel=below"},
       "--value: the core value must be service-oriented"},
      {{"review", "rate", "--plan", "P1", "--kind", "annual", "--behaviour", "above", "--value",
        "loyal=good"},
       "--value must be above, as-expected or below"},
      {{"review", "finalise"}, "kinerja review finalise: missing assessment ID"},
      {{"review", "finalise", "AS1", "--justification="}, "--justification must not be empty"},
      {{"review", "objection", "decide", "OB1", "--results", "above", "--behaviour", "above"},
       "kinerja review objection decide: missing required flag --note"},
      {{"review", "objection", "file", "--explanation", "x"}, "missing assessment ID"},
      {{"review", "objection", "list", "--state", "open"}, "--state must be filed or decided"},
      {{"review", "assessments", "list", "--state", "final"}, "--state must be draft or finalised"},
      {{"review", "export", "--agency", "A1", "--period", "P1", "--subunits", "--out", "d"},
       "--subunits needs --unit"},
      {{"review", "export", "--agency", "A1", "--period", "P1"}, "missing required flag --out"},
      {{"review", "import-surveys", "--agency", "A1"}, "missing FILE to import"},
      {{"review", "import-surveys", "a.csv"}, "missing required flag --agency"},
      {{"review", "objection", "withdraw", "OB1"},
       "kinerja review objection: unknown subcommand \"withdraw\""},
      {{"review", "appeal"}, "kinerja review: unknown subcommand \"appeal\""},
      {{"review", "rate", "--goals-addr", "g:1"}, "unknown flag --goals-addr"},
  };
  for (const Case& c : cases) {
    opened_addr_.clear();
    EXPECT_EQ(Run(c.args), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
    EXPECT_TRUE(opened_addr_.empty()) << c.message;
  }
  review_addr_set_ = false;
  EXPECT_EQ(Run({"review", "assessments", "list"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("missing --review-addr (or REVIEW_ADDR)"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.get_policy_calls_, 0);
}

TEST_F(ReviewCommandTest, OrgPredicateSetAndARefusal) {
  EXPECT_EQ(Run({"--review-addr", "r:9", "review", "org-predicate", "set", "--unit", "BIDANG",
                 "--period", "PER1", "--predicate", "butuh-perbaikan", "--note", "IKU tercapai 60%",
                 "--token", "secret"}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(opened_addr_, "r:9");  // a leading --review-addr wins over REVIEW_ADDR
  EXPECT_THAT(out_.str(), HasSubstr("Organisation predicate OP1: Butuh Perbaikan\n"));
  EXPECT_THAT(
      out_.str(),
      HasSubstr("  decided by:           Daniel Tefa  NIP 197003091997071001 [definitif]\n"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.authorization_, "Bearer secret");
    EXPECT_EQ(service_.set_org_.unit_id(), "BIDANG");
    EXPECT_EQ(service_.set_org_.period_id(), "PER1");
    EXPECT_EQ(service_.set_org_.predicate(), v1::ORG_PREDICATE_BUTUH_PERBAIKAN);
    EXPECT_EQ(service_.set_org_.note(), "IKU tercapai 60%");
  }
  EXPECT_EQ(Run({"review", "org-predicate", "set", "--unit", "DINAS", "--period", "PER1",
                 "--predicate", "baik"}),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("kinerja review org-predicate set: call to review:1 failed: "
                                    "PERMISSION_DENIED: only the leader one level up"));
  EXPECT_TRUE(out_.str().empty());
}

TEST_F(ReviewCommandTest, RateSendsEveryFieldAndPrintsTheDerivedPredicate) {
  EXPECT_EQ(Run({"review",           "rate",
                 "--plan",           "P7",
                 "--kind",           "periodic",
                 "--window-date",    "2025-05-20",
                 "--results",        "above",
                 "--behaviour",      "above",
                 "--results-note",   "Target terlampaui",
                 "--behaviour-note", "Kolaboratif",
                 "--etag",           "2",
                 "--value",          "collaborative=above",
                 "--value",          "accountable=below"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("  predikat kinerja:     Sangat Baik (1)\n"));
  EXPECT_THAT(out_.str(), HasSubstr("    Kolaboratif:        di atas ekspektasi (1)\n"));
  EXPECT_THAT(out_.str(), HasSubstr("    Akuntabel:          di bawah ekspektasi (3)\n"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    const v1::RateAssessmentRequest& sent = service_.rate_;
    EXPECT_EQ(sent.plan_id(), "P7");
    EXPECT_EQ(sent.kind(), v1::ASSESSMENT_KIND_PERIODIC);
    EXPECT_EQ(FormatDate(sent.window_date()), "2025-05-20");
    EXPECT_EQ(sent.results_rating(), v1::RATING_ABOVE_EXPECTATION);
    EXPECT_EQ(sent.behaviour_rating(), v1::RATING_ABOVE_EXPECTATION);
    EXPECT_EQ(sent.results_note(), "Target terlampaui");
    EXPECT_EQ(sent.behaviour_note(), "Kolaboratif");
    EXPECT_EQ(sent.etag(), "2");
    ASSERT_EQ(sent.behaviour_values_size(), 2);
    EXPECT_EQ(sent.behaviour_values(0).value(), v1::CORE_VALUE_COLLABORATIVE);
    EXPECT_EQ(sent.behaviour_values(0).rating(), v1::RATING_ABOVE_EXPECTATION);
    EXPECT_EQ(sent.behaviour_values(1).value(), v1::CORE_VALUE_ACCOUNTABLE);
    EXPECT_EQ(sent.behaviour_values(1).rating(), v1::RATING_BELOW_EXPECTATION);
  }
  // A unit head: the results rating follows the unit and is left out.
  EXPECT_EQ(
      Run({"review", "rate", "--plan", "P8", "--kind", "annual", "--behaviour", "below", "--json"}),
      kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\"predicate\": \"PREDICATE_KURANG\""));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.rate_.results_rating(), v1::RATING_UNSPECIFIED);
  EXPECT_FALSE(service_.rate_.has_window_date());
}

TEST_F(ReviewCommandTest, FinaliseNeedsTheJustificationTheServiceAsksFor) {
  EXPECT_EQ(Run({"review", "finalise", "AS1"}), kExitFailure);
  EXPECT_EQ(err_.str(),
            "kinerja review finalise: call to review:1 failed: FAILED_PRECONDITION: the unit's "
            "distribution breaks its Baik bands: BAIK_AT_MOST 70%\n"
            "  reason: JUSTIFICATION_REQUIRED (domain review)\n");
  EXPECT_EQ(Run({"review", "finalise", "AS1", "--justification", "Unit of one person",
                 "--request-id", "f-1"}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str(),
            "assessment AS1 (Yosef Lado): FINALISED, predikat kinerja Baik (2)\n"
            "  distribution: BAIK_AT_MOST 70%: 1 of 1\n");
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.finalise_.distribution_justification(), "Unit of one person");
  EXPECT_EQ(service_.finalise_.request_id(), "f-1");
}

TEST_F(ReviewCommandTest, ListFiltersComeFromTheFlags) {
  EXPECT_EQ(Run({"review", "assessments", "list", "--agency", "A1", "--period", "PER1", "--kind",
                 "annual", "--state", "finalised", "--nip", "199001012015031003"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("ID   KIND    WINDOW  EMPLOYEE"));
  EXPECT_THAT(out_.str(), HasSubstr("AS1  ANNUAL  2025    Yosef Lado"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.list_filter_,
              "agency_id = \"A1\" AND period_id = \"PER1\" AND employee_nip = "
              "\"199001012015031003\" AND kind = \"ANNUAL\" AND state = \"FINALISED\"");
  }
  EXPECT_EQ(Run({"review", "objection", "list", "--assessment", "AS1", "--state", "filed"}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str(), "(none)\n");
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.list_filter_, "assessment_id = \"AS1\" AND state = \"FILED\"");
}

TEST_F(ReviewCommandTest, ObjectionFileAndDecide) {
  EXPECT_EQ(Run({"review", "objection", "file", "AS1", "--explanation", "Target tercapai"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("Objection (keberatan) OB1: FILED\n"));
  EXPECT_EQ(Run({"review", "objection", "decide", "OB1", "--results", "above", "--behaviour",
                 "above", "--note", "Bukti dukung lengkap"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("  decided by:           Daniel Tefa  NIP 197003091997071001 "
                                    "[Plh]\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  predikat kinerja:     Baik (2) -> Sangat Baik (1) "
                                    "(changed)\n"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.file_.assessment_id(), "AS1");
  EXPECT_EQ(service_.file_.explanation(), "Target tercapai");
  EXPECT_EQ(service_.decide_.results_rating(), v1::RATING_ABOVE_EXPECTATION);
  EXPECT_EQ(service_.decide_.behaviour_rating(), v1::RATING_ABOVE_EXPECTATION);
  EXPECT_EQ(service_.decide_.note(), "Bukti dukung lengkap");
}

TEST_F(ReviewCommandTest, ExportWritesOneFilePerBodyAndCountsNewAndChanged) {
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    service_.export_records_ = {Record("AS1", "skp22/save", "NEW", 2),
                                Record("AS2", "skp22/save", "CHANGED", 1),
                                Record("AS3", "kinerjaperiodik/save", "NEW", 3)};
  }
  const fs::path out = dir_ / "siasn" / "2025";  // created, parents too
  EXPECT_EQ(Run({"review", "export", "--agency", "A1", "--period", "PER1", "--unit", "U1",
                 "--subunits", "--kind", "annual", "--all", "--out", out.string()}),
            kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str(), "exported 3 records to " + out.string() +
                            ": 2 new, 1 changed\n"
                            "  kinerjaperiodik/save: 1\n"
                            "  skp22/save: 2\n");
  EXPECT_EQ(ReadFile(out / "skp22-save_AS1.json"),
            "{\"hasilKinerjaNilai\":2,\"kuadranKinerjaNilai\":2,\"tahun\":2025}\n");
  EXPECT_EQ(ReadFile(out / "skp22-save_AS2.json"),
            "{\"hasilKinerjaNilai\":2,\"kuadranKinerjaNilai\":1,\"tahun\":2025}\n");
  EXPECT_TRUE(fs::exists(out / "kinerjaperiodik-save_AS3.json"));
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out)) ++files;
  EXPECT_EQ(files, 3u);  // no temporary files left
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    const v1::ExportAssessmentsRequest& sent = service_.export_;
    EXPECT_EQ(sent.agency_id(), "A1");
    EXPECT_EQ(sent.period_id(), "PER1");
    EXPECT_EQ(sent.unit_id(), "U1");
    EXPECT_TRUE(sent.include_subunits());
    EXPECT_EQ(sent.kind(), v1::ASSESSMENT_KIND_ANNUAL);
    EXPECT_TRUE(sent.all());
  }
  // Nothing due: an empty summary; --json names every file.
  EXPECT_EQ(Run({"review", "export", "--agency", "A1", "--period", "PER1", "--out", out.string(),
                 "--json"}),
            kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\"records\": 3"));
  EXPECT_THAT(out_.str(), HasSubstr("\"changed\": 1"));
  EXPECT_THAT(out_.str(), HasSubstr((out / "skp22-save_AS2.json").string()));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_FALSE(service_.export_.all());
  EXPECT_EQ(service_.export_.kind(), v1::ASSESSMENT_KIND_UNSPECIFIED);
}

TEST_F(ReviewCommandTest, ExportRefusesANameThatLeavesTheDirectoryAndReportsAFailedStream) {
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    service_.export_records_ = {Record("AS1", "skp22/save", "NEW", 2),
                                Record("../../escape", "skp22/save", "NEW", 2),
                                Record("AS3", "skp22/save", "NEW", 2)};
  }
  const fs::path out = dir_ / "out";
  EXPECT_EQ(Run({"review", "export", "--agency", "A1", "--period", "PER1", "--out", out.string()}),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("an assessment id that cannot name a file: \"../../escape\""));
  EXPECT_THAT(err_.str(), HasSubstr("1 records were written before"));
  EXPECT_THAT(err_.str(), HasSubstr("re-run with --all"));
  EXPECT_TRUE(fs::exists(out / "skp22-save_AS1.json"));
  EXPECT_FALSE(fs::exists(out / "skp22-save_AS3.json"));
  EXPECT_FALSE(fs::exists(dir_ / "escape.json"));
  EXPECT_TRUE(out_.str().empty());

  // The service ends the stream with an error after one record.
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    service_.export_records_ = {Record("AS9", "skp22/save", "NEW", 2)};
    service_.export_status_ =
        RuleViolation("EXPORT_INCOMPLETE", "assessment AS10: employee_siasn_id is missing");
  }
  EXPECT_EQ(Run({"review", "export", "--agency", "A1", "--period", "PER1", "--out", out.string()}),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("FAILED_PRECONDITION: assessment AS10"));
  EXPECT_THAT(err_.str(), HasSubstr("reason: EXPORT_INCOMPLETE"));
  EXPECT_THAT(err_.str(), HasSubstr("1 records were written to " + out.string()));
  EXPECT_TRUE(fs::exists(out / "skp22-save_AS9.json"));
}

TEST_F(ReviewCommandTest, ImportSurveysStreamsTheFileInChunksWithProgress) {
  const std::string csv =
      "survey_id,unit_id,period_start,period_end,ikm,respondents\n"
      "IKM-DUKCAPIL,U1,2025-01-01,2025-06-30,82.5,400\n"
      "IKM-DUKCAPIL,U2,2025-01-01,2025-06-30,bad,400\n";
  const fs::path file = dir_ / "ikm.csv";
  std::ofstream(file, std::ios::binary) << csv;
  const std::vector<std::string> args = {"review", "import-surveys", "--agency",
                                         "A1",     file.string(),    "--dry-run"};
  EXPECT_EQ(RunReviewImportSurveysWithChunkSize(
                std::vector<std::string>(args.begin() + 1, args.end()), env_, 16),
            kExitFailure)
      << err_.str();
  EXPECT_EQ(out_.str(),
            "dry run (nothing written): received 2, created 1, updated 0, failed 1\n"
            "errors:\n"
            "  line 3: ikm: must be a number from 0 to 100\n");
  const std::string total = std::to_string(csv.size());
  EXPECT_THAT(err_.str(),
              HasSubstr("kinerja review import-surveys: sent 16 / " + total + " bytes (10%)\n"));
  EXPECT_THAT(err_.str(), HasSubstr("sent " + total + " / " + total + " bytes (100%)\n"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.import_header_.agency_id(), "A1");
    EXPECT_TRUE(service_.import_header_.dry_run());
    EXPECT_EQ(service_.import_data_, csv);  // every byte, in order
    const size_t chunks = (csv.size() + 15) / 16;
    ASSERT_EQ(service_.import_messages_.size(), chunks + 1);
    EXPECT_EQ(service_.import_messages_[0], v1::ImportSurveyResultsRequest::kHeader);
    for (size_t i = 1; i < service_.import_messages_.size(); ++i) {
      EXPECT_EQ(service_.import_messages_[i], v1::ImportSurveyResultsRequest::kData);
    }
  }

  // A clean file exits 0; through Dispatch, with the default chunk size: one data message.
  const fs::path clean = dir_ / "clean.csv";
  std::ofstream(clean, std::ios::binary) << csv.substr(0, csv.rfind("IKM-DUKCAPIL,U2"));
  EXPECT_EQ(Run({"review", "import-surveys", "--agency", "A1", clean.string()}), kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str(), "survey import finished: received 1, created 1, updated 0, failed 0\n");
  EXPECT_THAT(err_.str(), HasSubstr("(100%)"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.import_messages_.size(), 2u);
  EXPECT_FALSE(service_.import_header_.dry_run());
}

TEST_F(ReviewCommandTest, ImportOfAMissingFileFailsBeforeAnyCall) {
  EXPECT_EQ(Run({"review", "import-surveys", "--agency", "A1", (dir_ / "none.csv").string()}),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot open"));
  EXPECT_TRUE(opened_addr_.empty());
}

TEST_F(ReviewCommandTest, Help) {
  EXPECT_EQ(Run({"review", "--help"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Usage: kinerja review policy get"));
  EXPECT_THAT(out_.str(), HasSubstr("--review-addr"));
  EXPECT_EQ(Run({"review", "export", "--help"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("ENDPOINT_ASSESSMENTID.json"));
  EXPECT_EQ(Run({"--help"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("review export --agency ID --period ID"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("plan or cascade")));
}

}  // namespace
}  // namespace kinerja::cli
