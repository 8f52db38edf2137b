#include "services/employee/domain/siasn_record.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "nlohmann/json.hpp"

namespace kinerja::employee {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

nlohmann::json ValidEmployeeJson() {
  return {
      {"id", "A8ACA7D1D3E5F6A7E040640A040252AD"},
      {"nipBaru", "198609262015051001"},
      {"nama", "  Budi   Santoso, S.Kom. "},
      {"tglLahir", "26-09-1986"},
      {"jenisKelamin", "M"},
      {"golRuangAkhirId", "32"},
      {"jenisJabatanId", "2"},
      {"jabatanNama", "Pranata Komputer Ahli Muda"},
      {"eselonId", nullptr},
      {"unorId", "8ae483a8-unor"},
      {"instansiIndukId", "A5EB03E23AFBF6A0E040640A040252AD"},
      {"statusPegawai", "PNS"},
      {"tmtCpns", "01-05-2015"},
      {"tmtJabatan", "2022-01-03"},
  };
}

ParsedRecord<SiasnEmployeeRecord> ParseJson(const nlohmann::json& json) {
  return ParseSiasnEmployeeJson(json.dump());
}

std::vector<std::string> Fields(const std::vector<FieldViolation>& errors) {
  std::vector<std::string> fields;
  for (const FieldViolation& e : errors) fields.push_back(e.field);
  return fields;
}

TEST(ParseSiasnEmployeeJson, ValidPns) {
  auto parsed = ParseJson(ValidEmployeeJson());
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].field << ": " << parsed.errors[0].description;
  const SiasnEmployeeRecord& v = parsed.value;
  EXPECT_EQ(v.siasn_id, "A8ACA7D1D3E5F6A7E040640A040252AD");
  EXPECT_EQ(v.nip, "198609262015051001");
  EXPECT_EQ(v.name, "Budi Santoso, S.Kom.");
  EXPECT_EQ(v.birth_date, absl::CivilDay(1986, 9, 26));
  EXPECT_EQ(v.sex, Sex::kMale);
  EXPECT_EQ(v.kind, EmployeeKind::kPns);
  EXPECT_FALSE(v.candidate);
  EXPECT_EQ(RankLabel(v.rank), "III/b");
  EXPECT_EQ(v.position, (PositionClass{PositionType::kFungsional, FunctionalLevel::kAhliMuda}));
  EXPECT_FALSE(v.eselon);
  EXPECT_EQ(v.position_name, "Pranata Komputer Ahli Muda");
  EXPECT_EQ(v.unor_id, "8ae483a8-unor");
  EXPECT_EQ(v.agency_id, "A5EB03E23AFBF6A0E040640A040252AD");
  EXPECT_EQ(v.cpns_date, absl::CivilDay(2015, 5, 1));
  EXPECT_EQ(v.position_date, absl::CivilDay(2022, 1, 3));
}

TEST(ParseSiasnEmployeeJson, NumbersForIdsAndCodes) {
  nlohmann::json json = ValidEmployeeJson();
  json["nipBaru"] = 198609262015051001;
  json["golRuangAkhirId"] = 32;
  json["jenisJabatanId"] = 1;
  json["eselonId"] = 22;
  json["jabatanNama"] = "Sekretaris Daerah";
  json["unorId"] = 12345;
  json["jenisKelamin"] = 1;
  auto parsed = ParseJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].field << ": " << parsed.errors[0].description;
  EXPECT_EQ(parsed.value.nip, "198609262015051001");
  EXPECT_EQ(parsed.value.unor_id, "12345");
  EXPECT_EQ(parsed.value.eselon, Eselon::kIIb);
  EXPECT_EQ(parsed.value.position.type, PositionType::kJptPratama);
}

