#include "shared/metrics/text_format.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace kinerja::metrics {
namespace {

// {a="x",b="y"} with an optional extra label (histogram "le"); nothing when there are none.
void AppendLabels(std::string* out, const MetricInfo& info, const LabelValues& values,
                  std::string_view extra_name = "", std::string_view extra_value = "") {
  if (info.label_names.empty() && extra_name.empty()) return;
  out->push_back('{');
  for (size_t i = 0; i < info.label_names.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(info.label_names[i]).append("=\"").append(EscapeLabelValue(values[i]));
    out->push_back('"');
  }
  if (!extra_name.empty()) {
    if (!info.label_names.empty()) out->push_back(',');
    out->append(extra_name).append("=\"").append(extra_value).push_back('"');
  }
  out->push_back('}');
}

void AppendLine(std::string* out, const MetricInfo& info, std::string_view suffix,
                const LabelValues& values, double value, std::string_view extra_name = "",
                std::string_view extra_value = "") {
  out->append(info.name).append(suffix);
  AppendLabels(out, info, values, extra_name, extra_value);
  out->push_back(' ');
  out->append(FormatValue(value)).push_back('\n');
}

std::string_view TypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kHistogram:
      return "histogram";
  }
  return "untyped";
}

}  // namespace

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buf[32];
  // Whole numbers (counts) print as integers, exact below 2^53; anything else in the shortest
  // %g-style form, which matches Go's client ("0.0005", not "5e-04") so le="..." label values
  // look as people expect to write them in PromQL.
  if (std::abs(value) < 1e15 && value == std::trunc(value)) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), static_cast<int64_t>(value));
    return std::string(buf, end);
  }
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::general);
  return std::string(buf, end);
}

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string EscapeHelp(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void AppendHeader(std::string* out, const MetricInfo& info) {
  out->append("# HELP ").append(info.name).push_back(' ');
  out->append(EscapeHelp(info.help)).push_back('\n');
  out->append("# TYPE ").append(info.name).push_back(' ');
  out->append(TypeName(info.type)).push_back('\n');
}

void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Counter& counter) {
  AppendLine(out, info, "", values, counter.Value());
}

void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Gauge& gauge) {
  AppendLine(out, info, "", values, gauge.Value());
}

void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Histogram& histogram) {
  Histogram::Snapshot snap = histogram.Snap();
  const std::vector<double>& bounds = histogram.upper_bounds();
  for (size_t i = 0; i < bounds.size(); ++i) {
    AppendLine(out, info, "_bucket", values, static_cast<double>(snap.cumulative[i]), "le",
               FormatValue(bounds[i]));
  }
  const double count = static_cast<double>(snap.cumulative.back());
  AppendLine(out, info, "_bucket", values, count, "le", "+Inf");
  AppendLine(out, info, "_sum", values, snap.sum);
  AppendLine(out, info, "_count", values, count);
}

}  // namespace kinerja::metrics
