#include "services/employee/domain/siasn_record.h"

#include <climits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "services/employee/domain/person_name.h"
#include "services/employee/domain/siasn_fields.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

using siasn_internal::CsvFieldSource;
using siasn_internal::FieldReader;
using siasn_internal::FieldSource;
using siasn_internal::JsonFieldSource;

constexpr std::string_view kEmployeeRequired[] = {"id",
                                                  "nipBaru",
                                                  "nama",
                                                  "tglLahir",
                                                  "jenisKelamin",
                                                  "statusPegawai",
                                                  "golRuangAkhirId",
                                                  "jenisJabatanId",
                                                  "unorId",
                                                  "instansiIndukId"};
constexpr std::string_view kUnorRequired[] = {"id", "namaUnor", "instansiId"};

struct Employment {
  EmployeeKind kind;
  bool candidate;
};

std::optional<Employment> ReadEmployment(FieldReader& r) {
  std::optional<std::string> text = r.Text("statusPegawai", true);
  if (!text) return std::nullopt;
  if (EqualsIgnoreCaseAscii(*text, "PNS")) return Employment{EmployeeKind::kPns, false};
  if (EqualsIgnoreCaseAscii(*text, "CPNS")) return Employment{EmployeeKind::kPns, true};
  if (EqualsIgnoreCaseAscii(*text, "PPPK")) return Employment{EmployeeKind::kPppk, false};
  r.Fail("statusPegawai", absl::StrCat("'", *text, "' is not PNS, CPNS or PPPK"));
  return std::nullopt;
}

void ReadName(FieldReader& r, SiasnEmployeeRecord* v) {
  std::optional<std::string> name = r.Text("nama", true);
  if (!name) return;
  v->name = NormalizePersonName(*name);
  if (absl::Status s = CheckPersonName(v->name); !s.ok()) {
    r.errors().push_back(ViolationFromStatus("nama", s));
  }
}

// nipBaru by kind, and its agreement with tglLahir and jenisKelamin.
void CheckIdentity(FieldReader& r, const Employment& employment, const NipOptions& options,
                   bool have_birth, bool have_sex, SiasnEmployeeRecord* v) {
  absl::CivilDay birth;
  Sex sex;
  std::optional<absl::CivilMonth> appointment_month;  // NIP only
  int64_t appointment_year;
  if (employment.kind == EmployeeKind::kPns) {
    absl::StatusOr<NipInfo> nip = ParseNip(v->nip, options);
    if (!nip.ok()) return r.errors().push_back(ViolationFromStatus("nipBaru", nip.status()));
    birth = nip->birth_date;
    sex = nip->sex;
    appointment_month = nip->first_appointment;
    appointment_year = nip->first_appointment.year();
  } else {
    absl::StatusOr<NiPppkInfo> ni = ParseNiPppk(v->nip, options);
    if (!ni.ok()) return r.errors().push_back(ViolationFromStatus("nipBaru", ni.status()));
    birth = ni->birth_date;
    sex = ni->sex;
    appointment_year = ni->appointment_year.year();
  }
  if (v->cpns_date) {
    const absl::CivilMonth tmt(*v->cpns_date);
    if (options.not_after && tmt > absl::CivilMonth(*options.not_after)) {
      r.Fail("tmtCpns", absl::StrCat(absl::FormatCivilTime(*v->cpns_date), " is in a month after ",
                                     absl::FormatCivilTime(*options.not_after)));
    } else if (appointment_month && tmt != *appointment_month) {
      r.Fail("tmtCpns", absl::StrCat(absl::FormatCivilTime(*v->cpns_date),
                                     " disagrees with the first appointment in nipBaru (",
                                     absl::FormatCivilTime(*appointment_month), ")"));
    } else if (!appointment_month && tmt.year() != appointment_year) {
      r.Fail("tmtCpns", absl::StrCat(absl::FormatCivilTime(*v->cpns_date),
                                     " disagrees with the appointment year in nipBaru (",
                                     appointment_year, ")"));
    }
  }
  if (have_birth && v->birth_date != birth) {
    r.Fail("tglLahir", absl::StrCat(absl::FormatCivilTime(v->birth_date),
                                    " disagrees with the birth date in nipBaru (",
                                    absl::FormatCivilTime(birth), ")"));
  }
  if (have_sex && v->sex != sex) {
    r.Fail("jenisKelamin",
           absl::StrCat(ToAbsl(SexName(v->sex)), " disagrees with the sex digit in nipBaru (",
                        ToAbsl(SexName(sex)), ")"));
  }
}

