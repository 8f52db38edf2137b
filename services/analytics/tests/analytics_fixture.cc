#include "services/analytics/tests/analytics_fixture.h"

#include <fstream>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/analytics/api/analytics_definition.h"
#include "services/analytics/store/ingest.h"
#include "shared/auth/test_keys.h"
#include "tests/harness/pg_cluster.h"

namespace kinerja::analytics::testing {

using ::kinerja::testing::PgCluster;

absl::Time AnalyticsTestNow() {
  return absl::FromCivil(absl::CivilSecond(2027, 2, 15, 12, 0, 0), absl::FixedTimeZone(7 * 3600));
}

void AnalyticsFixture::SetUp() {
  for (const char* name : {"employee", "goals", "review"}) {
    producers_[name] = std::make_unique<ScriptedProducer>(name);
  }
  database_ = PgCluster::Get().CreateDatabase("analytics");
  token_file_ = auth::testing::MakeTempDir() + "/analytics.token";
  std::ofstream(token_file_) << issuer_.Token("analytics", {"service"});
  StartAnalytics();
}

void AnalyticsFixture::TearDown() {
  StopAnalytics();
  producers_.clear();
}

void AnalyticsFixture::StartAnalytics() {
  std::vector<std::string> args;
  for (const auto& [name, producer] : producers_) {
    args.push_back(absl::StrCat("--", name, "-addr=", producer->address()));
    args.push_back(absl::StrCat("--", name, "-token-file=", token_file_));
  }
  args.push_back("--http-listen=127.0.0.1:0");
  service_ = kinerja::testing::StartInProcess(api::AnalyticsDefinition(AnalyticsTestNow), database_,
                                              issuer_, args);
  stub_ = v1::AnalyticsService::NewStub(kinerja::testing::ChannelTo(*service_));
}

void AnalyticsFixture::StopAnalytics() {
  stub_.reset();
  if (service_ != nullptr) service_->Stop();
  service_.reset();
}

void AnalyticsFixture::Publish(const std::string& producer, const std::string& type,
                               const google::protobuf::Message& payload) {
  PublishAt(producer, type, payload, ++sequence_[producer]);
}

void AnalyticsFixture::PublishAt(const std::string& producer, const std::string& type,
                                 const google::protobuf::Message& payload, int64_t sequence) {
  sequence_[producer] = std::max(sequence_[producer], sequence);
  producers_.at(producer)->Publish(Envelope(type, payload, sequence));
}

void AnalyticsFixture::WaitCaughtUp(absl::Duration timeout) {
  const absl::Time until = absl::Now() + timeout;
  for (const auto& [name, producer] : producers_) {
    const std::string want = producer->LastCursorOf(store::EventTypesOf(name));
    if (want.empty()) continue;
    std::string got;
    while (absl::Now() < until) {
      got = Scalar(absl::StrCat("SELECT cursor FROM event_cursors WHERE consumer = ", "'analytics.",
                                name, "'"));
      if (got == want) break;
      absl::SleepFor(absl::Milliseconds(20));
    }
    ASSERT_EQ(got, want) << "analytics did not apply the " << name << " events in time";
  }
}

std::unique_ptr<grpc::ClientContext> AnalyticsFixture::With(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return ctx;
}

std::string AnalyticsFixture::HrToken(const std::string& agency) const {
  return issuer_.Token("hr@" + agency, {"hr_admin"}, agency, "198001012005011001");
}
std::string AnalyticsFixture::AuditorToken() const {
  return issuer_.Token("auditor@bkn", {"auditor"});
}
std::string AnalyticsFixture::EmployeeToken(const std::string& nip,
                                            const std::string& agency) const {
  return issuer_.Token("emp-" + nip, {"employee"}, agency, nip);
}
std::string AnalyticsFixture::LeaderToken(const std::string& nip, const std::string& agency) const {
  return issuer_.Token("leader-" + nip, {"employee", "unit_leader"}, agency, nip);
}

int AnalyticsFixture::http_port() const { return api::AnalyticsHttpPort(service_->parts()); }

std::string AnalyticsFixture::Scalar(const std::string& sql) const {
  pqxx::connection conn(PgCluster::Get().AdminDsn(database_));
  pqxx::work tx(conn);
  tx.exec0("SET LOCAL search_path TO analytics");
  pqxx::result r = tx.exec(sql);
  if (r.empty() || r[0][0].is_null()) return "<null>";
  return r[0][0].as<std::string>();
}

}  // namespace kinerja::analytics::testing
