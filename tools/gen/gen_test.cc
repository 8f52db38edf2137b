#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gen/agencies.h"
#include "tools/gen/dates.h"
#include "tools/gen/flags.h"
#include "tools/gen/generator.h"
#include "tools/gen/writers.h"

namespace kinerja::gen {
namespace {

namespace fs = std::filesystem;
using Record = std::map<std::string, std::string>;

// A scratch directory removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "kinerja-gen-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~ScratchDir() { fs::remove_all(path_); }
  std::string Sub(std::string_view name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Record> ReadJsonl(const std::string& path, std::span<const std::string_view> keys) {
  std::vector<Record> records;
  std::istringstream lines(ReadFile(path));
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json object = nlohmann::json::parse(line);
    EXPECT_EQ(object.size(), keys.size()) << line;
    Record record;
    for (std::string_view key : keys) {
      const nlohmann::json& value = object.at(std::string(key));
      EXPECT_TRUE(value.is_string()) << line;
      record[std::string(key)] = value.is_string() ? value.get<std::string>() : "";
    }
    // Field order is part of the format: keys appear as listed.
    size_t at = 0;
    for (std::string_view key : keys) {
      const size_t found = line.find("\"" + std::string(key) + "\":", at);
      EXPECT_NE(found, std::string::npos) << key << " out of order in " << line;
      at = found == std::string::npos ? at : found;
    }
    records.push_back(std::move(record));
  }
  return records;
}

// Minimal RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field.push_back(c);
    }
  }
  EXPECT_TRUE(rows.back().empty() && field.empty()) << "file must end with CRLF";
  rows.pop_back();
  return rows;
}

std::vector<Record> ReadCsv(const std::string& path, std::span<const std::string_view> keys) {
  const auto rows = ParseCsv(ReadFile(path));
  std::vector<Record> records;
  if (rows.empty()) return records;
  EXPECT_EQ(rows[0], std::vector<std::string>(keys.begin(), keys.end()));
  for (size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), keys.size());
    Record record;
    for (size_t i = 0; i < keys.size() && i < rows[r].size(); ++i) {
      record[std::string(keys[i])] = rows[r][i];
    }
    records.push_back(std::move(record));
  }
  return records;
}

struct Dataset {
  std::vector<Record> units;
  std::vector<Record> employees;
  std::vector<nlohmann::json> agencies;  // from agencies.jsonl
  nlohmann::json agency_file;            // agency.json
};

GenSummary Generate(const GenOptions& options) {
  auto summary = GenerateDataset(options);
  EXPECT_TRUE(summary.ok()) << summary.status();
  return summary.ok() ? *summary : GenSummary{};
}

