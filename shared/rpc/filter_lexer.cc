#include "shared/rpc/filter_lexer.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::rpc {
namespace {

bool IsBareChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == '/' || c == '*';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

absl::Status ErrorAt(size_t pos, std::string_view what, std::string_view hint = "") {
  if (hint.empty())
    return absl::InvalidArgumentError(absl::StrFormat("filter: %s at %d", what, pos + 1));
  return absl::InvalidArgumentError(absl::StrFormat("filter: %s at %d; %s", what, pos + 1, hint));
}

// Reads a quoted string starting at text[*pos] == '"'; advances *pos past the closing quote.
absl::StatusOr<std::string> ReadQuoted(std::string_view text, size_t* pos) {
  const size_t start = *pos;
  std::string out;
  for (size_t i = start + 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      *pos = i + 1;
      return out;
    }
    if (c == '\\') {
      if (i + 1 >= text.size()) break;
      char next = text[i + 1];
      if (next != '"' && next != '\\') {
        return ErrorAt(i, absl::StrCat("unsupported escape ", QuoteForError({&next, 1})),
                       "only \\\" and \\\\ are escapes");
      }
      out.push_back(next);
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return ErrorAt(start, "unterminated string");
}

// Length of the operator at text[pos], or 0 if there is none.
size_t OperatorLength(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  if (rest.starts_with("!=") || rest.starts_with("<=") || rest.starts_with(">=")) return 2;
  if (rest[0] == '=' || rest[0] == '<' || rest[0] == '>' || rest[0] == ':') return 1;
  return 0;
}

absl::Status UnexpectedChar(std::string_view text, size_t pos) {
  char c = text[pos];
  std::string what = absl::StrCat("unexpected character ", QuoteForError({&c, 1}));
  if (c == '(' || c == ')') return ErrorAt(pos, what, "parentheses are not supported");
  if (c == '!') return ErrorAt(pos, what, "did you mean !=?");
  return ErrorAt(pos, what);
}

}  // namespace

std::string QuoteForError(std::string_view text) {
  constexpr size_t kMax = 40;
  // Debian's Abseil has its own string_view type, distinct from std's.
  absl::string_view shown(text.data(), std::min(text.size(), kMax));
  return absl::StrCat("\"", absl::CHexEscape(shown), text.size() > kMax ? "...\"" : "\"");
}

absl::StatusOr<std::vector<FilterToken>> LexFilter(std::string_view text) {
  std::vector<FilterToken> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const int column = static_cast<int>(pos) + 1;
    if (IsSpace(c)) {
      ++pos;
    } else if (c == '"') {
      absl::StatusOr<std::string> s = ReadQuoted(text, &pos);
      if (!s.ok()) return s.status();
      tokens.push_back({FilterTokenKind::kQuoted, *std::move(s), column});
    } else if (size_t len = OperatorLength(text, pos); len > 0) {
      tokens.push_back({FilterTokenKind::kOperator, std::string(text.substr(pos, len)), column});
      pos += len;
    } else if (IsBareChar(c)) {
      size_t end = pos;
      while (end < text.size() && IsBareChar(text[end])) ++end;
      tokens.push_back({FilterTokenKind::kBare, std::string(text.substr(pos, end - pos)), column});
      pos = end;
    } else {
      return UnexpectedChar(text, pos);
    }
  }
  return tokens;
}

}  // namespace kinerja::rpc