TEST(ParseSiasnEmployeeJson, SexForms) {
  for (auto [text, sex] : std::vector<std::pair<std::string, Sex>>{{"M", Sex::kMale},
                                                                   {"m", Sex::kMale},
                                                                   {"L", Sex::kMale},
                                                                   {"1", Sex::kMale},
                                                                   {"F", Sex::kFemale},
                                                                   {"P", Sex::kFemale},
                                                                   {"p", Sex::kFemale},
                                                                   {"2", Sex::kFemale}}) {
    nlohmann::json json = ValidEmployeeJson();
    json["jenisKelamin"] = text;
    json["nipBaru"] = sex == Sex::kMale ? "198609262015051001" : "198609262015052001";
    auto parsed = ParseJson(json);
    EXPECT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(parsed.value.sex, sex) << text;
  }
  nlohmann::json json = ValidEmployeeJson();
  json["jenisKelamin"] = "X";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"jenisKelamin", "'X' is not M/F, L/P or 1/2"}));
  json["jenisKelamin"] = 3;
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"jenisKelamin", "'3' is not M/F, L/P or 1/2"}));
}

TEST(ParseSiasnEmployeeJson, StatusPegawai) {
  nlohmann::json json = ValidEmployeeJson();
  json["statusPegawai"] = "cpns";
  auto parsed = ParseJson(json);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.kind, EmployeeKind::kPns);
  EXPECT_TRUE(parsed.value.candidate);
  json["statusPegawai"] = "Honorer";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"statusPegawai", "'Honorer' is not PNS, CPNS or PPPK"}));
}

TEST(ParseSiasnEmployeeJson, PppkUsesNiRulesAndGrades) {
  nlohmann::json json = ValidEmployeeJson();
  json["statusPegawai"] = "PPPK";
  json["nipBaru"] = "199001152021132003";  // positions 13-14 "13" are not a month
  json["tglLahir"] = "1990-01-15";
  json["jenisKelamin"] = "P";
  json["golRuangAkhirId"] = "IX";
  json["tmtCpns"] = nullptr;
  auto parsed = ParseJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].field << ": " << parsed.errors[0].description;
  EXPECT_EQ(parsed.value.kind, EmployeeKind::kPppk);
  EXPECT_EQ(RankLabel(parsed.value.rank), "IX");
  EXPECT_FALSE(parsed.value.cpns_date);
  // A PNS golongan code is not a PPPK grade; and the same digits are not a valid NIP.
  json["golRuangAkhirId"] = "31";
  EXPECT_THAT(Fields(ParseJson(json).errors), ElementsAre("golRuangAkhirId"));
  json["golRuangAkhirId"] = "IX";
  json["statusPegawai"] = "PNS";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"nipBaru",
                                         "first appointment 202113 has no real month "
                                         "(positions 9-14)"},
                          FieldViolation{"golRuangAkhirId",
                                         "'IX' is neither a code (11..45) nor a label "
                                         "(I/a..IV/e)"}));
}

TEST(ParseSiasnEmployeeJson, TmtCpnsMustAgreeWithTheIdsAppointment) {
  nlohmann::json json = ValidEmployeeJson();  // NIP 2015-05, tmtCpns 01-05-2015
  json["tmtCpns"] = "31-05-2015";             // any day of the month
  EXPECT_THAT(ParseJson(json).errors, IsEmpty());
  json["tmtCpns"] = "01-06-2015";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"tmtCpns",
                                         "2015-06-01 disagrees with the first appointment in "
                                         "nipBaru (2015-05)"}));
  // NI PPPK: the year only (positions 13-14 are not a month).
  json = ValidEmployeeJson();
  json["statusPegawai"] = "PPPK";
  json["nipBaru"] = "198609262021131001";
  json["golRuangAkhirId"] = "IX";
  json["tmtCpns"] = "01-12-2021";
  EXPECT_THAT(ParseJson(json).errors, IsEmpty());
  json["tmtCpns"] = "01-01-2022";
  EXPECT_THAT(Fields(ParseJson(json).errors), ElementsAre("tmtCpns"));
}

