#include "services/analytics/web/svg_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace kinerja::analytics::web {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

BarChart Chart(std::string id, std::vector<BarRow> rows,
               BarScale scale = BarScale::kShareOfLargest) {
  BarChart chart;
  chart.id = std::move(id);
  chart.title = "Chart";
  chart.description = "Test chart";
  chart.rows = std::move(rows);
  chart.scale = scale;
  return chart;
}

BarChart TwoRows(BarScale scale) {
  return Chart("c",
               {{"A", {{"x", 50, "#084594"}, {"y", 50, "#9a6700"}}, ""},
                {"B", {{"x", 25, "#084594"}, {"y", 0, "#9a6700"}}, ""}},
               scale);
}

TEST(SegmentLengths, ProportionalToTheLargestRow) {
  auto lengths = SegmentLengths(TwoRows(BarScale::kShareOfLargest));
  ASSERT_EQ(lengths.size(), 2u);
  // Row A's total (100) spans the plot; 25 of 100 is a quarter of it.
  EXPECT_THAT(lengths[0],
              ElementsAre(DoubleNear(kPlotWidth / 2, 1e-9), DoubleNear(kPlotWidth / 2, 1e-9)));
  EXPECT_THAT(lengths[1], ElementsAre(DoubleNear(kPlotWidth / 4, 1e-9), 0.0));
}

TEST(SegmentLengths, ShareOfRowFillsEveryNonEmptyRow) {
  auto lengths = SegmentLengths(TwoRows(BarScale::kShareOfRow));
  EXPECT_THAT(lengths[0],
              ElementsAre(DoubleNear(kPlotWidth / 2, 1e-9), DoubleNear(kPlotWidth / 2, 1e-9)));
  EXPECT_THAT(lengths[1], ElementsAre(DoubleNear(kPlotWidth, 1e-9), 0.0));
}

TEST(SegmentLengths, ZeroTotalsDrawNothingAndNeverDivideByZero) {
  for (BarScale scale : {BarScale::kShareOfRow, BarScale::kShareOfLargest}) {
    BarChart chart = Chart("z", {{"empty", {{"x", 0, "#000000"}, {"y", 0, "#000000"}}, ""}}, scale);
    EXPECT_THAT(SegmentLengths(chart), ElementsAre(ElementsAre(0.0, 0.0)));
    const std::string svg = RenderBarChart(chart);
    EXPECT_THAT(svg, Not(HasSubstr("nan")));
    EXPECT_THAT(svg, Not(HasSubstr("inf")));
    EXPECT_THAT(svg, Not(HasSubstr("<rect x=\"230.0\"")));  // no bar drawn
  }
}

TEST(SegmentLengths, NegativeAndNonFiniteValuesCountAsZero) {
  BarChart chart = Chart("n", {{"r",
                                {{"a", -5, "#000000"},
                                 {"b", std::numeric_limits<double>::quiet_NaN(), "#000000"},
                                 {"c", 10, "#000000"}},
                                ""}});
  EXPECT_THAT(SegmentLengths(chart),
              ElementsAre(ElementsAre(0.0, 0.0, DoubleNear(kPlotWidth, 1e-9))));
}

TEST(RenderBarChart, DrawsEachSegmentWithItsWidthAndColour) {
  const std::string svg = RenderBarChart(TwoRows(BarScale::kShareOfLargest));
  // Row A: two halves of the 380-unit plot, side by side from the label column's edge.
  EXPECT_THAT(svg, HasSubstr("<rect x=\"230.0\" y=\"35.0\" width=\"190.0\" height=\"18.0\" "
                             "fill=\"#084594\""));
  EXPECT_THAT(svg, HasSubstr("<rect x=\"420.0\" y=\"35.0\" width=\"190.0\" height=\"18.0\" "
                             "fill=\"#9a6700\""));
  // Row B: 25 of 100 is a quarter; its zero segment draws no rect.
  EXPECT_THAT(svg, HasSubstr("<rect x=\"230.0\" y=\"63.0\" width=\"95.0\""));
  EXPECT_THAT(svg, Not(HasSubstr("x=\"325.0\"")));
}

TEST(RenderBarChart, NumbersAreTextBesideTheBars) {
  const std::string svg = RenderBarChart(TwoRows(BarScale::kShareOfRow));
  EXPECT_THAT(svg, HasSubstr(">50 \u00b7 50  (100)</text>"));
  EXPECT_THAT(svg, HasSubstr(">25 \u00b7 0  (25)</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>A \u2013 x: 50 (50.0 %)</title>"));
}

TEST(RenderBarChart, IsLabelledForAssistiveTechnology) {
  const std::string svg = RenderBarChart(TwoRows(BarScale::kShareOfRow));
  EXPECT_THAT(svg, HasSubstr("role=\"img\""));
  EXPECT_THAT(svg, HasSubstr("aria-labelledby=\"c-title\" aria-describedby=\"c-desc\""));
  EXPECT_THAT(svg, HasSubstr("<title id=\"c-title\">Chart</title>"));
  EXPECT_THAT(svg, HasSubstr("<desc id=\"c-desc\">Test chart</desc>"));
  // The legend: one swatch and label per distinct segment.
  EXPECT_THAT(svg, HasSubstr("fill=\"#084594\"/><text x=\"18.0\" y=\"15.0\">x</text>"));
}

TEST(RenderBarChart, EscapesNames) {
  BarChart chart = Chart("e\"", {{"<script>alert(1)</script>", {{"&", 1, "#000\"/>"}}, "</text>"}});
  chart.title = "<b>";
  const std::string svg = RenderBarChart(chart);
  EXPECT_THAT(svg, Not(HasSubstr("<script>")));
  EXPECT_THAT(svg, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(svg, HasSubstr(">&lt;/text&gt;</text>"));
  EXPECT_THAT(svg, HasSubstr("fill=\"#000&quot;/&gt;\""));
  EXPECT_THAT(svg, HasSubstr("id=\"e&quot;\""));
}

TEST(RenderBarChart, CutsLongLabelsKeepingTheWholeNameInTheTooltip) {
  const std::string name =
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Contoh";
  BarChart chart = Chart("l", {{name, {{"x", 1, "#000000"}}, ""}});
  const std::string svg = RenderBarChart(chart);
  EXPECT_THAT(svg, HasSubstr("<title>" + name + "</title>"));
  EXPECT_THAT(svg, HasSubstr("Dinas Penanaman Modal dan Pelayana\u2026</text>"));
}

TEST(RenderBarChart, CutsLongNotesKeepingThemWholeInTheTooltip) {
  const std::string note(80, 'n');
  const std::string svg = RenderBarChart(Chart("n", {{"row", {{"x", 1, "#000000"}}, note}}));
  EXPECT_THAT(svg, HasSubstr("<title>" + note + "</title>"));
  EXPECT_THAT(svg, HasSubstr(">" + std::string(58, 'n') + "\u2026</text>"));
}

TEST(RenderBarChart, SaysSoWhenThereIsNothingToDraw) {
  EXPECT_THAT(RenderBarChart(Chart("none", {})), HasSubstr("No data in this scope."));
}

}  // namespace
}  // namespace kinerja::analytics::web
