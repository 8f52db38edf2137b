#include "services/employee/domain/siasn_fields.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/civil_date.h"
#include "shared/text/text.h"

namespace kinerja::employee::siasn_internal {

FieldValue JsonFieldSource::Get(std::string_view name) const {
  FieldValue value;
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return value;
  if (it->is_string()) {
    value.text = TrimAscii(it->get_ref<const std::string&>());
    value.kind = value.text.empty() ? FieldValue::kMissing : FieldValue::kText;
  } else if (it->is_number_integer() && !it->is_number_unsigned()) {
    value.kind = FieldValue::kInteger;
    value.integer = it->get<int64_t>();
  } else if (it->is_number_unsigned() && it->get<uint64_t>() <= INT64_MAX) {
    value.kind = FieldValue::kInteger;
    value.integer = static_cast<int64_t>(it->get<uint64_t>());
  } else {
    value.kind = FieldValue::kInvalid;
  }
  return value;
}

FieldValue CsvFieldSource::Get(std::string_view name) const {
  FieldValue value;
  std::optional<size_t> column = header_.Find(name);
  if (!column || *column >= cells_.size()) return value;
  value.text = TrimAscii(cells_[*column]);
  value.kind = value.text.empty() ? FieldValue::kMissing : FieldValue::kText;
  return value;
}

void FieldReader::Fail(std::string_view name, std::string description) {
  errors_->push_back(FieldViolation{std::string(name), std::move(description)});
}

std::optional<FieldValue> FieldReader::Present(std::string_view name, bool required) {
  FieldValue value = source_.Get(name);
  if (value.kind == FieldValue::kMissing) {
    if (required) Fail(name, "is required");
    return std::nullopt;
  }
  if (value.kind == FieldValue::kInvalid) {
    Fail(name, "must be a string or an integer");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> FieldReader::Id(std::string_view name, bool required) {
  std::optional<FieldValue> value = Present(name, required);
  if (!value) return std::nullopt;
  if (value->kind == FieldValue::kInteger) return absl::StrCat(value->integer);
  return std::string(value->text);
}

std::optional<std::string> FieldReader::Text(std::string_view name, bool required) {
  std::optional<FieldValue> value = Present(name, required);
  if (!value) return std::nullopt;
  if (value->kind != FieldValue::kText) {
    Fail(name, "must be a string");
    return std::nullopt;
  }
  return std::string(value->text);
}

std::optional<int64_t> FieldReader::Code(std::string_view name, bool required) {
  std::optional<FieldValue> value = Present(name, required);
  if (!value) return std::nullopt;
  if (value->kind == FieldValue::kInteger) return value->integer;
  std::optional<int64_t> code = DigitsValue(value->text);
  if (!code) Fail(name, absl::StrCat("'", ToAbsl(value->text), "' is not a number"));
  return code;
}

std::optional<absl::CivilDay> FieldReader::Date(std::string_view name, bool required) {
  std::optional<FieldValue> value = Present(name, required);
  if (!value) return std::nullopt;
  std::optional<absl::CivilDay> day;
  if (value->kind == FieldValue::kText) day = ParseDmyOrIsoDay(value->text);
  if (!day) {
    std::string shown =
        value->kind == FieldValue::kText ? std::string(value->text) : absl::StrCat(value->integer);
    Fail(name, absl::StrCat("'", shown, "' is not a real date (dd-mm-yyyy or yyyy-mm-dd)"));
  }
  return day;
}

std::optional<Sex> FieldReader::SexCode(std::string_view name, bool required) {
  std::optional<FieldValue> value = Present(name, required);
  if (!value) return std::nullopt;
  if (value->kind == FieldValue::kInteger) {
    if (value->integer == 1) return Sex::kMale;
    if (value->integer == 2) return Sex::kFemale;
  } else if (value->text.size() == 1) {
    switch (LowerAscii(value->text[0])) {
      case 'm':
      case 'l':
      case '1':
        return Sex::kMale;
      case 'f':
      case 'p':
      case '2':
        return Sex::kFemale;
    }
  }
  std::string shown =
      value->kind == FieldValue::kText ? std::string(value->text) : absl::StrCat(value->integer);
  Fail(name, absl::StrCat("'", shown, "' is not M/F, L/P or 1/2"));
  return std::nullopt;
}

}  // namespace kinerja::employee::siasn_internal
