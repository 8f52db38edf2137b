// Flag parsing, import chunking, rendering, and whole commands run in-process against a fake
// EmployeeService (a real gRPC channel, no network, no database).
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "kinerja/employee/v1/employee_service.grpc.pb.h"
#include "kinerja/employee/v1/events.pb.h"
#include "tools/cli/command.h"
#include "tools/cli/connection.h"
#include "tools/cli/dispatch.h"
#include "tools/cli/flags.h"
#include "tools/cli/import_command.h"
#include "tools/cli/print.h"

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::employee::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const FlagSpec kSpec{{"id", "addr"}, {"json", "all"}};

// ---- flags ----

TEST(ParsedArgsTest, ValuesBoolsAndPositionalsInAnyOrder) {
  auto parsed = ParsedArgs::Parse({"employee", "--id", "E1", "--json", "--addr=h:1", "x"}, kSpec);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("id"), "E1");
  EXPECT_EQ(parsed->Get("addr"), "h:1");
  EXPECT_TRUE(parsed->Has("json"));
  EXPECT_FALSE(parsed->Has("all"));
  EXPECT_THAT(parsed->positionals(), ElementsAre("employee", "x"));
}

TEST(ParsedArgsTest, DoubleDashEndsFlags) {
  auto parsed = ParsedArgs::Parse({"--json", "--", "--id", "-"}, kSpec);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positionals(), ElementsAre("--id", "-"));
  EXPECT_FALSE(parsed->Has("id"));
}

TEST(ParsedArgsTest, ErrorsNameTheFlag) {
  EXPECT_EQ(ParsedArgs::Parse({"--bogus"}, kSpec).status().message(), "unknown flag --bogus");
  EXPECT_EQ(ParsedArgs::Parse({"--id"}, kSpec).status().message(), "--id needs a value");
  EXPECT_EQ(ParsedArgs::Parse({"--id", "--json"}, kSpec).status().message(), "--id needs a value");
  EXPECT_EQ(ParsedArgs::Parse({"--json=yes"}, kSpec).status().message(), "--json takes no value");
  EXPECT_EQ(ParsedArgs::Parse({"--id", "a", "--id=b"}, kSpec).status().message(),
            "--id given more than once");
  EXPECT_THAT(ParsedArgs::Parse({"-x"}, kSpec).status().message(), HasSubstr("-x"));
}

TEST(ParsedArgsTest, EmptyValueIsKeptForTheCommandToJudge) {
  auto parsed = ParsedArgs::Parse({"--id="}, kSpec);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(Required(*parsed, "id").status().message(), "--id must not be empty");
  EXPECT_EQ(Required(*parsed, "addr").status().message(), "missing required flag --addr");
}

TEST(FlagsTest, WantsHelpOnlyBeforeDoubleDash) {
  EXPECT_TRUE(WantsHelp({"employee", "--help"}));
  EXPECT_TRUE(WantsHelp({"-h"}));
  EXPECT_FALSE(WantsHelp({"--", "--help"}));
  EXPECT_FALSE(WantsHelp({"--id", "x"}));
}

TEST(FlagsTest, ExactlyOne) {
  const FlagSpec spec{{"id", "nip"}, {}};
  auto both = ParsedArgs::Parse({"--id", "1", "--nip", "2"}, spec);
  EXPECT_EQ(ExactlyOne(*both, "id", "nip").status().message(), "give only one of --id and --nip");
  auto none = ParsedArgs::Parse({}, spec);
  EXPECT_EQ(ExactlyOne(*none, "id", "nip").status().message(), "missing --id or --nip");
  auto nip = ParsedArgs::Parse({"--nip", "198609262015051001"}, spec);
  auto one = ExactlyOne(*nip, "id", "nip");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->flag, "nip");
  EXPECT_EQ(one->value, "198609262015051001");
}

