// Writes RFC 4180 CSV for spreadsheet users: comma-separated fields, CRLF line ends, a field in
// double quotes when it holds a comma, a quote or a line break (a quote inside doubled).
//
// Spreadsheet formula injection: a text cell that starts with '=', '+', '-' or '@' (or a tab
// or carriage return, which some spreadsheets skip before reading a formula) is opened by
// Excel / LibreOffice as a formula, so a unit named "=HYPERLINK(...)" would run in an HR
// officer's spreadsheet. Text cells starting so get a leading apostrophe, which spreadsheets
// read as "this is text" and do not display (OWASP's advice). Numbers the report computed are
// written by the numeric Add overloads and are never prefixed: "-0.25" stays a number.
#pragma once

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace kinerja::analytics::web {

// Put before a CSV document served for download: Excel opens a UTF-8 file as UTF-8 only with
// it (names with non-ASCII letters would otherwise come out garbled). LibreOffice, Python's
// "utf-8-sig" and the project's own header reader (shared/text/csv.h) skip it.
inline constexpr absl::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// One text field, guarded and quoted as above (without the separator).
std::string CsvTextField(absl::string_view text);

class CsvWriter {
 public:
  // Text (guarded against formulas, quoted when needed).
  CsvWriter& Text(absl::string_view text);
  CsvWriter& Int(int64_t value);
  // Fixed-point with `decimals` digits after a '.', e.g. 12.50 (no thousands separator).
  CsvWriter& Number(double value, int decimals = 2);
  CsvWriter& Bool(bool value);  // "true" / "false"
  // An empty cell (e.g. a count withheld from the public).
  CsvWriter& Empty();
  // Ends the record with CRLF.
  void EndRow();

  // The document so far.
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separator();

  std::string out_;
  bool row_started_ = false;
};

}  // namespace kinerja::analytics::web
