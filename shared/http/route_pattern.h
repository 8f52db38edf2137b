// Turns a route pattern with ":name" segments into the regular expression cpp-httplib matches
// (cpp-httplib 0.11 has no named path parameters) and the names of its capture groups.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinerja::http {

struct RoutePattern {
  std::string regex;               // for std::regex_match against the decoded path
  std::vector<std::string> names;  // capture group i+1 is names[i]
};

// Literal text is escaped, so "/a.b" matches only "/a.b".
RoutePattern CompileRoutePattern(std::string_view pattern);

}  // namespace kinerja::http