TEST(FlagsTest, Timeout) {
  EXPECT_EQ(*ParseTimeout("timeout", "30s"), absl::Seconds(30));
  EXPECT_EQ(*ParseTimeout("timeout", "10m"), absl::Minutes(10));
  EXPECT_EQ(*ParseTimeout("timeout", "1h30m"), absl::Minutes(90));
  EXPECT_EQ(*ParseTimeout("timeout", "45"), absl::Seconds(45));
  EXPECT_EQ(*ParseTimeout("timeout", "250ms"), absl::Milliseconds(250));
  for (const char* bad : {"0", "0s", "-5s", "soon", "", "inf", "99999999999999999999"}) {
    auto parsed = ParseTimeout("timeout", bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_THAT(parsed.status().message(), HasSubstr("--timeout")) << bad;
  }
}

TEST(FlagsTest, PositiveInt) {
  EXPECT_EQ(*ParsePositiveInt("page-size", "1", 500), 1);
  EXPECT_EQ(*ParsePositiveInt("page-size", "500", 500), 500);
  for (const char* bad : {"0", "501", "-1", "1.5", "ten", "", "99999999999"}) {
    auto parsed = ParsePositiveInt("page-size", bad, 500);
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_THAT(parsed.status().message(), HasSubstr("--page-size")) << bad;
  }
}

TEST(FlagsTest, Day) {
  auto day = ParseDay("date", "2024-02-29");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(*day, absl::CivilDay(2024, 2, 29));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-2-1", "01-02-2024", "2024/01/02"}) {
    auto parsed = ParseDay("date", bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_THAT(parsed.status().message(), HasSubstr("--date")) << bad;
  }
}

// ---- connection settings ----

CliEnv EnvWith(std::map<std::string, std::string> vars) {
  CliEnv env;
  env.getenv = [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  return env;
}

TEST(ConnectionTest, FlagsWinOverEnvironment) {
  CliEnv env = EnvWith({{"EMPLOYEE_ADDR", "env:1"}, {"KINERJA_TOKEN", "envtoken"}});
  auto args = ParsedArgs::Parse({"--addr", "flag:2", "--token", "t"}, ConnectionFlags());
  auto options = ResolveConnection(*args, env, kDefaultTimeout);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->addr, "flag:2");
  EXPECT_EQ(options->token, "t");
  EXPECT_EQ(options->timeout, absl::Seconds(30));

  auto none = ParsedArgs::Parse({"--timeout", "2m", "--json"}, ConnectionFlags());
  options = ResolveConnection(*none, env, std::nullopt);
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->addr, "env:1");
  EXPECT_EQ(options->token, "envtoken");
  EXPECT_EQ(options->timeout, absl::Minutes(2));
  EXPECT_TRUE(options->json);
}

TEST(ConnectionTest, MissingOrBadAddressIsAUsageError) {
  auto args = ParsedArgs::Parse({}, ConnectionFlags());
  EXPECT_THAT(ResolveConnection(*args, EnvWith({}), kDefaultTimeout).status().message(),
              HasSubstr("--addr"));
  auto bad = ParsedArgs::Parse({"--addr", "localhost"}, ConnectionFlags());
  EXPECT_THAT(ResolveConnection(*bad, EnvWith({}), kDefaultTimeout).status().message(),
              HasSubstr("host:port"));
  auto timeout = ParsedArgs::Parse({"--addr", "h:1", "--timeout", "x"}, ConnectionFlags());
  EXPECT_THAT(ResolveConnection(*timeout, EnvWith({}), kDefaultTimeout).status().message(),
              HasSubstr("--timeout"));
}

// ---- import options and chunking ----

absl::StatusOr<ImportOptions> ImportArgs(const std::vector<std::string>& args) {
  const FlagSpec spec{{"kind", "agency", "format", "request-id"}, {"dry-run"}};
  absl::StatusOr<ParsedArgs> parsed = ParsedArgs::Parse(args, spec);
  if (!parsed.ok()) return parsed.status();
  return ParseImportOptions(*parsed);
}

TEST(ImportOptionsTest, BuildsTheHeader) {
  auto options = ImportArgs({"--kind", "data-utama", "--agency", "A1", "pegawai.CSV", "--dry-run",
                             "--request-id", "r-1"});
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->header.kind(), v1::IMPORT_KIND_DATA_UTAMA);
  EXPECT_EQ(options->header.format(), v1::IMPORT_FORMAT_CSV);
  EXPECT_EQ(options->header.agency_id(), "A1");
  EXPECT_TRUE(options->header.dry_run());
  EXPECT_EQ(options->header.request_id(), "r-1");
  EXPECT_EQ(options->path, "pegawai.CSV");

  options = ImportArgs({"--kind=unor", "--agency=A1", "unor.jsonl"});
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->header.kind(), v1::IMPORT_KIND_UNOR);
  EXPECT_EQ(options->header.format(), v1::IMPORT_FORMAT_JSONL);
  EXPECT_FALSE(options->header.dry_run());

  // An explicit --format wins over the extension, and makes any name (or stdin) acceptable.
  options = ImportArgs({"--kind=unor", "--agency=A1", "--format", "csv", "export.txt"});
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->header.format(), v1::IMPORT_FORMAT_CSV);
  options = ImportArgs({"--kind=unor", "--agency=A1", "--format", "jsonl", "-"});
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->path, "-");
}

