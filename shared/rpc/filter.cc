#include "shared/rpc/filter.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "shared/rpc/filter_lexer.h"

namespace kinerja::rpc {
namespace {

absl::Status ErrorAt(int column, std::string_view what, std::string_view hint = "") {
  if (hint.empty())
    return absl::InvalidArgumentError(absl::StrFormat("filter: %s at %d", what, column));
  return absl::InvalidArgumentError(absl::StrFormat("filter: %s at %d; %s", what, column, hint));
}

FilterOp OpFromSymbol(std::string_view symbol) {
  if (symbol == "=") return FilterOp::kEq;
  if (symbol == "!=") return FilterOp::kNe;
  if (symbol == "<") return FilterOp::kLt;
  if (symbol == "<=") return FilterOp::kLe;
  if (symbol == ">") return FilterOp::kGt;
  if (symbol == ">=") return FilterOp::kGe;
  return FilterOp::kHas;  // the lexer produces no other operator
}

std::string AllowedOps(const FilterField& field) {
  return absl::StrJoin(field.ops, ", ",
                       [](std::string* out, FilterOp op) { out->append(FilterOpSymbol(op)); });
}

class Parser {
 public:
  Parser(const std::vector<FilterToken>& tokens, const FilterSchema& schema, int end_column)
      : tokens_(tokens), schema_(schema), end_column_(end_column) {}

  absl::StatusOr<std::vector<Condition>> Run();

 private:
  const FilterToken* Next() { return pos_ < tokens_.size() ? &tokens_[pos_++] : nullptr; }
  absl::Status ExpectAnd();
  absl::StatusOr<Condition> ParseCondition();
  absl::StatusOr<const FilterField*> ParseField();
  absl::StatusOr<Condition> Build(const FilterField& field, const FilterToken& op,
                                  const FilterToken& value);

  const std::vector<FilterToken>& tokens_;
  const FilterSchema& schema_;
  const int end_column_;
  size_t pos_ = 0;
};

absl::StatusOr<std::vector<Condition>> Parser::Run() {
  std::vector<Condition> conditions;
  while (pos_ < tokens_.size()) {
    if (!conditions.empty()) {
      if (absl::Status s = ExpectAnd(); !s.ok()) return s;
    }
    if (conditions.size() == kMaxFilterConditions) {
      int column = pos_ < tokens_.size() ? tokens_[pos_].column : end_column_;
      return ErrorAt(column, absl::StrCat("too many conditions (max ", kMaxFilterConditions, ")"));
    }
    absl::StatusOr<Condition> condition = ParseCondition();
    if (!condition.ok()) return condition.status();
    conditions.push_back(*std::move(condition));
  }
  return conditions;
}

absl::Status Parser::ExpectAnd() {
  const FilterToken* t = Next();
  if (t->kind == FilterTokenKind::kBare && t->text == "AND") {
    if (pos_ == tokens_.size()) return ErrorAt(end_column_, "expected a condition after AND");
    return absl::OkStatus();
  }
  const std::string found = QuoteForError(t->text);
  if (t->kind == FilterTokenKind::kBare && absl::AsciiStrToUpper(t->text) == "AND") {
    return ErrorAt(t->column, absl::StrCat("found ", found),
                   "conditions are joined by uppercase AND");
  }
  if (t->kind == FilterTokenKind::kBare && absl::AsciiStrToUpper(t->text) == "OR") {
    return ErrorAt(t->column, "OR is not supported", "conditions can only be joined by AND");
  }
  return ErrorAt(t->column, absl::StrCat("expected AND between conditions, found ", found));
}

absl::StatusOr<Condition> Parser::ParseCondition() {
  absl::StatusOr<const FilterField*> field = ParseField();
  if (!field.ok()) return field.status();
  const FilterToken* op = Next();
  if (op == nullptr) {
    return ErrorAt(end_column_, absl::StrCat("expected an operator after ", (*field)->name));
  }
  if (op->kind != FilterTokenKind::kOperator) {
    return ErrorAt(op->column,
                   absl::StrCat("expected an operator, found ", QuoteForError(op->text)),
                   "operators: =, !=, <, <=, >, >=, :");
  }
  const FilterToken* value = Next();
  if (value == nullptr) {
    return ErrorAt(end_column_, absl::StrCat("expected a value after ", op->text));
  }
  if (value->kind == FilterTokenKind::kOperator) {
    return ErrorAt(value->column, absl::StrCat("expected a value, found ", value->text));
  }
  return Build(**field, *op, *value);
}

absl::StatusOr<const FilterField*> Parser::ParseField() {
  const FilterToken* t = Next();
  if (t->kind != FilterTokenKind::kBare || t->text == "AND") {
    return ErrorAt(t->column,
                   absl::StrCat("expected a field name, found ", QuoteForError(t->text)));
  }
  if (t->text == "NOT") return ErrorAt(t->column, "NOT is not supported");
  const FilterField* field = schema_.Find(t->text);
  if (field == nullptr) {
    return ErrorAt(t->column, absl::StrCat("unknown field ", QuoteForError(t->text)),
                   absl::StrCat("allowed: ", schema_.FieldNames()));
  }
  return field;
}

absl::StatusOr<Condition> Parser::Build(const FilterField& field, const FilterToken& op_token,
                                        const FilterToken& value_token) {
  FilterOp op = OpFromSymbol(op_token.text);
  std::string text = value_token.text;
  if (op == FilterOp::kHas && text.ends_with('*')) {
    op = FilterOp::kPrefix;
    text.pop_back();
  }
  if (value_token.kind == FilterTokenKind::kBare && text.find('*') != std::string::npos) {
    return ErrorAt(value_token.column, "'*' is only allowed at the end of a value after ':'");
  }
  if (std::find(field.ops.begin(), field.ops.end(), op) == field.ops.end()) {
    return ErrorAt(
        op_token.column,
        absl::StrFormat("operator %s is not allowed for %s", FilterOpSymbol(op), field.name),
        absl::StrCat("allowed: ", AllowedOps(field)));
  }
  if (op == FilterOp::kPrefix && field.type != FilterFieldType::kString) {
    return ErrorAt(op_token.column,
                   absl::StrCat("prefix match needs a string field, ", field.name, " is not one"));
  }
  absl::StatusOr<FilterValue> value = ConvertFilterValue(field, text);
  if (!value.ok()) {
    return ErrorAt(
        value_token.column,
        absl::StrCat("invalid value ", QuoteForError(value_token.text), " for ", field.name),
        std::string(value.status().message()));
  }
  return Condition{field.name, op, *std::move(value)};
}

}  // namespace

absl::StatusOr<std::vector<Condition>> ParseFilter(std::string_view text,
                                                   const FilterSchema& schema) {
  if (text.size() > kMaxFilterLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("filter: too long (", text.size(), " bytes, max ", kMaxFilterLength, ")"));
  }
  absl::StatusOr<std::vector<FilterToken>> tokens = LexFilter(text);
  if (!tokens.ok()) return tokens.status();
  return Parser(*tokens, schema, static_cast<int>(text.size()) + 1).Run();
}

}  // namespace kinerja::rpc
