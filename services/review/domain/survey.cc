#include "services/review/domain/survey.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::review {
namespace {

std::string_view Trimmed(std::string_view s) {
  const absl::string_view t = absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size()));
  return std::string_view(t.data(), t.size());
}

bool IsSurveyCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxSurveyIdBytes) return false;
  for (char c : code) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

std::optional<absl::CivilDay> ParseDay(std::string_view text) {
  // Exactly YYYY-MM-DD, a real day.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!absl::SimpleAtoi(absl::string_view(text.data(), 4), &y) ||
      !absl::SimpleAtoi(absl::string_view(text.data() + 5, 2), &m) ||
      !absl::SimpleAtoi(absl::string_view(text.data() + 8, 2), &d)) {
    return std::nullopt;
  }
  for (char c : text) {
    if (c != '-' && !absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d || y < 1900) return std::nullopt;
  return day;
}

}  // namespace

absl::StatusOr<SurveyColumns> SurveyColumns::FromHeader(const text::CsvHeader& header) {
  SurveyColumns out;
  std::vector<std::string> missing;
  const auto find = [&](const char* name, size_t& index) {
    std::optional<size_t> i = header.Find(name);
    if (i.has_value()) {
      index = *i;
    } else {
      missing.push_back(name);
    }
  };
  find("unit_id", out.unit_id);
  find("survey_id", out.survey_id);
  find("period_start", out.period_start);
  find("period_end", out.period_end);
  find("ikm", out.ikm);
  find("respondents", out.respondents);
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) absl::StrAppend(&list, list.empty() ? "" : ", ", m);
    return errors::InvalidField("header", absl::StrCat("missing column(s): ", list));
  }
  return out;
}

absl::StatusOr<int64_t> ParseIkm(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return errors::InvalidField(
        ToAbsl(field), absl::StrCat("must be a number 0..100 with a decimal point and at most 4 "
                                    "decimals, got '",
                                    absl::string_view(text.data(), text.size()), "'"));
  };
  const size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view decimals = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 3 || decimals.size() > 4 ||
      (dot != std::string_view::npos && decimals.empty())) {
    return bad();
  }
  int64_t value = 0;
  for (char c : whole) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return bad();
    value = value * 10 + (c - '0');
  }
  int64_t fraction = 0;
  int64_t scale = kIkmScale;
  for (char c : decimals) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return bad();
    scale /= 10;
    fraction += (c - '0') * scale;
  }
  const int64_t out = value * kIkmScale + fraction;
  if (out > 100 * kIkmScale) return bad();
  return out;
}

absl::StatusOr<SurveyRow> ParseSurveyRow(const SurveyColumns& columns,
                                         const std::vector<std::string_view>& fields) {
  std::vector<errors::FieldViolation> invalid;
  const auto field = [&](size_t index) -> std::string_view {
    return index < fields.size() ? Trimmed(fields[index]) : std::string_view();
  };
  SurveyRow row;
  row.unit_id = std::string(field(columns.unit_id));
  if (row.unit_id.empty()) invalid.push_back({"unit_id", "is required"});
  row.survey_id = std::string(field(columns.survey_id));
  if (!IsSurveyCode(row.survey_id)) {
    invalid.push_back({"survey_id", "must be 1..64 bytes of [A-Za-z0-9._-]"});
  }
  std::optional<absl::CivilDay> start = ParseDay(field(columns.period_start));
  std::optional<absl::CivilDay> end = ParseDay(field(columns.period_end));
  if (!start.has_value()) invalid.push_back({"period_start", "must be a day YYYY-MM-DD"});
  if (!end.has_value()) {
    invalid.push_back({"period_end", "must be a day YYYY-MM-DD"});
  } else if (start.has_value() && *end < *start) {
    invalid.push_back({"period_end", "must not be before period_start"});
  }
  absl::StatusOr<int64_t> ikm = ParseIkm(field(columns.ikm), "ikm");
  if (!ikm.ok()) {
    std::vector<errors::FieldViolation> v = errors::ViolationsOf(ikm.status());
    invalid.push_back({"ikm", v.empty() ? std::string(ikm.status().message()) : v[0].description});
  }
  const std::string_view respondents = field(columns.respondents);
  int64_t count = -1;
  if (!absl::SimpleAtoi(absl::string_view(respondents.data(), respondents.size()), &count) ||
      count < 0 || respondents.empty() || respondents.front() == '+' ||
      respondents.front() == '-') {
    invalid.push_back({"respondents", "must be a whole number >= 0"});
  }
  if (!invalid.empty()) return errors::InvalidFields(invalid);
  row.period_start = *start;
  row.period_end = *end;
  row.ikm_ten_thousandths = *ikm;
  row.respondents = count;
  return row;
}

}  // namespace kinerja::review