TEST(ImportOptionsTest, ErrorsNameTheFlag) {
  auto message = [](const std::vector<std::string>& args) {
    return std::string(ImportArgs(args).status().message());
  };
  EXPECT_EQ(message({"--agency", "A", "f.csv"}), "missing required flag --kind");
  EXPECT_THAT(message({"--kind", "pns", "--agency", "A", "f.csv"}), HasSubstr("--kind must be"));
  EXPECT_EQ(message({"--kind", "unor", "f.csv"}), "missing required flag --agency");
  EXPECT_EQ(message({"--kind", "unor", "--agency", "A"}), "missing FILE to import");
  EXPECT_THAT(message({"--kind", "unor", "--agency", "A", "a.csv", "b.csv"}),
              HasSubstr("expected one FILE"));
  EXPECT_THAT(message({"--kind", "unor", "--agency", "A", "export.txt"}), HasSubstr("--format"));
  EXPECT_THAT(message({"--kind", "unor", "--agency", "A", "-"}), HasSubstr("--format"));
  EXPECT_THAT(message({"--kind", "unor", "--agency", "A", "--format", "xml", "f"}),
              HasSubstr("--format must be jsonl or csv"));
}

std::vector<std::string> Chunks(const std::string& input, size_t size, size_t accept = 1000) {
  std::istringstream in(input);
  std::vector<std::string> chunks;
  ChunkResult result = SendInChunks(in, size, [&](std::string&& chunk) {
    if (chunks.size() >= accept) return false;
    chunks.push_back(std::move(chunk));
    return true;
  });
  EXPECT_EQ(result, chunks.size() < accept || accept == 1000 ? ChunkResult::kDone
                                                             : ChunkResult::kSinkClosed);
  return chunks;
}

TEST(ChunkTest, SplitsIntoFullChunksAndARemainder) {
  EXPECT_TRUE(Chunks("", 4).empty());
  EXPECT_THAT(Chunks("abc", 4), ElementsAre("abc"));
  EXPECT_THAT(Chunks("abcd", 4), ElementsAre("abcd"));
  EXPECT_THAT(Chunks("abcdefghi", 4), ElementsAre("abcd", "efgh", "i"));
  EXPECT_THAT(Chunks("abcdefgh", 4), ElementsAre("abcd", "efgh"));
}

TEST(ChunkTest, StopsWhenTheSinkRefuses) {
  std::istringstream in("abcdefghij");
  int calls = 0;
  ChunkResult result = SendInChunks(in, 3, [&](std::string&&) { return ++calls < 2; });
  EXPECT_EQ(result, ChunkResult::kSinkClosed);
  EXPECT_EQ(calls, 2);
}

TEST(ChunkTest, RealChunkSizeKeepsEveryByte) {
  EXPECT_EQ(kImportChunkSize, 262144u);
  std::string input;
  for (int i = 0; input.size() < 2 * kImportChunkSize + 1000; ++i) {
    input += "{\"id\":\"" + std::to_string(i) + "\"}\n";
  }
  input.push_back('\0');  // binary-safe
  std::vector<std::string> chunks = Chunks(input, kImportChunkSize);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].size(), kImportChunkSize);
  EXPECT_EQ(chunks[1].size(), kImportChunkSize);
  EXPECT_EQ(chunks[0] + chunks[1] + chunks[2], input);
}

// ---- rendering ----

grpc::Status ErrorWithDetails() {
  google::rpc::Status details;
  details.set_code(grpc::INVALID_ARGUMENT);
  google::rpc::ErrorInfo info;
  info.set_reason("INVALID_NIP");
  info.set_domain("employee");
  (*info.mutable_metadata())["nip"] = "123";
  details.add_details()->PackFrom(info);
  google::rpc::BadRequest bad;
  auto* violation = bad.add_field_violations();
  violation->set_field("nip");
  violation->set_description("must be 18 digits");
  details.add_details()->PackFrom(bad);
  return grpc::Status(grpc::INVALID_ARGUMENT, "nip: must be 18 digits",
                      details.SerializeAsString());
}

