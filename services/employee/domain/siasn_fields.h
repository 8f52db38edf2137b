// Internal to siasn_record.cc: uniform access to one record's fields, whether they come from a
// JSON object or a CSV row, and typed readers that collect FieldViolations instead of failing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "nlohmann/json.hpp"
#include "services/employee/domain/csv.h"
#include "services/employee/domain/field_violation.h"
#include "services/employee/domain/sex.h"

namespace kinerja::employee::siasn_internal {

struct FieldValue {
  enum Kind {
    kMissing,  // no such key / column, JSON null, or empty CSV cell
    kText,     // text: a JSON string or a CSV cell, trimmed of ASCII whitespace
    kInteger,  // a JSON integer
    kInvalid,  // a JSON float, boolean, array or object
  };
  Kind kind = kMissing;
  std::string_view text;
  int64_t integer = 0;
};

class FieldSource {
 public:
  virtual ~FieldSource() = default;
  virtual FieldValue Get(std::string_view name) const = 0;
};

class JsonFieldSource : public FieldSource {
 public:
  explicit JsonFieldSource(const nlohmann::json& object) : object_(object) {}
  FieldValue Get(std::string_view name) const override;

 private:
  const nlohmann::json& object_;
};

class CsvFieldSource : public FieldSource {
 public:
  CsvFieldSource(const CsvHeader& header, const std::vector<std::string_view>& cells)
      : header_(header), cells_(cells) {}
  FieldValue Get(std::string_view name) const override;

 private:
  const CsvHeader& header_;
  const std::vector<std::string_view>& cells_;
};

// Typed readers. Each returns nullopt / empty and appends a violation naming `name` when the
// value is missing (only if `required`) or malformed.
class FieldReader {
 public:
  FieldReader(const FieldSource& source, std::vector<FieldViolation>* errors)
      : source_(source), errors_(errors) {}

  // Text or integer (as decimal text); for ids and codes.
  std::optional<std::string> Id(std::string_view name, bool required);
  // Text only, as is (trimmed).
  std::optional<std::string> Text(std::string_view name, bool required);
  // An integer or a text of digits.
  std::optional<int64_t> Code(std::string_view name, bool required);
  // dd-mm-yyyy or yyyy-mm-dd.
  std::optional<absl::CivilDay> Date(std::string_view name, bool required);
  // M/F, L/P or 1/2 (case-insensitive).
  std::optional<Sex> SexCode(std::string_view name, bool required);

  void Fail(std::string_view name, std::string description);
  std::vector<FieldViolation>& errors() { return *errors_; }

 private:
  // The value, or nullopt after recording a missing/invalid error.
  std::optional<FieldValue> Present(std::string_view name, bool required);

  const FieldSource& source_;
  std::vector<FieldViolation>* errors_;
};

}  // namespace kinerja::employee::siasn_internal