void ReadRank(FieldReader& r, const std::optional<Employment>& employment, SiasnEmployeeRecord* v) {
  std::optional<std::string> text = r.Id("golRuangAkhirId", true);
  if (!text || !employment) return;  // a bad statusPegawai is reported already
  if (employment->kind == EmployeeKind::kPns) {
    absl::StatusOr<Golongan> golongan = Golongan::Parse(*text);
    if (golongan.ok())
      v->rank = *golongan;
    else
      r.errors().push_back(ViolationFromStatus("golRuangAkhirId", golongan.status()));
  } else {
    absl::StatusOr<PppkGrade> grade = PppkGrade::Parse(*text);
    if (grade.ok())
      v->rank = *grade;
    else
      r.errors().push_back(ViolationFromStatus("golRuangAkhirId", grade.status()));
  }
}

// jenisJabatanId + eselonId + jabatanNama. The echelon is read for structural positions only.
void ReadPosition(FieldReader& r, SiasnEmployeeRecord* v) {
  std::optional<int64_t> kind = r.Code("jenisJabatanId", true);
  v->position_name = r.Text("jabatanNama", false).value_or("");
  if (!kind) return;
  if (*kind < INT_MIN || *kind > INT_MAX) {
    return r.Fail("jenisJabatanId", absl::StrCat(*kind, " is not 1, 2 or 4"));
  }
  if (*kind == static_cast<int>(SiasnPositionKind::kStructural)) {
    if (std::optional<std::string> eselon = r.Id("eselonId", false)) {
      absl::StatusOr<Eselon> parsed = ParseEselon(*eselon);
      if (!parsed.ok())
        return r.errors().push_back(ViolationFromStatus("eselonId", parsed.status()));
      v->eselon = *parsed;
    }
  }
  absl::StatusOr<PositionClass> position =
      ClassifySiasnPosition(static_cast<int>(*kind), v->eselon, v->position_name);
  if (position.ok())
    v->position = *position;
  else
    r.errors().push_back(ViolationFromPrefixedStatus(position.status()));
}

void ReadEmployee(const FieldSource& source, const NipOptions& options,
                  ParsedRecord<SiasnEmployeeRecord>* out) {
  FieldReader r(source, &out->errors);
  SiasnEmployeeRecord& v = out->value;
  v.siasn_id = r.Id("id", true).value_or("");
  std::optional<std::string> nip = r.Id("nipBaru", true);
  ReadName(r, &v);
  std::optional<absl::CivilDay> birth = r.Date("tglLahir", true);
  std::optional<Sex> sex = r.SexCode("jenisKelamin", true);
  std::optional<Employment> employment = ReadEmployment(r);
  if (birth) v.birth_date = *birth;
  if (sex) v.sex = *sex;
  if (employment) {
    v.kind = employment->kind;
    v.candidate = employment->candidate;
  }
  if (nip) v.nip = std::move(*nip);
  v.cpns_date = r.Date("tmtCpns", false);
  if (nip && employment)
    CheckIdentity(r, *employment, options, birth.has_value(), sex.has_value(), &v);
  ReadRank(r, employment, &v);
  ReadPosition(r, &v);
  v.unor_id = r.Id("unorId", true).value_or("");
  v.agency_id = r.Id("instansiIndukId", true).value_or("");
  v.position_date = r.Date("tmtJabatan", false);
}

void ReadUnor(const FieldSource& source, ParsedRecord<SiasnUnorRecord>* out) {
  FieldReader r(source, &out->errors);
  SiasnUnorRecord& v = out->value;
  v.id = r.Id("id", true).value_or("");
  v.parent_id = r.Id("diatasanId", false).value_or("");
  if (v.parent_id == v.id) v.parent_id.clear();  // some roots point at themselves
  v.name = r.Text("namaUnor", true).value_or("");
  v.leader_position_name = r.Text("namaJabatan", false).value_or("");
  v.leader_siasn_id = r.Id("pemimpinPnsId", false).value_or("");
  if (std::optional<std::string> eselon = r.Id("eselonId", false)) {
    absl::StatusOr<Eselon> parsed = ParseEselon(*eselon);
    if (parsed.ok())
      v.eselon = *parsed;
    else
      out->errors.push_back(ViolationFromStatus("eselonId", parsed.status()));
  }
  v.agency_id = r.Id("instansiId", true).value_or("");
}