Dataset Load(const std::string& dir, OutputFormat format) {
  Dataset data;
  if (format == OutputFormat::kJsonl) {
    data.units = ReadJsonl(dir + "/unor.jsonl", kUnorFields);
    data.employees = ReadJsonl(dir + "/data-utama.jsonl", kEmployeeFields);
  } else {
    data.units = ReadCsv(dir + "/unor.csv", kUnorFields);
    data.employees = ReadCsv(dir + "/data-utama.csv", kEmployeeFields);
  }
  std::istringstream lines(ReadFile(dir + "/agencies.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    data.agencies.push_back(nlohmann::json::parse(line));
  }
  data.agency_file = nlohmann::json::parse(ReadFile(dir + "/agency.json"));
  return data;
}

bool IsSiasnId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

int Number(std::string_view digits) { return std::stoi(std::string(digits)); }

// Checks an employee's NIP (PNS) or NI PPPK against the rest of the record.
void CheckNationalId(const Record& e, const Date& as_of) {
  const std::string& nip = e.at("nipBaru");
  ASSERT_EQ(nip.size(), 18u) << nip;
  ASSERT_TRUE(AllDigits(nip)) << nip;
  const auto birth = ParseDdMmYyyy(e.at("tglLahir"));
  ASSERT_TRUE(birth.has_value()) << e.at("tglLahir");
  EXPECT_TRUE(
      IsValidDate(Number(nip.substr(0, 4)), Number(nip.substr(4, 2)), Number(nip.substr(6, 2))))
      << nip;
  EXPECT_EQ(Date(Number(nip.substr(0, 4)), Number(nip.substr(4, 2)), Number(nip.substr(6, 2))),
            *birth)
      << nip;
  EXPECT_EQ(nip[14], e.at("jenisKelamin") == "F" ? '2' : '1') << nip;
  EXPECT_GE(Number(nip.substr(15, 3)), 1) << nip;
  const int year = Number(nip.substr(8, 4));
  const auto tmt_cpns = ParseDdMmYyyy(e.at("tmtCpns"));
  ASSERT_TRUE(tmt_cpns.has_value());
  if (e.at("statusPegawai") == "PPPK") {
    // Positions 13-14 vary in meaning for NI PPPK: only the year is checked.
    EXPECT_GE(year, 2019) << nip;
    EXPECT_LE(year, as_of.year) << nip;
    EXPECT_EQ(tmt_cpns->year, year);
    EXPECT_GE(year - birth->year, 19) << nip;
    return;
  }
  const int month = Number(nip.substr(12, 2));
  ASSERT_TRUE(month >= 1 && month <= 12) << nip;
  const Date appointment{year, month, 1};
  // First appointment strictly after the month the person turned 18, and not in the future.
  EXPECT_GT(MonthIndex(appointment), MonthIndex(*birth) + 18 * 12) << nip;
  EXPECT_LE(MonthIndex(appointment), MonthIndex(as_of)) << nip;
  EXPECT_EQ(MonthIndex(*tmt_cpns), MonthIndex(appointment)) << nip;
}

void CheckGolongan(const Record& e) {
  static const std::set<std::string> kPns = {"11", "12", "13", "14", "21", "22", "23", "24", "31",
                                             "32", "33", "34", "41", "42", "43", "44", "45"};
  static const std::set<std::string> kPppk = {"I",    "II",   "III", "IV",  "V",   "VI",
                                              "VII",  "VIII", "IX",  "X",   "XI",  "XII",
                                              "XIII", "XIV",  "XV",  "XVI", "XVII"};
  const std::string& golongan = e.at("golRuangAkhirId");
  if (e.at("statusPegawai") == "PPPK") {
    EXPECT_TRUE(kPppk.contains(golongan)) << golongan;
  } else {
    EXPECT_TRUE(kPns.contains(golongan)) << golongan;
  }
}

// Rank ranges of structural leaders: II IV/b-IV/d (I.b up to IV/e), III III/d-IV/b,
// IV III/b-III/d.
void CheckLeaderRank(const Record& e) {
  const std::string& eselon = e.at("eselonId");
  const int golongan = Number(e.at("golRuangAkhirId"));
  if (eselon == "12") {
    EXPECT_GE(golongan, 44);
  } else if (eselon[0] == '2') {
    EXPECT_TRUE(golongan >= 42 && golongan <= 44) << golongan;
  } else if (eselon[0] == '3') {
    EXPECT_TRUE(golongan >= 34 && golongan <= 42) << golongan;
  } else if (eselon[0] == '4') {
    EXPECT_TRUE(golongan >= 32 && golongan <= 34) << golongan;
  }
}

struct Stats {
  int64_t pppk = 0;
  int64_t vacancies = 0;
  int64_t functional = 0;
  std::vector<int64_t> leaf_sizes;  // direct staff (without the leader) of leaf units
};

// Checks every invariant the importers rely on and counts a few shares for the caller.
void CheckDataset(const Dataset& data, int64_t expected_employees, const Date& as_of,
                  Stats* out = nullptr) {
  static const std::set<std::string> kEselon = {"", "12", "21", "22", "31", "32", "41", "42"};
  Stats local;
  Stats& stats = out != nullptr ? *out : local;
  std::set<std::string> agency_ids;
  for (const auto& agency : data.agencies) {
    agency_ids.insert(agency.at("id").get<std::string>());
    EXPECT_TRUE(IsSiasnId(agency.at("id").get<std::string>()));
    const std::string kind = agency.at("kind").get<std::string>();
    EXPECT_TRUE(kind == "CITY" || kind == "REGENCY" || kind == "PROVINCE") << kind;
  }
  EXPECT_EQ(agency_ids.size(), data.agencies.size());

  std::map<std::string, size_t> unit_index;
  std::set<std::string> seen_roots;
  for (size_t i = 0; i < data.units.size(); ++i) {
    const Record& u = data.units[i];
    ASSERT_TRUE(IsSiasnId(u.at("id"))) << u.at("id");
    ASSERT_TRUE(unit_index.emplace(u.at("id"), i).second) << "duplicate unit " << u.at("id");
    EXPECT_TRUE(agency_ids.contains(u.at("instansiId")));
    EXPECT_TRUE(kEselon.contains(u.at("eselonId"))) << u.at("eselonId");
    EXPECT_FALSE(u.at("namaUnor").empty());
    EXPECT_FALSE(u.at("namaJabatan").empty());
    if (u.at("diatasanId").empty()) {
      // The root: the political head, NON-ASN, without NIP or echelon.
      EXPECT_TRUE(seen_roots.insert(u.at("instansiId")).second) << "two roots";
      EXPECT_TRUE(u.at("pemimpinPnsId").empty());
      EXPECT_TRUE(u.at("eselonId").empty());
      const std::string& title = u.at("namaJabatan");
      EXPECT_TRUE(title == "Wali Kota" || title == "Bupati" || title == "Gubernur") << title;
    } else {
      // Parents are listed before their children, within the same agency.
      auto parent = unit_index.find(u.at("diatasanId"));
      ASSERT_NE(parent, unit_index.end()) << "unknown diatasanId " << u.at("diatasanId");
      EXPECT_EQ(data.units[parent->second].at("instansiId"), u.at("instansiId"));
      if (u.at("pemimpinPnsId").empty()) ++stats.vacancies;
    }
  }
  EXPECT_EQ(seen_roots.size(), agency_ids.size());

  std::map<std::string, const Record*> employee_by_id;
  std::set<std::string> nips;
  std::map<std::string, int64_t> direct_staff;
  std::set<std::string> has_children;
  for (const Record& u : data.units) has_children.insert(u.at("diatasanId"));
  for (const Record& e : data.employees) {
    ASSERT_TRUE(IsSiasnId(e.at("id"))) << e.at("id");
    ASSERT_TRUE(employee_by_id.emplace(e.at("id"), &e).second) << "duplicate id " << e.at("id");
    EXPECT_TRUE(nips.insert(e.at("nipBaru")).second) << "duplicate NIP " << e.at("nipBaru");
    ASSERT_TRUE(unit_index.contains(e.at("unorId"))) << "unknown unorId " << e.at("unorId");
    const Record& unit = data.units[unit_index.at(e.at("unorId"))];
    EXPECT_EQ(e.at("instansiIndukId"), unit.at("instansiId"));
    EXPECT_FALSE(e.at("nama").empty());
    EXPECT_FALSE(e.at("jabatanNama").empty());
    EXPECT_TRUE(e.at("jenisKelamin") == "M" || e.at("jenisKelamin") == "F");
    const std::string& status = e.at("statusPegawai");
    EXPECT_TRUE(status == "PNS" || status == "CPNS" || status == "PPPK") << status;
    const std::string& type = e.at("jenisJabatanId");
    EXPECT_TRUE(type == "1" || type == "2" || type == "4") << type;
    EXPECT_EQ(e.at("eselonId").empty(), type != "1") << e.at("jabatanNama");
    const auto tmt_jabatan = ParseDdMmYyyy(e.at("tmtJabatan"));
    ASSERT_TRUE(tmt_jabatan.has_value());
    EXPECT_GE(*tmt_jabatan, *ParseDdMmYyyy(e.at("tmtCpns")));
    EXPECT_LE(*tmt_jabatan, as_of);
    CheckNationalId(e, as_of);
    CheckGolongan(e);
    if (type == "1") CheckLeaderRank(e);
    stats.pppk += status == "PPPK" ? 1 : 0;
    stats.functional += type == "2" ? 1 : 0;
    if (unit.at("pemimpinPnsId") != e.at("id")) ++direct_staff[e.at("unorId")];
  }
  EXPECT_EQ(static_cast<int64_t>(data.employees.size()), expected_employees);

  // Every named leader is an employee of the unit they lead, in its position.
  for (const Record& u : data.units) {
    if (!has_children.contains(u.at("id"))) stats.leaf_sizes.push_back(direct_staff[u.at("id")]);
    const std::string& leader = u.at("pemimpinPnsId");
    if (leader.empty()) continue;
    ASSERT_TRUE(employee_by_id.contains(leader)) << "unknown pemimpinPnsId " << leader;
    const Record& e = *employee_by_id.at(leader);
    EXPECT_EQ(e.at("unorId"), u.at("id"));
    EXPECT_NE(e.at("statusPegawai"), "PPPK");
    if (!u.at("eselonId").empty()) {
      EXPECT_EQ(e.at("jabatanNama"), u.at("namaJabatan"));
      EXPECT_EQ(e.at("eselonId"), u.at("eselonId"));
    }
  }
}

GenOptions Options(const std::string& dir, int64_t employees, uint64_t seed) {
  GenOptions options;
  options.out_dir = dir;
  options.employees = employees;
  options.seed = seed;
  return options;
}

bool AnyUnitNamed(const Dataset& data, std::string_view prefix) {
  for (const Record& u : data.units) {
    if (u.at("namaUnor").starts_with(prefix)) return true;
  }
  return false;
}

TEST(GenTest, CityIsConsistentAndRealistic) {
  ScratchDir dir;
  const GenOptions options = Options(dir.Sub("city"), 6000, 7);
  const GenSummary summary = Generate(options);
  EXPECT_EQ(summary.agencies, 1);
  EXPECT_EQ(summary.employees, 6000);
  const Dataset data = Load(options.out_dir, OutputFormat::kJsonl);
  Stats stats;
  CheckDataset(data, 6000, options.as_of, &stats);

  ASSERT_TRUE(data.agency_file.is_object());
  EXPECT_EQ(data.agency_file.at("kind"), "CITY");
  EXPECT_EQ(data.agency_file.at("head_title"), "Wali Kota");
  EXPECT_TRUE(data.agency_file.at("name").get<std::string>().starts_with("Pemerintah Kota "));
  EXPECT_EQ(data.units[0].at("namaJabatan"), "Wali Kota");

  for (std::string_view prefix : {"Sekretariat Daerah",
                                  "Asisten ",
                                  "Bagian ",
                                  "Inspektorat Daerah",
                                  "Badan Perencanaan Pembangunan Daerah",
                                  "Badan Kepegawaian",
                                  "Dinas Pendidikan",
                                  "Dinas Kesehatan",
                                  "Dinas Perhubungan",
                                  "Dinas Kependudukan dan Pencatatan Sipil",
                                  "Dinas Pekerjaan Umum dan Penataan Ruang",
                                  "Dinas Sosial",
                                  "Dinas Lingkungan Hidup",
                                  "Dinas Komunikasi dan Informatika",
                                  "Sekretariat Dinas",
                                  "Bidang ",
                                  "Seksi ",
                                  "Subbagian ",
                                  "Kecamatan ",
                                  "Kelurahan ",
                                  "UPTD Puskesmas ",
                                  "SD Negeri ",
                                  "SMP Negeri ",
                                  "Rumah Sakit Umum Daerah"}) {
    EXPECT_TRUE(AnyUnitNamed(data, prefix)) << prefix;
  }
  // The share of PPPK is as asked (exact quotas per agency, so only rounding differs).
  EXPECT_NEAR(static_cast<double>(stats.pppk) / 6000, 0.15, 0.01);
  // Teachers and health workers make functional positions a large share.
  EXPECT_GT(static_cast<double>(stats.functional) / 6000, 0.45);
  // About 3 % vacancies among leader positions.
  EXPECT_GT(stats.vacancies, 0);
  EXPECT_LT(static_cast<double>(stats.vacancies) / static_cast<double>(data.units.size()), 0.08);
  // Leaf units hold 10-60 staff, give or take a few outliers.
  int64_t outside = 0;
  for (int64_t size : stats.leaf_sizes) outside += size < 8 || size > 60 ? 1 : 0;
  EXPECT_LT(static_cast<double>(outside) / static_cast<double>(stats.leaf_sizes.size()), 0.05);

  // Names with apostrophes survive JSON: at least one is generated and parsed back intact.
  bool apostrophe = false;
  for (const Record& e : data.employees) apostrophe |= e.at("nama").find('\'') != std::string::npos;
  EXPECT_TRUE(apostrophe);
}

TEST(GenTest, SmallestAgencyStillHoldsTogether) {
  ScratchDir dir;
  for (uint64_t seed : {1, 2, 3}) {
    const GenOptions options = Options(dir.Sub("small" + std::to_string(seed)), 100, seed);
    Generate(options);
    const Dataset data = Load(options.out_dir, OutputFormat::kJsonl);
    CheckDataset(data, 100, options.as_of);
    EXPECT_GE(data.units.size(), 5u);
  }
}

TEST(GenTest, SameSeedGivesSameBytes) {
  ScratchDir dir;
  Generate(Options(dir.Sub("a"), 2500, 42));
  Generate(Options(dir.Sub("b"), 2500, 42));
  Generate(Options(dir.Sub("c"), 2500, 43));
  for (const char* file : {"unor.jsonl", "data-utama.jsonl", "agency.json", "agencies.jsonl"}) {
    const std::string a = ReadFile(dir.Sub("a") + "/" + file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, ReadFile(dir.Sub("b") + "/" + file)) << file;
    EXPECT_NE(a, ReadFile(dir.Sub("c") + "/" + file)) << file;
  }
}

TEST(GenTest, CsvAndJsonlDescribeTheSameRecords) {
  ScratchDir dir;
  GenOptions jsonl = Options(dir.Sub("jsonl"), 3000, 11);
  GenOptions csv = jsonl;
  csv.out_dir = dir.Sub("csv");
  csv.format = OutputFormat::kCsv;
  Generate(jsonl);
  Generate(csv);
  const Dataset from_jsonl = Load(jsonl.out_dir, OutputFormat::kJsonl);
  const Dataset from_csv = Load(csv.out_dir, OutputFormat::kCsv);
  EXPECT_EQ(from_jsonl.units, from_csv.units);
  EXPECT_EQ(from_jsonl.employees, from_csv.employees);
  EXPECT_EQ(from_jsonl.agency_file, from_csv.agency_file);
  // Some unit names need quoting ("Dinas Koperasi, Usaha Kecil dan Menengah").
  EXPECT_NE(ReadFile(csv.out_dir + "/unor.csv").find("\",\""), std::string::npos);
  CheckDataset(from_csv, 3000, csv.as_of);
}

TEST(GenTest, LargeRunsSplitIntoSeveralAgencies) {
  ScratchDir dir;
  GenOptions options = Options(dir.Sub("many"), 45000, 5);
  options.pppk_share = 0.3;
  options.vacancy_share = 0.1;
  const GenSummary summary = Generate(options);
  EXPECT_GE(summary.agencies, 3);
  EXPECT_LE(summary.agencies, 9);
  const Dataset data = Load(options.out_dir, OutputFormat::kJsonl);
  ASSERT_TRUE(data.agency_file.is_array());
  EXPECT_EQ(data.agency_file.size(), data.agencies.size());
  EXPECT_EQ(static_cast<int64_t>(data.agencies.size()), summary.agencies);
  Stats stats;
  CheckDataset(data, 45000, options.as_of, &stats);
  EXPECT_NEAR(static_cast<double>(stats.pppk) / 45000, 0.3, 0.01);
  EXPECT_NEAR(static_cast<double>(stats.vacancies) / static_cast<double>(data.units.size()), 0.1,
              0.03);
}

TEST(GenTest, JsonAndCsvEscaping) {
  std::string json;
  AppendJsonString("Ma'ruf \"Amin\" \\ \n\x01", &json);
  EXPECT_EQ(json, "\"Ma'ruf \\\"Amin\\\" \\\\ \\n\\u0001\"");
  EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), "Ma'ruf \"Amin\" \\ \n\x01");
  std::string csv;
  AppendCsvField("Ma'ruf", &csv);
  csv.push_back('|');
  AppendCsvField("Koperasi, \"UKM\"", &csv);
  EXPECT_EQ(csv, "Ma'ruf|\"Koperasi, \"\"UKM\"\"\"");
}