TEST(ParseSiasnEmployeeJson, NoAppointmentInALaterMonthThanToday) {
  nlohmann::json json = ValidEmployeeJson();
  json["nipBaru"] = "198609262024031001";
  json["tmtCpns"] = "01-03-2024";
  NipOptions options;
  options.not_after = absl::CivilDay(2024, 3, 1);
  EXPECT_THAT(ParseSiasnEmployeeJson(json.dump(), options).errors, IsEmpty());
  options.not_after = absl::CivilDay(2024, 2, 29);
  EXPECT_THAT(Fields(ParseSiasnEmployeeJson(json.dump(), options).errors), ElementsAre("nipBaru"));
  // A NIP of an earlier month with a tmtCpns in the future month names tmtCpns.
  json["nipBaru"] = "198609262015051001";
  json["tmtCpns"] = "01-03-2024";
  EXPECT_THAT(ParseSiasnEmployeeJson(json.dump(), options).errors,
              ElementsAre(FieldViolation{"tmtCpns", "2024-03-01 is in a month after 2024-02-29"}));
}

TEST(ParseSiasnEmployeeJson, IdentityMustAgree) {
  nlohmann::json json = ValidEmployeeJson();
  json["tglLahir"] = "27-09-1986";
  json["jenisKelamin"] = "F";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"tglLahir",
                                         "1986-09-27 disagrees with the birth date in "
                                         "nipBaru (1986-09-26)"},
                          FieldViolation{"jenisKelamin",
                                         "FEMALE disagrees with the sex digit in nipBaru "
                                         "(MALE)"}));
  json = ValidEmployeeJson();
  json["nipBaru"] = "198613262015051001";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"nipBaru",
                                         "birth date 19861326 is not a real date "
                                         "(positions 1-8)"}));
}

TEST(ParseSiasnEmployeeJson, ReportsEveryBadField) {
  nlohmann::json json = {
      {"id", ""},
      {"nipBaru", "123"},
      {"nama", "   "},
      {"tglLahir", "31-02-1986"},
      {"jenisKelamin", true},
      {"golRuangAkhirId", 99},
      {"jenisJabatanId", "x"},
      {"unorId", 1.5},
      {"statusPegawai", "PNS"},
      {"tmtJabatan", "2022/01/03"},
  };
  auto parsed = ParseJson(json);
  EXPECT_THAT(
      parsed.errors,
      ElementsAre(
          FieldViolation{"id", "is required"}, FieldViolation{"nama", "is required"},
          FieldViolation{"tglLahir",
                         "'31-02-1986' is not a real date (dd-mm-yyyy or "
                         "yyyy-mm-dd)"},
          FieldViolation{"jenisKelamin", "must be a string or an integer"},
          FieldViolation{"nipBaru", "must be 18 digits, got 3 characters"},
          FieldViolation{"golRuangAkhirId", "code 99 is not one of 11..14, 21..24, 31..34, 41..45"},
          FieldViolation{"jenisJabatanId", "'x' is not a number"},
          FieldViolation{"unorId", "must be a string or an integer"},
          FieldViolation{"instansiIndukId", "is required"},
          FieldViolation{"tmtJabatan",
                         "'2022/01/03' is not a real date (dd-mm-yyyy or "
                         "yyyy-mm-dd)"}));
}

TEST(ParseSiasnEmployeeJson, PositionErrors) {
  nlohmann::json json = ValidEmployeeJson();
  json["jenisJabatanId"] = 1;
  json["eselonId"] = "";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"eselonId",
                                         "required for a structural position (jenisJabatanId 1)"}));
  json["eselonId"] = "99";
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"eselonId",
                                         "code 99 is not one of 11, 12, 21, 22, 31, 32, 41, 42, "
                                         "51"}));
  json["jenisJabatanId"] = 2;
  json["jabatanNama"] = "Guru";
  EXPECT_THAT(Fields(ParseJson(json).errors), ElementsAre("jabatanNama"));  // eselon ignored
  json["jenisJabatanId"] = 3;
  EXPECT_THAT(Fields(ParseJson(json).errors), ElementsAre("jenisJabatanId"));
  json["jenisJabatanId"] = 4;
  auto parsed = ParseJson(json);
  EXPECT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.position.type, PositionType::kPelaksana);
  json["jenisJabatanId"] = 9999999999;
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"jenisJabatanId", "9999999999 is not 1, 2 or 4"}));
}

