// Text into HTML and SVG: every name that reaches the dashboard (units, agencies, streams,
// error messages) goes through Escape, so that a unit named "<script>" is shown, not run.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace kinerja::analytics::web {

// & < > " ' as character references; fit for element text and quoted attribute values.
std::string Escape(absl::string_view text);

// A number for people: 1234567 -> "1.234.567" is Indonesian, "1,234,567" English; the
// dashboard prints plain digits with a thin space (U+2009) every three, readable in both.
std::string GroupedInt(int64_t value);

// Fixed-point with `decimals` digits ("12.5"); "0" for NaN or infinity.
std::string Decimal(double value, int decimals);

// "a=1&b=x%20y" from the pairs with a non-empty value (RFC 3986 percent-encoding of everything
// but unreserved characters); escape it with Escape() before putting it in an attribute.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace kinerja::analytics::web
