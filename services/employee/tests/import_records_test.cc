// ImportRecords through a real channel: SIASN UNOR and data-utama files as JSON Lines and CSV,
// split into chunks at awkward places, with a bad record, re-imports, dry runs and access.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tests/harness/employee/org_builder.h"
#include "tests/harness/employee/service_env.h"

namespace kinerja::employee::testing {
namespace {

using ::testing::SizeIs;

struct Upload {
  v1::ImportKind kind = v1::IMPORT_KIND_DATA_UTAMA;
  v1::ImportFormat format = v1::IMPORT_FORMAT_JSONL;
  std::string agency_id;
  bool dry_run = false;
  std::string request_id;
  std::string data;
  size_t chunk = 7;  // bytes per data message: lines and CRLFs end up split across messages
  bool send_header = true;
};

grpc::Status Import(const std::string& token, const Upload& upload, v1::ImportSummary* summary) {
  auto ctx = Ctx(token);
  auto writer = ServiceEnv::Get().stub().ImportRecords(ctx.get(), summary);
  if (upload.send_header) {
    v1::ImportRecordsRequest header;
    header.mutable_header()->set_kind(upload.kind);
    header.mutable_header()->set_format(upload.format);
    header.mutable_header()->set_agency_id(upload.agency_id);
    header.mutable_header()->set_dry_run(upload.dry_run);
    header.mutable_header()->set_request_id(upload.request_id);
    if (!writer->Write(header)) return writer->Finish();
  }
  for (size_t at = 0; at < upload.data.size(); at += upload.chunk) {
    v1::ImportRecordsRequest part;
    part.set_data(upload.data.substr(at, upload.chunk));
    if (!writer->Write(part)) break;  // the server finished early; Finish says why
  }
  writer->WritesDone();
  return writer->Finish();
}

std::string Dmy(const std::string& nip) {
  return absl::StrCat(nip.substr(6, 2), "-", nip.substr(4, 2), "-", nip.substr(0, 4));
}

// An agency with a two-unit UNOR tree imported from JSON Lines.
std::string AgencyWithUnor(const std::string& agency) {
  CreateAgency(agency);
  Upload unor;
  unor.kind = v1::IMPORT_KIND_UNOR;
  unor.agency_id = agency;
  unor.data = absl::StrFormat(
      R"({"id":"%s-u1","diatasanId":"%s-u1","namaUnor":"Pemerintah Kota","instansiId":"%s"})"
      "\n"
      R"({"id":"%s-u2","diatasanId":"%s-u1","namaUnor":"Dinas Kominfo",)"
      R"("namaJabatan":"Kepala Dinas Kominfo","eselonId":22,"instansiId":"%s"})"
      "\n",
      agency, agency, agency, agency, agency, agency);
  v1::ImportSummary summary;
  grpc::Status s = Import(HrAdminToken(agency), unor, &summary);
  EXPECT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(summary.received(), 2);
  EXPECT_EQ(summary.created(), 2);
  EXPECT_EQ(summary.failed(), 0) << summary.DebugString();
  return agency + "-u2";
}

std::string EmployeeJson(const std::string& agency, const std::string& unor, const std::string& nip,
                         const std::string& name) {
  return absl::StrFormat(
      R"({"id":"%s","nipBaru":"%s","nama":"%s","tglLahir":"%s","jenisKelamin":"M",)"
      R"("golRuangAkhirId":"31","jenisJabatanId":"4","jabatanNama":"Pengolah Data",)"
      R"("unorId":"%s","instansiIndukId":"%s","statusPegawai":"PNS","tmtCpns":"01-05-2015",)"
      R"("tmtJabatan":"02-01-2020"})",
      UniqueId("siasn"), nip, name, Dmy(nip), unor, agency);
}

v1::Employee ByNip(const std::string& token, const std::string& nip, grpc::Status* status) {
  v1::GetEmployeeRequest request;
  request.set_nip(nip);
  v1::Employee e;
  *status = ServiceEnv::Get().stub().GetEmployee(Ctx(token).get(), request, &e);
  return e;
}

TEST(ImportRecordsTest, JsonLinesWithOneBadRecordThenUnchangedReimport) {
  std::string agency = UniqueId("kota");
  std::string unor = AgencyWithUnor(agency);
  std::string nip1 = ValidNip(), nip2 = ValidNip();
  Upload upload;
  upload.agency_id = agency;
  upload.data =
      absl::StrJoin({EmployeeJson(agency, unor, nip1, "Andi Pratama"),
                     EmployeeJson(agency, unor, "198609262015131009", "Bulan Salah"),  // month 13
                     EmployeeJson(agency, unor, nip2, "Citra Lestari")},
                    "\r\n");  // CRLF, no final line end
  v1::ImportSummary summary;
  grpc::Status s = Import(HrAdminToken(agency), upload, &summary);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(summary.received(), 3);
  EXPECT_EQ(summary.created(), 2);
  EXPECT_EQ(summary.failed(), 1);
  ASSERT_GE(summary.errors_size(), 1) << summary.DebugString();
  EXPECT_EQ(summary.errors(0).line(), 2);
  EXPECT_EQ(summary.errors(0).field(), "nipBaru");
  EXPECT_FALSE(summary.dry_run());

  grpc::Status found;
  v1::Employee andi = ByNip(HrAdminToken(agency), nip1, &found);
  ASSERT_TRUE(found.ok()) << Describe(found);
  EXPECT_EQ(andi.name(), "Andi Pratama");
  EXPECT_EQ(andi.unit_id(), unor);
  ByNip(HrAdminToken(agency), nip2, &found);
  EXPECT_TRUE(found.ok()) << Describe(found);

  // The same file again changes nothing. (Fresh SIASN person ids would differ, so resend the
  // exact bytes.)
  v1::ImportSummary again;
  s = Import(HrAdminToken(agency), upload, &again);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(again.received(), 3);
  EXPECT_EQ(again.created(), 0);
  EXPECT_EQ(again.updated(), 0);
  EXPECT_EQ(again.unchanged(), 2);
  EXPECT_EQ(again.failed(), 1);
}

TEST(ImportRecordsTest, CsvWithOneBadRecord) {
  std::string agency = UniqueId("kota");
  std::string unor = AgencyWithUnor(agency);
  std::string nip1 = ValidNip(), nip2 = ValidNip(2);
  auto row = [&](const std::string& nip, const std::string& name, const std::string& sex) {
    return absl::StrCat(UniqueId("siasn"), ",", nip, ",\"", name, "\",", Dmy(nip), ",", sex,
                        ",III/b,4,Pengolah Data,,", unor, ",", agency, ",PNS,01-05-2015,");
  };
  Upload upload;
  upload.format = v1::IMPORT_FORMAT_CSV;
  upload.agency_id = agency;
  upload.chunk = 5;
  upload.data = absl::StrCat(
      "id,nipBaru,nama,tglLahir,jenisKelamin,golRuangAkhirId,jenisJabatanId,jabatanNama,eselonId,"
      "unorId,instansiIndukId,statusPegawai,tmtCpns,tmtJabatan\r\n",
      row(nip1, "Santoso, Budi", "L"), "\r\n",        // line 2
      "\r\n",                                         // line 3: blank
      row(ValidNip(), "Salah Kelamin", "P"), "\r\n",  // line 4: sex disagrees with the NIP
      row(nip2, "Dewi Sartika", "P"), "\r\n");        // line 5
  v1::ImportSummary summary;
  grpc::Status s = Import(HrAdminToken(agency), upload, &summary);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(summary.received(), 3);
  EXPECT_EQ(summary.created(), 2);
  EXPECT_EQ(summary.failed(), 1);
  ASSERT_THAT(summary.errors(), SizeIs(1)) << summary.DebugString();
  EXPECT_EQ(summary.errors(0).line(), 4);
  EXPECT_EQ(summary.errors(0).field(), "jenisKelamin");

  grpc::Status found;
  v1::Employee budi = ByNip(AuditorToken(), nip1, &found);
  ASSERT_TRUE(found.ok()) << Describe(found);
  EXPECT_EQ(budi.name(), "Santoso, Budi");
  EXPECT_EQ(budi.rank(), "32");
  v1::Employee dewi = ByNip(AuditorToken(), nip2, &found);
  ASSERT_TRUE(found.ok()) << Describe(found);
  EXPECT_EQ(dewi.sex(), v1::SEX_FEMALE);

  // A broken header stops the import.
  upload.data = "id,id\n";
  s = Import(HrAdminToken(agency), upload, &summary);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
}

TEST(ImportRecordsTest, DryRunWritesNothing) {
  std::string agency = UniqueId("kota");
  std::string unor = AgencyWithUnor(agency);
  std::string nip = ValidNip();
  Upload upload;
  upload.agency_id = agency;
  upload.dry_run = true;
  upload.data = EmployeeJson(agency, unor, nip, "Hanya Coba") + "\n";
  v1::ImportSummary summary;
  grpc::Status s = Import(HrAdminToken(agency), upload, &summary);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_TRUE(summary.dry_run());
  EXPECT_EQ(summary.created(), 1);
  grpc::Status found;
  ByNip(HrAdminToken(agency), nip, &found);
  EXPECT_EQ(found.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(found);
}

TEST(ImportRecordsTest, RequestIdReplaysTheSummary) {
  std::string agency = UniqueId("kota");
  std::string unor = AgencyWithUnor(agency);
  Upload upload;
  upload.agency_id = agency;
  upload.request_id = "import-" + agency;
  upload.data = EmployeeJson(agency, unor, ValidNip(), "Sekali Impor") + "\n";
  v1::ImportSummary first, second;
  ASSERT_TRUE(Import(HrAdminToken(agency), upload, &first).ok());
  grpc::Status s = Import(HrAdminToken(agency), upload, &second);
  ASSERT_TRUE(s.ok()) << Describe(s);
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(second.created(), 1);
}

TEST(ImportRecordsTest, OnlyHrAdminsOfTheAgencyImport) {
  std::string agency = UniqueId("kota");
  CreateAgency(agency);
  Upload upload;
  upload.agency_id = agency;
  upload.data = "{}\n";
  v1::ImportSummary summary;
  for (const std::string& token :
       {HrAdminToken(UniqueId("other")), EmployeeToken(ValidNip(), agency), AuditorToken()}) {
    grpc::Status s = Import(token, upload, &summary);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(s);
  }
  grpc::Status s = Import("", upload, &summary);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << Describe(s);

  upload.send_header = false;
  s = Import(HrAdminToken(agency), upload, &summary);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);

  upload.send_header = true;
  upload.kind = v1::IMPORT_KIND_UNSPECIFIED;
  s = Import(HrAdminToken(agency), upload, &summary);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(s);
}

}  // namespace
}  // namespace kinerja::employee::testing
