#include "shared/http/route_pattern.h"

#include <cctype>

namespace kinerja::http {
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

void AppendLiteral(std::string* out, char c) {
  static constexpr std::string_view kSpecial = R"(\^$.|?*+()[]{}-)";
  if (kSpecial.find(c) != std::string_view::npos) out->push_back('\\');
  out->push_back(c);
}

}  // namespace

RoutePattern CompileRoutePattern(std::string_view pattern) {
  RoutePattern out;
  size_t i = 0;
  while (i < pattern.size()) {
    const bool segment_start = i == 0 || pattern[i - 1] == '/';
    if (segment_start && pattern[i] == ':') {
      size_t end = i + 1;
      while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
      out.names.emplace_back(pattern.substr(i + 1, end - i - 1));
      out.regex += "([^/]+)";
      i = end;
      continue;
    }
    AppendLiteral(&out.regex, pattern[i++]);
  }
  return out;
}

}  // namespace kinerja::http