TEST(PrintTest, RpcStatusWithDetails) {
  EXPECT_EQ(FormatRpcStatus(ErrorWithDetails()),
            "INVALID_ARGUMENT: nip: must be 18 digits\n"
            "  reason: INVALID_NIP (domain employee)\n"
            "  nip: 123\n"
            "  field nip: must be 18 digits\n");
  EXPECT_EQ(FormatRpcStatus(grpc::Status(grpc::UNAUTHENTICATED, "no token")),
            "UNAUTHENTICATED: no token\n");
  EXPECT_EQ(StatusCodeName(grpc::FAILED_PRECONDITION), "FAILED_PRECONDITION");
}

v1::Official MakeOfficial(const std::string& name, const std::string& nip) {
  v1::Official official;
  official.set_kind(v1::Official::KIND_ASN);
  official.set_name(name);
  official.set_nip(nip);
  official.set_position_name("Kepala Bidang");
  official.set_unit_name("Bidang Perencanaan");
  return official;
}

TEST(PrintTest, ReportingLineMarksActingAndNonAsn) {
  v1::ReportingLine line;
  line.mutable_date()->set_year(2024);
  line.mutable_date()->set_month(5);
  line.mutable_date()->set_day(1);
  *line.mutable_employee() = MakeOfficial("Andi", "199001012015031001");
  *line.mutable_assessor() = MakeOfficial("Budi", "198001012005011001");
  line.mutable_assessor()->set_acting(v1::ACTING_KIND_PLT);
  v1::Official* mayor = line.mutable_assessor_superior();
  mayor->set_kind(v1::Official::KIND_NON_ASN);
  mayor->set_name("Wali Kota Contoh");
  std::string text = FormatReportingLine(line);
  EXPECT_THAT(text, HasSubstr("Reporting line on 2024-05-01\n"));
  EXPECT_THAT(text, HasSubstr("assessor (pejabat penilai):\n  [Plt] Budi  NIP 198001012005011001"));
  EXPECT_THAT(text, HasSubstr("(atasan pejabat penilai):\n  [NON-ASN] Wali Kota Contoh  (no NIP)"));
  EXPECT_THAT(text, HasSubstr("  Kepala Bidang, Bidang Perencanaan\n"));

  line.clear_assessor_superior();
  EXPECT_THAT(FormatReportingLine(line), HasSubstr("(atasan pejabat penilai):\n  (none found)"));
}

TEST(PrintTest, ImportSummaryShowsFirstErrors) {
  v1::ImportSummary summary;
  summary.set_received(5);
  summary.set_created(2);
  summary.set_failed(3);
  for (int i = 1; i <= 3; ++i) {
    v1::ImportError* error = summary.add_errors();
    error->set_line(i + 1);
    error->set_field("nipBaru");
    error->set_message("bad " + std::to_string(i));
  }
  EXPECT_EQ(FormatImportSummary(summary, 2),
            "import finished: received 5, created 2, updated 0, unchanged 0, failed 3\n"
            "errors:\n"
            "  line 2: nipBaru: bad 1\n"
            "  line 3: nipBaru: bad 2\n"
            "  ... and 1 more (--json prints every error the server returned)\n");
}

TEST(PrintTest, TablePadsByCodePoints) {
  EXPECT_EQ(FormatTable({{"ID", "NAME"}, {"1", "Ségun"}, {"22", "x"}}),
            "ID  NAME\n1   Ségun\n22  x\n");
}

TEST(PrintTest, JsonUsesProtobufNames) {
  v1::ImportSummary summary;
  summary.set_received(2);
  EXPECT_THAT(ToJson(summary, false), HasSubstr("\"received\":\"2\""));
  EXPECT_THAT(ToJson(summary, false), HasSubstr("\"dryRun\":false"));
}

// ---- commands against an in-process fake server ----

