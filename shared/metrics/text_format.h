// Prometheus text exposition format 0.0.4: escaping, numbers and the sample lines of each
// metric type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/metrics/instruments.h"
#include "shared/metrics/label_key.h"

namespace kinerja::metrics {

inline constexpr std::string_view kTextContentType = "text/plain; version=0.0.4; charset=utf-8";

enum class MetricType { kCounter, kGauge, kHistogram };

struct MetricInfo {
  std::string name;
  std::string help;
  MetricType type;
  std::vector<std::string> label_names;
};

// Shortest text that parses back to the same double; +Inf, -Inf, NaN as Prometheus spells them.
std::string FormatValue(double value);
// Label values escape backslash, double quote and newline; HELP text escapes backslash and
// newline only.
std::string EscapeLabelValue(std::string_view value);
std::string EscapeHelp(std::string_view help);

// "# HELP" and "# TYPE" lines.
void AppendHeader(std::string* out, const MetricInfo& info);

void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Counter& counter);
void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Gauge& gauge);
// _bucket lines (cumulative, with le), then _sum and _count.
void AppendSamples(std::string* out, const MetricInfo& info, const LabelValues& values,
                   const Histogram& histogram);

}  // namespace kinerja::metrics
