// Horizontal bar charts as inline SVG, drawn on the server.
//
// Why server-rendered SVG rather than a JavaScript chart library bundled into the build: there
// is no JS dependency to vendor, audit and keep updated; the page works with scripts disabled
// and with no internet (nothing is fetched); a chart is text, so a unit test can check a bar's
// geometry and the escaping of names without a browser; and the page stays small (a few KB per
// chart instead of a 200 KB library). What we give up, interactivity (zoom, tooltips beyond
// SVG <title>), an ops dashboard does not need.
//
// Accessible: the <svg> has role="img" with a <title> and <desc> (aria-labelledby), every bar
// has its numbers as text beside it and a <title> tooltip, colours are at least 3:1 against
// the white background (WCAG 1.4.11) and segments are separated by white gaps so that
// neighbours never rely on hue alone; the page adds a table with the same numbers.
#pragma once

#include <string>
#include <vector>

namespace kinerja::analytics::web {

struct Segment {
  std::string label;  // legend and tooltip, e.g. "Sangat Baik"
  double value = 0;   // negative values are drawn as 0
  std::string color;  // "#rrggbb"
};

struct BarRow {
  std::string label;  // left of the bar (cut to fit, full text in the tooltip)
  std::vector<Segment> segments;
  // Right of the bar; when empty, the segments' values (and their sum when more than one).
  std::string note;
};

enum class BarScale {
  // Every row's bar spans the full width split by its segments' shares (100 % stacked):
  // compares shapes of groups of different sizes.
  kShareOfRow,
  // Bar lengths proportional to the row totals, the largest total spanning the full width.
  kShareOfLargest,
};

struct BarChart {
  std::string id;           // unique on the page; prefixes the title/desc element ids
  std::string title;        // the chart's accessible name
  std::string description;  // what it shows, for screen readers
  std::vector<BarRow> rows;
  BarScale scale = BarScale::kShareOfLargest;
  int decimals = 0;  // of the values in the default notes and tooltips
  std::string unit;  // appended to values in notes and tooltips, e.g. " s"
};

// The chart's dimensions (SVG user units; the page scales the whole chart to its width).
inline constexpr double kChartWidth = 1040;
inline constexpr double kLabelWidth = 230;  // the row labels' column
inline constexpr double kPlotWidth = 380;   // the longest bar
inline constexpr double kRowHeight = 28;
inline constexpr double kBarHeight = 18;

// The drawn length of each segment of each row, in the same order: what RenderBarChart draws.
// A row (or a chart) whose total is 0 gets zero lengths, never a division by zero.
std::vector<std::vector<double>> SegmentLengths(const BarChart& chart);

// The <svg> element, with its legend (the distinct segment labels in first-seen order).
std::string RenderBarChart(const BarChart& chart);

}  // namespace kinerja::analytics::web
