// Splits an AIP-160 filter into tokens, remembering where each one starts for error messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::rpc {

enum class FilterTokenKind {
  kBare,      // letters, digits, - _ . / and '*' (field names, AND, unquoted values)
  kQuoted,    // "..." with \" and \\ escapes; text holds the unescaped content
  kOperator,  // = != < <= > >= :
};

struct FilterToken {
  FilterTokenKind kind;
  std::string text;
  int column;  // 1-based byte column of the token's first character
};

// Errors are InvalidArgument "filter: ... at <column>".
absl::StatusOr<std::vector<FilterToken>> LexFilter(std::string_view text);

// Quotes user text for an error message: escaped and cut short so messages stay readable.
std::string QuoteForError(std::string_view text);

}  // namespace kinerja::rpc