TEST(GenTest, ApportionIsExact) {
  const auto parts = Apportion({1.5, 0.1, 3.0, 0.0, 2.2}, 1001);
  int64_t sum = 0;
  for (int64_t part : parts) {
    EXPECT_GE(part, 0);
    sum += part;
  }
  EXPECT_EQ(sum, 1001);
  EXPECT_EQ(parts[3], 0);
}

absl::StatusOr<ParsedFlags> Parse(std::vector<std::string_view> args) { return ParseFlags(args); }

TEST(GenFlagsTest, ParsesAllFlags) {
  const auto flags =
      Parse({"--out", "/tmp/x", "--employees=250000", "--seed", "9", "--format", "csv",
             "--pppk-share", "0.2", "--vacancy-share=0", "--as-of", "2024-01-31"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_EQ(flags->options.out_dir, "/tmp/x");
  EXPECT_EQ(flags->options.employees, 250000);
  EXPECT_EQ(flags->options.seed, 9u);
  EXPECT_EQ(flags->options.format, OutputFormat::kCsv);
  EXPECT_DOUBLE_EQ(flags->options.pppk_share, 0.2);
  EXPECT_DOUBLE_EQ(flags->options.vacancy_share, 0.0);
  EXPECT_EQ(flags->options.as_of, Date(2024, 1, 31));
  EXPECT_TRUE(Parse({"--help"})->help);
}

TEST(GenFlagsTest, ErrorsNameTheFlag) {
  struct Case {
    std::vector<std::string_view> args;
    std::string_view expected;
  };
  const Case cases[] = {
      {{}, "--out"},
      {{"--out", "d", "--employees", "99"}, "--employees"},
      {{"--out", "d", "--employees", "5000001"}, "--employees"},
      {{"--out", "d", "--employees", "1e3"}, "--employees"},
      {{"--out", "d", "--format", "xml"}, "--format"},
      {{"--out", "d", "--pppk-share", "1.5"}, "--pppk-share"},
      {{"--out", "d", "--vacancy-share", "nan"}, "--vacancy-share"},
      {{"--out", "d", "--seed", "-1"}, "--seed"},
      {{"--out", "d", "--as-of", "2024-02-30"}, "--as-of"},
      {{"--out", "d", "--bogus", "1"}, "--bogus"},
      {{"--out", "d", "--bogus"}, "unknown flag '--bogus'"},
      {{"--out"}, "--out"},
      {{"--out", "d", "stray"}, "stray"},
  };
  for (const Case& c : cases) {
    const auto flags = Parse(c.args);
    ASSERT_FALSE(flags.ok()) << c.expected;
    EXPECT_EQ(flags.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(flags.status().message()).find(c.expected), std::string::npos)
        << flags.status();
  }
}

}  // namespace
}  // namespace kinerja::gen
