#include "shared/text/csv.h"

#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::text {
namespace {

absl::Status CsvError(std::string_view reason, size_t position) {
  return absl::InvalidArgumentError(
      absl::StrCat("csv: ", ToAbsl(reason), " at character ", position + 1));
}

}  // namespace

absl::Status CsvLineSplitter::Split(std::string_view line) {
  fields_.clear();
  unquoted_.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  unquoted_.reserve(line.size());
  size_t i = 0;
  while (true) {
    if (i < line.size() && line[i] == '"') {
      size_t start = unquoted_.size();
      size_t open = i++;
      while (true) {
        if (i >= line.size()) {
          fields_.clear();
          return CsvError("unterminated quoted field starting", open);
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            unquoted_.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        unquoted_.push_back(line[i++]);
      }
      fields_.push_back(std::string_view(unquoted_).substr(start));
      if (i < line.size() && line[i] != ',') {
        fields_.clear();
        return CsvError("text after a closing quote", i);
      }
    } else {
      size_t end = line.find(',', i);
      if (end == std::string_view::npos) end = line.size();
      std::string_view field = line.substr(i, end - i);
      if (size_t quote = field.find('"'); quote != std::string_view::npos) {
        fields_.clear();
        return CsvError("quote inside an unquoted field", i + quote);
      }
      fields_.push_back(field);
      i = end;
    }
    if (i >= line.size()) return absl::OkStatus();
    ++i;  // the comma
    if (i == line.size()) {
      fields_.push_back(std::string_view());  // trailing comma: a last empty field
      return absl::OkStatus();
    }
  }
}

absl::StatusOr<CsvHeader> CsvHeader::Parse(std::string_view line) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (line.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    line.remove_prefix(kByteOrderMark.size());
  }
  CsvLineSplitter splitter;
  if (absl::Status status = splitter.Split(line); !status.ok()) return status;
  CsvHeader header;
  header.size_ = splitter.fields().size();
  for (size_t i = 0; i < splitter.fields().size(); ++i) {
    std::string_view name = TrimAscii(splitter.fields()[i]);
    if (name.empty()) continue;
    if (!header.columns_.emplace(std::string(name), i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("csv: column '", ToAbsl(name), "' appears twice in the header"));
    }
  }
  return header;
}

std::optional<size_t> CsvHeader::Find(std::string_view name) const {
  auto it = columns_.find(name);
  if (it == columns_.end()) return std::nullopt;
  return it->second;
}

}  // namespace kinerja::text
