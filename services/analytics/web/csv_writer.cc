#include "services/analytics/web/csv_writer.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::analytics::web {
namespace {

bool StartsLikeFormula(absl::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool NeedsQuotes(absl::string_view text) {
  return text.find_first_of(",\"\r\n") != absl::string_view::npos;
}

}  // namespace

std::string CsvTextField(absl::string_view text) {
  std::string value = StartsLikeFormula(text) ? absl::StrCat("'", text) : std::string(text);
  if (!NeedsQuotes(value)) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void CsvWriter::Separator() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::Text(absl::string_view text) {
  Separator();
  out_ += CsvTextField(text);
  return *this;
}

CsvWriter& CsvWriter::Int(int64_t value) {
  Separator();
  absl::StrAppend(&out_, value);
  return *this;
}

CsvWriter& CsvWriter::Number(double value, int decimals) {
  Separator();
  // NaN or infinity never come from a report's arithmetic; an empty cell beats "nan".
  if (!std::isfinite(value)) return *this;
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, value);
  // "-0.00" reads as a sign error in a spreadsheet.
  absl::string_view shown = text;
  if (absl::StartsWith(shown, "-") && shown.find_first_not_of("-0.") == absl::string_view::npos) {
    shown.remove_prefix(1);
  }
  absl::StrAppend(&out_, shown);
  return *this;
}

CsvWriter& CsvWriter::Bool(bool value) {
  Separator();
  out_ += value ? "true" : "false";
  return *this;
}

CsvWriter& CsvWriter::Empty() {
  Separator();
  return *this;
}

void CsvWriter::EndRow() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace kinerja::analytics::web
