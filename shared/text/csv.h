// RFC 4180 CSV, one record per line: fields separated by ',', optionally enclosed in double
// quotes, with "" standing for one quote inside a quoted field. A record may not span lines
// (no line breaks inside quoted fields): the caller splits the input on '\n' and a trailing
// '\r' is dropped. Made for million-line imports: no allocation per line once warmed up.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kinerja::text {

class CsvLineSplitter {
 public:
  // Splits one line. On success fields() holds views into `line` (plain fields) or into this
  // splitter (quoted fields), valid until the next Split or until `line` changes.
  // InvalidArgument "csv: ..." for a quote inside an unquoted field, characters after a
  // closing quote, or an unterminated quoted field; fields() is then empty.
  absl::Status Split(std::string_view line);

  const std::vector<std::string_view>& fields() const { return fields_; }

 private:
  std::string unquoted_;  // reserved to the line's size before use: never reallocates mid-line
  std::vector<std::string_view> fields_;
};

// Column names of a CSV file, from its header line.
class CsvHeader {
 public:
  // Names are trimmed of ASCII spaces; a leading UTF-8 byte order mark is dropped; empty names
  // are ignored. InvalidArgument "csv: ..." on a malformed line or a repeated name.
  static absl::StatusOr<CsvHeader> Parse(std::string_view line);

  std::optional<size_t> Find(std::string_view name) const;  // column index
  size_t size() const { return size_; }                     // number of columns

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  absl::flat_hash_map<std::string, size_t, Hash, Equal> columns_;
  size_t size_ = 0;
};

}  // namespace kinerja::text