// The JSON object of one line, or nullopt after recording a "record" error.
std::optional<nlohmann::json> ParseObject(std::string_view line,
                                          std::vector<FieldViolation>* errors) {
  nlohmann::json json = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (json.is_discarded()) {
    errors->push_back({"record", "is not valid JSON"});
    return std::nullopt;
  }
  if (!json.is_object()) {
    errors->push_back({"record", "must be a JSON object"});
    return std::nullopt;
  }
  return json;
}

template <size_t N>
absl::Status CheckColumns(const CsvHeader& header, const std::string_view (&required)[N]) {
  for (std::string_view name : required) {
    if (!header.Find(name)) {
      return absl::InvalidArgumentError(
          absl::StrCat("csv: required column '", ToAbsl(name), "' is missing from the header"));
    }
  }
  return absl::OkStatus();
}

// Splits a data row; false after recording a "record" error.
bool SplitRow(CsvLineSplitter& splitter, const CsvHeader& header, std::string_view line,
              std::vector<FieldViolation>* errors) {
  if (absl::Status s = splitter.Split(line); !s.ok()) {
    errors->push_back(ViolationFromStatus("record", s));
    return false;
  }
  if (splitter.fields().size() != header.size()) {
    errors->push_back({"record", absl::StrCat("has ", splitter.fields().size(),
                                              " fields but the header has ", header.size())});
    return false;
  }
  return true;
}

}  // namespace

ParsedRecord<SiasnEmployeeRecord> ParseSiasnEmployeeJson(std::string_view json_line,
                                                         const NipOptions& options) {
  ParsedRecord<SiasnEmployeeRecord> out;
  if (std::optional<nlohmann::json> json = ParseObject(json_line, &out.errors)) {
    ReadEmployee(JsonFieldSource(*json), options, &out);
  }
  return out;
}

ParsedRecord<SiasnUnorRecord> ParseSiasnUnorJson(std::string_view json_line) {
  ParsedRecord<SiasnUnorRecord> out;
  if (std::optional<nlohmann::json> json = ParseObject(json_line, &out.errors)) {
    ReadUnor(JsonFieldSource(*json), &out);
  }
  return out;
}

absl::StatusOr<SiasnEmployeeCsv> SiasnEmployeeCsv::Create(std::string_view header_line) {
  absl::StatusOr<CsvHeader> header = CsvHeader::Parse(header_line);
  if (!header.ok()) return header.status();
  if (absl::Status s = CheckColumns(*header, kEmployeeRequired); !s.ok()) return s;
  return SiasnEmployeeCsv(*std::move(header));
}

ParsedRecord<SiasnEmployeeRecord> SiasnEmployeeCsv::Parse(std::string_view line,
                                                          const NipOptions& options) {
  ParsedRecord<SiasnEmployeeRecord> out;
  if (SplitRow(splitter_, header_, line, &out.errors)) {
    ReadEmployee(CsvFieldSource(header_, splitter_.fields()), options, &out);
  }
  return out;
}

absl::StatusOr<SiasnUnorCsv> SiasnUnorCsv::Create(std::string_view header_line) {
  absl::StatusOr<CsvHeader> header = CsvHeader::Parse(header_line);
  if (!header.ok()) return header.status();
  if (absl::Status s = CheckColumns(*header, kUnorRequired); !s.ok()) return s;
  return SiasnUnorCsv(*std::move(header));
}

ParsedRecord<SiasnUnorRecord> SiasnUnorCsv::Parse(std::string_view line) {
  ParsedRecord<SiasnUnorRecord> out;
  if (SplitRow(splitter_, header_, line, &out.errors)) {
    ReadUnor(CsvFieldSource(header_, splitter_.fields()), &out);
  }
  return out;
}

}  // namespace kinerja::employee