class FakeEmployeeService final : public v1::EmployeeService::Service {
 public:
  grpc::Status ImportRecords(grpc::ServerContext* context,
                             grpc::ServerReader<v1::ImportRecordsRequest>* reader,
                             v1::ImportSummary* summary) override {
    std::lock_guard<std::mutex> lock(mu_);
    authorization_ = Authorization(*context);
    v1::ImportRecordsRequest request;
    messages_ = 0;
    data_.clear();
    first_was_header_ = false;
    while (reader->Read(&request)) {
      if (messages_++ == 0) {
        first_was_header_ = request.has_header();
        header_ = request.header();
      } else if (request.has_data()) {
        data_ += request.data();
      } else {
        return grpc::Status(grpc::INVALID_ARGUMENT, "header after data");
      }
    }
    std::istringstream lines(data_);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      summary->set_received(summary->received() + 1);
      if (line.find("bad") != std::string::npos) {
        summary->set_failed(summary->failed() + 1);
        v1::ImportError* error = summary->add_errors();
        error->set_line(number);
        error->set_field("nipBaru");
        error->set_message("not a NIP");
      } else {
        summary->set_created(summary->created() + 1);
      }
    }
    summary->set_dry_run(header_.dry_run());
    return grpc::Status::OK;
  }

  // Agency "EXISTS" is already there, "DENIED" is not the caller's; any other is created.
  grpc::Status CreateAgency(grpc::ServerContext* context, const v1::CreateAgencyRequest* request,
                            v1::Agency* agency) override {
    std::lock_guard<std::mutex> lock(mu_);
    authorization_ = Authorization(*context);
    create_agency_request_ = *request;
    if (request->agency().id() == "EXISTS") {
      return grpc::Status(grpc::ALREADY_EXISTS, "agency EXISTS already exists");
    }
    if (request->agency().id() == "DENIED") {
      return grpc::Status(grpc::PERMISSION_DENIED, "not your agency");
    }
    *agency = request->agency();
    agency->set_etag("e1");
    return grpc::Status::OK;
  }

  grpc::Status GetEmployee(grpc::ServerContext* context, const v1::GetEmployeeRequest* request,
                           v1::Employee* employee) override {
    if (Authorization(*context).empty()) {
      return grpc::Status(grpc::UNAUTHENTICATED, "missing bearer token");
    }
    if (request->nip().size() != 18) return ErrorWithDetails();
    employee->set_id("E1");
    employee->set_nip(request->nip());
    employee->set_name("Andi Wijaya");
    employee->set_kind(v1::EMPLOYEE_KIND_PNS);
    employee->set_status(v1::EMPLOYEE_STATUS_ACTIVE);
    return grpc::Status::OK;
  }

  grpc::Status ListEmployees(grpc::ServerContext*, const v1::ListEmployeesRequest* request,
                             v1::ListEmployeesResponse* response) override {
    // Three pages of two employees: tokens "p2", "p3".
    int page = request->page_token().empty() ? 1 : request->page_token()[1] - '0';
    for (int i = 0; i < 2; ++i) {
      v1::Employee* e = response->add_employees();
      e->set_id("E" + std::to_string(page) + std::to_string(i));
      e->set_name(request->filter());
    }
    if (page < 3) response->set_next_page_token("p" + std::to_string(page + 1));
    return grpc::Status::OK;
  }

  grpc::Status GetReportingLine(grpc::ServerContext*, const v1::GetReportingLineRequest* request,
                                v1::ReportingLine* line) override {
    *line->mutable_date() = request->date();
    line->mutable_employee()->set_nip(request->nip());
    line->mutable_employee()->set_name("Andi");
    line->mutable_assessor()->set_kind(v1::Official::KIND_NON_ASN);
    line->mutable_assessor()->set_name("Wali Kota");
    return grpc::Status::OK;
  }

  grpc::Status StreamEvents(
      grpc::ServerContext*, const kinerja::common::v1::StreamEventsRequest* request,
      grpc::ServerWriter<kinerja::common::v1::EventEnvelope>* writer) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      events_request_ = *request;
    }
    for (int i = 1; i <= 2; ++i) {
      kinerja::common::v1::EventEnvelope event;
      event.set_type("EmployeeCreated");
      event.set_aggregate_type("employee");
      event.set_aggregate_id("E" + std::to_string(i));
      event.set_cursor(request->after_cursor() + "c" + std::to_string(i));
      v1::EmployeeChanged payload;
      payload.mutable_employee()->set_id("E" + std::to_string(i));
      event.mutable_payload()->PackFrom(payload);
      writer->Write(event);
    }
    return grpc::Status::OK;
  }

  static std::string Authorization(const grpc::ServerContext& context) {
    auto it = context.client_metadata().find("authorization");
    if (it == context.client_metadata().end()) return "";
    return std::string(it->second.data(), it->second.size());
  }

  std::mutex mu_;
  std::string authorization_;
  int messages_ = 0;
  bool first_was_header_ = false;
  v1::ImportHeader header_;
  std::string data_;
  kinerja::common::v1::StreamEventsRequest events_request_;
  v1::CreateAgencyRequest create_agency_request_;
};

