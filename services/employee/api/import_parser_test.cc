#include "services/employee/api/import_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::employee::api {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Records what the parser hands to the store.
class FakeSession : public store::ImportSession {
 public:
  const std::optional<std::string>& replayed_response() const override { return none_; }
  absl::Status AddUnor(const std::vector<SiasnUnorRecord>& records, int64_t first_line) override {
    for (size_t i = 0; i < records.size(); ++i) {
      unor.emplace_back(first_line + static_cast<int64_t>(i), records[i].id);
    }
    batches.push_back(records.size());
    return absl::OkStatus();
  }
  absl::Status AddEmployees(const std::vector<SiasnEmployeeRecord>& records,
                            int64_t first_line) override {
    for (size_t i = 0; i < records.size(); ++i) {
      employees.emplace_back(first_line + static_cast<int64_t>(i), records[i].nip);
    }
    batches.push_back(records.size());
    return fail_adds ? absl::UnavailableError("db down") : absl::OkStatus();
  }
  absl::StatusOr<store::ImportCounts> Apply() override { return store::ImportCounts(); }
  absl::Status Commit(const std::string&) override { return absl::OkStatus(); }

  std::vector<std::pair<int64_t, std::string>> unor;
  std::vector<std::pair<int64_t, std::string>> employees;
  std::vector<size_t> batches;
  bool fail_adds = false;

 private:
  std::optional<std::string> none_;
};

std::string Unor(const std::string& id) {
  return absl::StrCat(R"({"id":")", id, R"(","namaUnor":"Unit )", id, R"(","instansiId":"kota"})");
}

std::string Employee(const std::string& nip) {
  return absl::StrCat(
      R"({"id":"p-)", nip, R"(","nipBaru":")", nip,
      R"(","nama":"Budi","tglLahir":"26-09-1986","jenisKelamin":"M","golRuangAkhirId":"31",)"
      R"("jenisJabatanId":"4","unorId":"u1","instansiIndukId":"kota","statusPegawai":"PNS"})");
}

absl::Status FeedAll(ImportParser& parser, const std::string& data, size_t chunk) {
  for (size_t at = 0; at < data.size(); at += chunk) {
    absl::Status s = parser.Feed(std::string_view(data).substr(at, chunk));
    if (!s.ok()) return s;
  }
  return parser.Finish();
}

TEST(ImportParserTest, BatchesRunsOfConsecutiveGoodLines) {
  FakeSession session;
  ImportParser parser(v1::IMPORT_KIND_UNOR, v1::IMPORT_FORMAT_JSONL, &session, /*batch_size=*/2);
  std::string data = absl::StrCat(Unor("a"), "\n", Unor("b"), "\n", Unor("c"), "\n",
                                  "{\"id\":\"broken\"}\n", "\n", Unor("d"), "\r\n", Unor("e"));
  ASSERT_TRUE(FeedAll(parser, data, 11).ok());
  EXPECT_THAT(session.unor,
              ElementsAre(Pair(1, "a"), Pair(2, "b"), Pair(3, "c"), Pair(6, "d"), Pair(7, "e")));
  EXPECT_THAT(session.batches, ElementsAre(2, 1, 2));
  EXPECT_EQ(parser.received(), 6);
  EXPECT_EQ(parser.failed(), 1);
  ASSERT_THAT(parser.errors(), ::testing::SizeIs(2));  // namaUnor and instansiId
  EXPECT_EQ(parser.errors()[0].line, 4);
  EXPECT_EQ(parser.errors()[0].field, "namaUnor");
}

TEST(ImportParserTest, CsvHeaderThenRows) {
  FakeSession session;
  ImportParser parser(v1::IMPORT_KIND_DATA_UTAMA, v1::IMPORT_FORMAT_CSV, &session);
  std::string data =
      "id,nipBaru,nama,tglLahir,jenisKelamin,golRuangAkhirId,jenisJabatanId,unorId,"
      "instansiIndukId,statusPegawai\r\n"
      "p1,198609262015051001,Budi,26-09-1986,L,31,4,u1,kota,PNS\r\n"
      "p2,198609262015051002,Budi,26-09-1986,P,31,4,u1,kota,PNS\r\n";
  ASSERT_TRUE(FeedAll(parser, data, 3).ok());
  EXPECT_THAT(session.employees, ElementsAre(Pair(2, "198609262015051001")));
  EXPECT_EQ(parser.received(), 2);
  EXPECT_EQ(parser.failed(), 1);
  ASSERT_THAT(parser.errors(), ::testing::SizeIs(1));
  EXPECT_EQ(parser.errors()[0].line, 3);
  EXPECT_EQ(parser.errors()[0].field, "jenisKelamin");

  FakeSession other;
  ImportParser broken(v1::IMPORT_KIND_DATA_UTAMA, v1::IMPORT_FORMAT_CSV, &other);
  absl::Status s = FeedAll(broken, "\nid,id\nx,y\n", 4);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(errors::ViolationsOf(s)[0].field, "data");
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("line 2"));
}

TEST(ImportParserTest, ErrorListIsCappedButFailuresAreCounted) {
  FakeSession session;
  ImportParser parser(v1::IMPORT_KIND_DATA_UTAMA, v1::IMPORT_FORMAT_JSONL, &session);
  std::string data;
  for (int i = 0; i < 1500; ++i) data += "not json\n";
  ASSERT_TRUE(FeedAll(parser, data, 4096).ok());
  EXPECT_EQ(parser.failed(), 1500);
  EXPECT_EQ(parser.errors().size(), kMaxImportErrors);

  store::ImportCounts counts;
  counts.created = 3;
  counts.failed = 2;
  counts.errors = {{.line = 1, .field = "unorId", .message = "unknown"}};
  v1::ImportSummary summary = MakeImportSummary(parser, counts, true);
  EXPECT_EQ(summary.received(), 1500);
  EXPECT_EQ(summary.failed(), 1502);
  EXPECT_EQ(summary.errors_size(), static_cast<int>(kMaxImportErrors));
  EXPECT_EQ(summary.errors(1).field(), "unorId");  // merged in line order
  EXPECT_TRUE(summary.dry_run());
}

TEST(ImportParserTest, StoreErrorsStopTheImport) {
  FakeSession session;
  session.fail_adds = true;
  ImportParser parser(v1::IMPORT_KIND_DATA_UTAMA, v1::IMPORT_FORMAT_JSONL, &session, 1);
  std::string data = Employee("198609262015051001") + "\n" + Employee("198609262015051002") + "\n";
  EXPECT_EQ(FeedAll(parser, data, 1000).code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace kinerja::employee::api