TEST(ParseSiasnEmployeeJson, RecordLevelErrors) {
  EXPECT_THAT(ParseSiasnEmployeeJson("{\"id\": ").errors,
              ElementsAre(FieldViolation{"record", "is not valid JSON"}));
  EXPECT_THAT(ParseSiasnEmployeeJson("").errors,
              ElementsAre(FieldViolation{"record", "is not valid JSON"}));
  EXPECT_THAT(ParseSiasnEmployeeJson("[1,2]").errors,
              ElementsAre(FieldViolation{"record", "must be a JSON object"}));
  EXPECT_THAT(ParseSiasnEmployeeJson("\"x\"").errors,
              ElementsAre(FieldViolation{"record", "must be a JSON object"}));
  EXPECT_THAT(ParseSiasnEmployeeJson("{\"nama\": \"\xFF\"}").errors,
              ElementsAre(FieldViolation{"record", "is not valid JSON"}));
  EXPECT_EQ(ParseSiasnEmployeeJson("{}").errors.size(), 10u);  // every required field
  // Hostile input: deep nesting neither crashes nor throws.
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(ParseSiasnEmployeeJson(deep).errors,
              ElementsAre(FieldViolation{"record", "must be a JSON object"}));
  EXPECT_THAT(ParseSiasnEmployeeJson(std::string(100000, '[')).errors,
              ElementsAre(FieldViolation{"record", "is not valid JSON"}));
}

TEST(ParseSiasnEmployeeJson, NameRules) {
  nlohmann::json json = ValidEmployeeJson();
  json["nama"] = std::string(201, 'a');
  EXPECT_THAT(ParseJson(json).errors,
              ElementsAre(FieldViolation{"nama", "has 201 characters, more than 200"}));
  json["nama"] = 42;
  EXPECT_THAT(ParseJson(json).errors, ElementsAre(FieldViolation{"nama", "must be a string"}));
}

TEST(ParseSiasnUnorJson, ValidAndErrors) {
  auto parsed = ParseSiasnUnorJson(
      R"({"id":"u2","diatasanId":"u1","namaUnor":"Dinas Pendidikan","namaJabatan":"Kepala Dinas",)"
      R"("pemimpinPnsId":"p9","eselonId":21,"instansiId":"kota"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.id, "u2");
  EXPECT_EQ(parsed.value.parent_id, "u1");
  EXPECT_EQ(parsed.value.name, "Dinas Pendidikan");
  EXPECT_EQ(parsed.value.leader_position_name, "Kepala Dinas");
  EXPECT_EQ(parsed.value.leader_siasn_id, "p9");
  EXPECT_EQ(parsed.value.eselon, Eselon::kIIa);
  EXPECT_EQ(parsed.value.agency_id, "kota");

  auto root = ParseSiasnUnorJson(R"({"id":"u1","diatasanId":"u1","namaUnor":"Pemkot",)"
                                 R"("instansiId":"kota","eselonId":null})");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root.value.parent_id, "");
  EXPECT_FALSE(root.value.eselon);

  auto bad = ParseSiasnUnorJson(R"({"id":7,"eselonId":"II.c","pemimpinPnsId":[]})");
  EXPECT_THAT(bad.errors,
              ElementsAre(FieldViolation{"namaUnor", "is required"},
                          FieldViolation{"pemimpinPnsId", "must be a string or an integer"},
                          FieldViolation{"eselonId",
                                         "'II.c' is neither a code (11..51) nor a label "
                                         "(I.a..V.a)"},
                          FieldViolation{"instansiId", "is required"}));
  EXPECT_EQ(bad.value.id, "7");
}