class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = server_->InProcessChannel(grpc::ChannelArguments());
    env_.out = &out_;
    env_.err = &err_;
    env_.getenv = [](const std::string& name) -> std::optional<std::string> {
      if (name == "EMPLOYEE_ADDR") return "fake:1";
      return std::nullopt;
    };
    env_.open_channel = [this](const std::string& addr) {
      opened_addr_ = addr;
      return channel_;
    };
  }
  void TearDown() override { server_->Shutdown(); }

  std::string WriteFile(const std::string& name, const std::string& content) {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  FakeEmployeeService service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::ostringstream out_, err_;
  CliEnv env_;
  std::string opened_addr_;
};

TEST_F(CommandTest, ImportStreamsHeaderThenChunksWithToken) {
  std::string content;
  for (int i = 0; i < 50; ++i) content += "{\"nipBaru\":\"" + std::to_string(i) + "\"}\n";
  std::string path = WriteFile("ok.jsonl", content);
  int code = RunImportWithChunkSize({"--kind", "data-utama", "--agency", "A1", path, "--token",
                                     "secret", "--request-id", "r1", "--addr", "x:9"},
                                    env_, 13);
  EXPECT_EQ(code, kExitOk) << err_.str();
  EXPECT_EQ(opened_addr_, "x:9");
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_TRUE(service_.first_was_header_);
  EXPECT_EQ(service_.authorization_, "Bearer secret");
  EXPECT_EQ(service_.header_.kind(), v1::IMPORT_KIND_DATA_UTAMA);
  EXPECT_EQ(service_.header_.format(), v1::IMPORT_FORMAT_JSONL);
  EXPECT_EQ(service_.header_.agency_id(), "A1");
  EXPECT_EQ(service_.header_.request_id(), "r1");
  EXPECT_EQ(service_.data_, content);
  ASSERT_NE(content.size() % 13, 0u);  // the last chunk is a short one
  EXPECT_EQ(service_.messages_, 1 + static_cast<int>((content.size() + 12) / 13));
  EXPECT_EQ(out_.str(),
            "import finished: received 50, created 50, updated 0, unchanged 0, failed 0\n");
}

TEST_F(CommandTest, ImportWithFailedRecordsExitsOne) {
  std::string path = WriteFile("bad.csv", "nipBaru\n1\nbad\n");
  int code = Dispatch({"import", "--kind=data-utama", "--agency=A1", "--dry-run", path}, env_);
  EXPECT_EQ(code, kExitFailure);
  EXPECT_EQ(opened_addr_, "fake:1");  // from EMPLOYEE_ADDR
  EXPECT_THAT(out_.str(), HasSubstr("dry run (nothing written): received 3, created 2"));
  EXPECT_THAT(out_.str(), HasSubstr("line 3: nipBaru: not a NIP"));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_EQ(service_.header_.format(), v1::IMPORT_FORMAT_CSV);
  EXPECT_TRUE(service_.authorization_.empty());
}

TEST_F(CommandTest, ImportJsonSummary) {
  std::string path = WriteFile("one.jsonl", "{}\n");
  EXPECT_EQ(Dispatch({"--json", "import", "--kind=unor", "--agency=A1", path}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"created\": \"1\""));
}

