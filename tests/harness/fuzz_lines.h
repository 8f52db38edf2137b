// The lines of a fuzz input as an import reads them (text::LineSplitter, shared/text), checking
// on the way the splitter's promise that chunks may be split anywhere: the input fed whole and
// fed in two chunks cut at a point chosen by the input give the same lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/text/line_splitter.h"
#include "tests/harness/fuzz_check.h"

namespace kinerja::fuzz {

struct FuzzLine {
  int64_t number = 0;
  std::string text;
  bool too_long = false;

  friend bool operator==(const FuzzLine&, const FuzzLine&) = default;
};

inline std::vector<FuzzLine> LinesOf(std::string_view input, size_t max_line_bytes) {
  auto split = [&](size_t cut) {
    std::vector<FuzzLine> lines;
    auto keep = [&lines](const text::Line& line) {
      lines.push_back({line.number, std::string(line.text), line.too_long});
    };
    text::LineSplitter splitter(max_line_bytes);
    splitter.Feed(input.substr(0, cut), keep);
    splitter.Feed(input.substr(cut), keep);
    splitter.Finish(keep);
    return lines;
  };
  std::vector<FuzzLine> whole = split(input.size());
  const size_t cut = input.empty() ? 0 : static_cast<unsigned char>(input[0]) % (input.size() + 1);
  KINERJA_FUZZ_CHECK(split(cut) == whole);
  return whole;
}

}  // namespace kinerja::fuzz
