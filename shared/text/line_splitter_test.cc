#include "shared/text/line_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kinerja::text {
namespace {

using ::testing::ElementsAre;

struct Seen {
  int64_t number;
  std::string text;
  bool too_long;
  friend bool operator==(const Seen&, const Seen&) = default;
};

std::vector<Seen> Split(const std::string& data, size_t chunk, size_t max_line = 100) {
  LineSplitter splitter(max_line);
  std::vector<Seen> out;
  auto collect = [&](const Line& line) {
    out.push_back({line.number, std::string(line.text), line.too_long});
  };
  for (size_t at = 0; at < data.size(); at += chunk) {
    splitter.Feed(std::string_view(data).substr(at, chunk), collect);
  }
  splitter.Finish(collect);
  return out;
}

TEST(LineSplitterTest, ReassemblesLinesAcrossAnyChunking) {
  const std::string data =
      "\xEF\xBB\xBF"
      "alpha\r\nbeta\n\r\ngamma";
  for (size_t chunk = 1; chunk <= data.size(); ++chunk) {
    EXPECT_THAT(Split(data, chunk), ElementsAre(Seen{1, "alpha", false}, Seen{2, "beta", false},
                                                Seen{3, "", false}, Seen{4, "gamma", false}))
        << "chunk " << chunk;
  }
}

TEST(LineSplitterTest, TrailingNewlineEndsTheFile) {
  EXPECT_THAT(Split("a\nb\n", 3), ElementsAre(Seen{1, "a", false}, Seen{2, "b", false}));
  EXPECT_THAT(Split("", 3), ElementsAre());
}

TEST(LineSplitterTest, OverlongLinesAreReportedNotKept) {
  std::string data = "short\n" + std::string(50, 'x') + "\nnext";
  for (size_t chunk : {1, 4, 100}) {
    EXPECT_THAT(Split(data, chunk, 10),
                ElementsAre(Seen{1, "short", false}, Seen{2, "", true}, Seen{3, "next", false}))
        << "chunk " << chunk;
  }
  EXPECT_THAT(Split(std::string(50, 'y'), 7, 10), ElementsAre(Seen{1, "", true}));
}

}  // namespace
}  // namespace kinerja::text