TEST_F(CommandTest, ImportOfMissingFileFailsWithoutCalling) {
  EXPECT_EQ(Dispatch({"import", "--kind=unor", "--agency=A1", "/nonexistent/x.jsonl"}, env_),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot open /nonexistent/x.jsonl"));
  EXPECT_TRUE(opened_addr_.empty());
}

TEST_F(CommandTest, GetEmployeePrintsErrorDetails) {
  int code = Dispatch({"--token", "t", "get", "employee", "--nip", "123"}, env_);
  EXPECT_EQ(code, kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("call to fake:1 failed: INVALID_ARGUMENT"));
  EXPECT_THAT(err_.str(), HasSubstr("reason: INVALID_NIP"));
  EXPECT_THAT(err_.str(), HasSubstr("field nip: must be 18 digits"));
}

TEST_F(CommandTest, GetEmployeeUnauthenticated) {
  EXPECT_EQ(Dispatch({"get", "employee", "--id", "E1"}, env_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("UNAUTHENTICATED: missing bearer token"));
}

TEST_F(CommandTest, GetEmployeeHumanAndJson) {
  EXPECT_EQ(Dispatch({"get", "employee", "--nip", "199001012015031001", "--token", "t"}, env_),
            kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Employee E1\n"));
  EXPECT_THAT(out_.str(), HasSubstr("kind:               PNS\n"));
  EXPECT_THAT(out_.str(), HasSubstr("status:             active\n"));
  out_.str("");
  EXPECT_EQ(
      Dispatch({"get", "employee", "--nip", "199001012015031001", "--token=t", "--json"}, env_),
      kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"name\": \"Andi Wijaya\""));
  EXPECT_THAT(out_.str(), HasSubstr("\"kind\": \"EMPLOYEE_KIND_PNS\""));
}

TEST_F(CommandTest, ListAllFollowsPageTokens) {
  EXPECT_EQ(Dispatch({"list", "employees", "--all", "--filter", "F", "--json"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"E31\""));
  EXPECT_THAT(out_.str(), HasSubstr("\"nextPageToken\": \"\""));
  out_.str("");
  EXPECT_EQ(Dispatch({"list", "employees"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("E11"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("E21")));
  EXPECT_THAT(err_.str(), HasSubstr("more results: --page-token p2"));
  out_.str("");
  EXPECT_EQ(Dispatch({"list", "employees", "--page-token", "p3"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("E30"));
}

TEST_F(CommandTest, ReportingLineSendsTheDate) {
  EXPECT_EQ(
      Dispatch({"reporting-line", "--nip", "199001012015031001", "--date", "2024-06-30"}, env_),
      kExitOk)
      << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("Reporting line on 2024-06-30\n"));
  EXPECT_THAT(out_.str(), HasSubstr("Andi  NIP 199001012015031001"));
  EXPECT_THAT(out_.str(), HasSubstr("[NON-ASN] Wali Kota  (no NIP)"));
}

TEST_F(CommandTest, EventsBacklogAsTextAndJsonLines) {
  EXPECT_EQ(
      Dispatch({"events", "--after", "x", "--types", "EmployeeCreated, EmployeeUpdated"}, env_),
      kExitOk);
  EXPECT_EQ(out_.str(),
            "-  EmployeeCreated  employee/E1  cursor=xc1\n"
            "-  EmployeeCreated  employee/E2  cursor=xc2\n");
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_TRUE(service_.events_request_.backlog_only());
    EXPECT_EQ(service_.events_request_.after_cursor(), "x");
    EXPECT_THAT(service_.events_request_.types(),
                ElementsAre("EmployeeCreated", "EmployeeUpdated"));
  }
  out_.str("");
  EXPECT_EQ(Dispatch({"events", "--json"}, env_), kExitOk);
  std::istringstream lines(out_.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    // One object per line, with the typed payload resolved from the Any.
    EXPECT_THAT(line,
                HasSubstr("\"@type\":\"type.googleapis.com/kinerja.employee.v1.EmployeeChanged\""));
    EXPECT_THAT(line, HasSubstr("\"employee\":{\"id\":\"E" + std::to_string(count)));
  }
  EXPECT_EQ(count, 2);
}

TEST_F(CommandTest, CreateAgencySendsTheAgencyAndPrintsIt) {
  EXPECT_EQ(Dispatch({"create-agency", "--id", "3171", "--name", "Pemerintah Kota Contoh", "--kind",
                      "city", "--head-title=Wali Kota", "--request-id", "r-7", "--token", "secret"},
                     env_),
            kExitOk)
      << err_.str();
  EXPECT_EQ(opened_addr_, "fake:1");
  EXPECT_THAT(out_.str(), HasSubstr("Agency 3171\n"));
  EXPECT_THAT(out_.str(), HasSubstr("Pemerintah Kota Contoh"));
  EXPECT_THAT(out_.str(), HasSubstr("e1"));
  {
    std::lock_guard<std::mutex> lock(service_.mu_);
    EXPECT_EQ(service_.authorization_, "Bearer secret");
    const v1::Agency& sent = service_.create_agency_request_.agency();
    EXPECT_EQ(sent.id(), "3171");
    EXPECT_EQ(sent.name(), "Pemerintah Kota Contoh");
    EXPECT_EQ(sent.kind(), v1::AGENCY_KIND_CITY);
    EXPECT_EQ(sent.head_title(), "Wali Kota");
    EXPECT_EQ(service_.create_agency_request_.request_id(), "r-7");
  }
  out_.str("");
  EXPECT_EQ(
      Dispatch({"--json", "create-agency", "--id=P1", "--name=Provinsi", "--kind=province"}, env_),
      kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"kind\": \"AGENCY_KIND_PROVINCE\""));
  std::lock_guard<std::mutex> lock(service_.mu_);
  EXPECT_TRUE(service_.create_agency_request_.request_id().empty());
  EXPECT_TRUE(service_.create_agency_request_.agency().head_title().empty());
}

TEST_F(CommandTest, CreateAgencyThatExistsFailsUnlessIfMissing) {
  EXPECT_EQ(Dispatch({"create-agency", "--id", "EXISTS", "--name", "X", "--kind", "regency"}, env_),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("call to fake:1 failed: ALREADY_EXISTS"));
  EXPECT_TRUE(out_.str().empty());

  err_.str("");
  EXPECT_EQ(Dispatch({"create-agency", "--id", "EXISTS", "--name", "X", "--kind", "regency",
                      "--if-missing"},
                     env_),
            kExitOk);
  EXPECT_EQ(out_.str(), "agency EXISTS already exists\n");
  EXPECT_TRUE(err_.str().empty());

  // A missing agency is created as without the flag; other failures still fail.
  out_.str("");
  EXPECT_EQ(Dispatch({"create-agency", "--id", "NEW", "--name", "X", "--if-missing"}, env_),
            kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Agency NEW\n"));
  EXPECT_EQ(Dispatch({"create-agency", "--id", "DENIED", "--name", "X", "--if-missing"}, env_),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("PERMISSION_DENIED"));
}

TEST_F(CommandTest, CreateAgencyUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"create-agency", "--id", "A1"}, "missing required flag --name"},
      {{"create-agency", "--id", "A1", "--name="}, "--name must not be empty"},
      {{"create-agency", "--name", "N"}, "missing required flag --id"},
      {{"create-agency", "--id", "A1", "--name", "N", "--kind", "kota"},
       "--kind must be central, province, regency or city"},
      {{"create-agency", "--id", "A1", "--name", "N", "extra"}, "unexpected \"extra\""},
      {{"create-agency", "--id", "A1", "--name", "N", "--if-missing=yes"},
       "--if-missing takes no value"},
  };
  for (const Case& c : cases) {
    err_.str("");
    EXPECT_EQ(Dispatch(c.args, env_), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr("kinerja create-agency: " + c.message));
  }
  EXPECT_TRUE(opened_addr_.empty());  // usage errors never reach the server
}

TEST_F(CommandTest, UsageErrorsExitTwoAndNameTheFlag) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"get", "employee"}, "missing --id or --nip"},
      {{"get", "employee", "--id", "1", "--nip", "2"}, "give only one of --id and --nip"},
      {{"get", "agency"}, "missing agency ID"},
      {{"get", "thing"}, "unknown resource \"thing\""},
      {{"get"}, "missing what to get"},
      {{"list", "employees", "--page-size", "0"}, "--page-size must be"},
      {{"list", "agencies", "--filter", "x"}, "unknown flag --filter"},
      {{"reporting-line", "--nip", "1", "--date", "2024-02-30"}, "--date must be"},
      {{"import", "--kind", "unor"}, "missing required flag --agency"},
      {{"events", "--after"}, "--after needs a value"},
      {{"get", "unit", "U1", "--timeout", "never"}, "--timeout must be"},
      {{"frobnicate"}, "unknown command \"frobnicate\""},
      {{"--verbose", "get"}, "unknown flag --verbose"},
      {{}, "Usage: kinerja"},
  };
  for (const Case& c : cases) {
    err_.str("");
    EXPECT_EQ(Dispatch(c.args, env_), kExitUsage) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
  }
  EXPECT_TRUE(opened_addr_.empty());  // usage errors never reach the server
}

TEST_F(CommandTest, HelpPerCommand) {
  for (const char* command :
       {"create-agency", "import", "get", "list", "reporting-line", "events"}) {
    out_.str("");
    EXPECT_EQ(Dispatch({command, "--help"}, env_), kExitOk) << command;
    EXPECT_THAT(out_.str(), HasSubstr(std::string("kinerja ") + command)) << command;
  }
  out_.str("");
  EXPECT_EQ(Dispatch({"--help"}, env_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Commands:"));
}

}  // namespace
}  // namespace kinerja::cli
