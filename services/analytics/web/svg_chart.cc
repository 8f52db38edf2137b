#include "services/analytics/web/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "services/analytics/web/html.h"

namespace kinerja::analytics::web {
namespace {

constexpr double kLegendRowHeight = 22;
constexpr double kNoteGap = 10;
constexpr absl::string_view kText = "#1f2328";
// Row labels longer than this are cut (the tooltip keeps the whole name).
constexpr size_t kMaxLabelChars = 34;
// An estimate of a 13 px sans-serif character's width, for laying out the legend and notes.
constexpr double kCharWidth = 7.2;
// Notes longer than fit right of the bars are cut (the tooltip and the table keep them whole).
constexpr size_t kMaxNoteChars =
    static_cast<size_t>((kChartWidth - kLabelWidth - kPlotWidth - kNoteGap) / kCharWidth);

double Positive(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

double RowTotal(const BarRow& row) {
  double total = 0;
  for (const Segment& segment : row.segments) total += Positive(segment.value);
  return total;
}

// SVG coordinates with one decimal: enough for a screen, short in the page.
std::string Coord(double value) { return Decimal(value, 1); }

// Cuts `text` to `max_chars` UTF-8 characters, with an ellipsis when cut.
std::string Cut(absl::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return absl::StrCat(text.substr(0, i), "\u2026");
    ++chars;
  }
  return std::string(text);
}

size_t CharCount(absl::string_view text) {
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

std::string ValueText(const BarChart& chart, double value) {
  return absl::StrCat(chart.decimals == 0 ? GroupedInt(std::llround(Positive(value)))
                                          : Decimal(Positive(value), chart.decimals),
                      chart.unit);
}

std::string DefaultNote(const BarChart& chart, const BarRow& row) {
  std::vector<std::string> values;
  for (const Segment& segment : row.segments) values.push_back(ValueText(chart, segment.value));
  if (row.segments.size() <= 1) return absl::StrJoin(values, "");
  return absl::StrCat(absl::StrJoin(values, " \u00b7 "), "  (", ValueText(chart, RowTotal(row)),
                      ")");
}

struct LegendEntry {
  std::string label;
  std::string color;
};

std::vector<LegendEntry> Legend(const BarChart& chart) {
  std::vector<LegendEntry> entries;
  for (const BarRow& row : chart.rows) {
    for (const Segment& segment : row.segments) {
      bool seen = std::any_of(entries.begin(), entries.end(),
                              [&](const LegendEntry& e) { return e.label == segment.label; });
      if (!seen) entries.push_back({segment.label, segment.color});
    }
  }
  return entries;
}

// The legend's SVG, laid out in lines across the chart; sets `height`.
std::string RenderLegend(const std::vector<LegendEntry>& entries, double* height) {
  std::string out;
  double x = 0;
  double y = 4;
  for (const LegendEntry& entry : entries) {
    const double width = 12 + 6 + CharCount(entry.label) * kCharWidth + 18;
    if (x > 0 && x + width > kChartWidth) {
      x = 0;
      y += kLegendRowHeight;
    }
    absl::StrAppend(&out, "<rect x=\"", Coord(x), "\" y=\"", Coord(y), "\" width=\"12\" ",
                    "height=\"12\" fill=\"", Escape(entry.color), "\"/>", "<text x=\"",
                    Coord(x + 18), "\" y=\"", Coord(y + 11), "\">", Escape(entry.label), "</text>");
    x += width;
  }
  *height = entries.empty() ? 0 : y + kLegendRowHeight;
  return out;
}

}  // namespace

std::vector<std::vector<double>> SegmentLengths(const BarChart& chart) {
  double largest = 0;
  for (const BarRow& row : chart.rows) largest = std::max(largest, RowTotal(row));
  std::vector<std::vector<double>> lengths;
  for (const BarRow& row : chart.rows) {
    const double total = RowTotal(row);
    const double denominator = chart.scale == BarScale::kShareOfRow ? total : largest;
    std::vector<double>& row_lengths = lengths.emplace_back();
    for (const Segment& segment : row.segments) {
      row_lengths.push_back(denominator > 0 ? Positive(segment.value) / denominator * kPlotWidth
                                            : 0);
    }
  }
  return lengths;
}

std::string RenderBarChart(const BarChart& chart) {
  double legend_height = 0;
  const std::string legend = RenderLegend(Legend(chart), &legend_height);
  const double top = legend_height + 4;
  const double rows = static_cast<double>(std::max<size_t>(chart.rows.size(), 1));
  const double height = top + rows * kRowHeight + 4;
  const std::string id = Escape(chart.id);

  std::string out = absl::StrCat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"", id, "\" role=\"img\" ",
      "viewBox=\"0 0 ", Coord(kChartWidth), " ", Coord(height), "\" aria-labelledby=\"", id,
      "-title\" aria-describedby=\"", id, "-desc\" font-size=\"13\" fill=\"", kText, "\">",
      "<title id=\"", id, "-title\">", Escape(chart.title), "</title>", "<desc id=\"", id,
      "-desc\">", Escape(chart.description), "</desc>", legend);
  if (chart.rows.empty()) {
    absl::StrAppend(&out, "<text x=\"0\" y=\"", Coord(top + 18),
                    "\">No data in this scope.</text>");
  }
  const std::vector<std::vector<double>> lengths = SegmentLengths(chart);
  for (size_t r = 0; r < chart.rows.size(); ++r) {
    const BarRow& row = chart.rows[r];
    const double y = top + static_cast<double>(r) * kRowHeight;
    const double bar_y = y + (kRowHeight - kBarHeight) / 2;
    const double baseline = y + kRowHeight / 2 + 4.5;
    absl::StrAppend(&out, "<g class=\"bar-row\"><text x=\"", Coord(kLabelWidth - 8), "\" y=\"",
                    Coord(baseline), "\" text-anchor=\"end\"><title>", Escape(row.label),
                    "</title>", Escape(Cut(row.label, kMaxLabelChars)), "</text>");
    const double total = RowTotal(row);
    double x = kLabelWidth;
    for (size_t s = 0; s < row.segments.size(); ++s) {
      const Segment& segment = row.segments[s];
      const double length = lengths[r][s];
      if (length <= 0) continue;
      const double share = total > 0 ? Positive(segment.value) / total * 100 : 0;
      // The white stroke separates neighbouring segments whatever their colours.
      absl::StrAppend(&out, "<rect x=\"", Coord(x), "\" y=\"", Coord(bar_y), "\" width=\"",
                      Coord(length), "\" height=\"", Coord(kBarHeight), "\" fill=\"",
                      Escape(segment.color), "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>",
                      Escape(row.label), " \u2013 ", Escape(segment.label), ": ",
                      ValueText(chart, segment.value), " (", Decimal(share, 1),
                      " %)</title></rect>");
      x += length;
    }
    const std::string note = row.note.empty() ? DefaultNote(chart, row) : row.note;
    const std::string shown = Cut(note, kMaxNoteChars);
    absl::StrAppend(&out, "<text class=\"note\" x=\"", Coord(kLabelWidth + kPlotWidth + kNoteGap),
                    "\" y=\"", Coord(baseline), "\">",
                    shown == note ? "" : absl::StrCat("<title>", Escape(note), "</title>"),
                    Escape(shown), "</text></g>");
  }
  out += "</svg>";
  return out;
}

}  // namespace kinerja::analytics::web