constexpr char kEmployeeHeader[] =
    "\xEF\xBB\xBFid,nipBaru,nama,tglLahir,jenisKelamin,golRuangAkhirId,jenisJabatanId,"
    "jabatanNama,eselonId,unorId,instansiIndukId,statusPegawai,tmtCpns,tmtJabatan\r";

TEST(SiasnEmployeeCsv, ParsesRowsByHeader) {
  auto csv = SiasnEmployeeCsv::Create(kEmployeeHeader);
  ASSERT_TRUE(csv.ok()) << csv.status();
  auto parsed = csv->Parse(
      "p1,198609262015051001,\"Santoso, Budi\",26-09-1986,L,III/b,1,Kepala Seksi Kurikulum,41,"
      "u1,kota,PNS,01-05-2015,\r");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].field << ": " << parsed.errors[0].description;
  EXPECT_EQ(parsed.value.name, "Santoso, Budi");
  EXPECT_EQ(parsed.value.position.type, PositionType::kPengawas);
  EXPECT_EQ(parsed.value.eselon, Eselon::kIVa);
  EXPECT_FALSE(parsed.value.position_date);  // empty cell = missing, optional

  auto bad = csv->Parse("p1,198609262015051001,Budi,26-09-1986,L,III/b,4,,,u1,kota,PNS,,");
  EXPECT_TRUE(bad.ok());
  EXPECT_THAT(
      csv->Parse("p1,\"unterminated").errors,
      ElementsAre(FieldViolation{"record", "unterminated quoted field starting at character 4"}));
  EXPECT_THAT(csv->Parse("p1,2").errors,
              ElementsAre(FieldViolation{"record", "has 2 fields but the header has 14"}));
}

TEST(SiasnEmployeeCsv, ColumnOrderAndOptionalColumns) {
  auto csv = SiasnEmployeeCsv::Create(
      "statusPegawai,instansiIndukId,unorId,jenisJabatanId,golRuangAkhirId,jenisKelamin,"
      "tglLahir,nama,nipBaru,id");
  ASSERT_TRUE(csv.ok()) << csv.status();
  auto parsed = csv->Parse("PPPK,kota,u1,4,9,2,1990-01-15,Siti,199001152021132003,p2");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].field << ": " << parsed.errors[0].description;
  EXPECT_EQ(parsed.value.kind, EmployeeKind::kPppk);
  EXPECT_EQ(RankLabel(parsed.value.rank), "IX");
  EXPECT_EQ(parsed.value.position_name, "");
}

TEST(SiasnEmployeeCsv, HeaderErrors) {
  EXPECT_EQ(SiasnEmployeeCsv::Create("id,nipBaru").status().message(),
            "csv: required column 'nama' is missing from the header");
  EXPECT_EQ(SiasnEmployeeCsv::Create("id,id").status().message(),
            "csv: column 'id' appears twice in the header");
  EXPECT_EQ(SiasnEmployeeCsv::Create("\"id").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(SiasnUnorCsv, ParsesRows) {
  auto csv = SiasnUnorCsv::Create(
      "id, diatasanId ,namaUnor,namaJabatan,pemimpinPnsId,eselonId,instansiId,extra");
  ASSERT_TRUE(csv.ok()) << csv.status();
  auto parsed = csv->Parse("u3,u2,\"Bidang \"\"SD\"\"\",Kepala Bidang,,III.a,kota,ignored");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.name, "Bidang \"SD\"");
  EXPECT_EQ(parsed.value.parent_id, "u2");
  EXPECT_EQ(parsed.value.eselon, Eselon::kIIIa);
  EXPECT_EQ(parsed.value.leader_siasn_id, "");
  EXPECT_THAT(Fields(csv->Parse(",,,,,,,").errors), ElementsAre("id", "namaUnor", "instansiId"));
  EXPECT_EQ(SiasnUnorCsv::Create("id,namaUnor").status().message(),
            "csv: required column 'instansiId' is missing from the header");
}

}  // namespace
}  // namespace kinerja::employee
