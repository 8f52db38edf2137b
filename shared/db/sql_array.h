// PostgreSQL array literals for binding lists as one parameter ("= ANY($1::text[])"), which
// keeps batch lookups a single prepared statement whatever the list length.
#pragma once

#include <string>
#include <vector>

namespace kinerja::db {

// {"a","b\"c"}: every element quoted, quotes and backslashes escaped.
std::string TextArrayLiteral(const std::vector<std::string>& items);

}  // namespace kinerja::db
