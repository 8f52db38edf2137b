// Test helpers for the review domain tests: matchers over errors::ReasonOf / ViolationsOf and
// builders of valid records.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/review/domain/types.h"
#include "shared/errors/errors.h"

namespace kinerja::review::test_util {

// The field paths an INVALID_ARGUMENT status names, in order.
inline std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : errors::ViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

// FAILED_PRECONDITION with this reason.
inline ::testing::AssertionResult IsRule(const absl::Status& status, const std::string& reason) {
  if (status.code() != absl::StatusCode::kFailedPrecondition) {
    return ::testing::AssertionFailure()
           << "expected FAILED_PRECONDITION " << reason << ", got " << status;
  }
  auto got = errors::ReasonOf(status);
  if (!got.has_value() || *got != reason) {
    return ::testing::AssertionFailure() << "expected reason " << reason << ", got " << status
                                         << " reason " << got.value_or("<none>");
  }
  return ::testing::AssertionSuccess();
}

// INVALID_ARGUMENT naming this field among its violations.
inline ::testing::AssertionResult IsInvalid(const absl::Status& status, const std::string& field) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return ::testing::AssertionFailure()
           << "expected INVALID_ARGUMENT " << field << ", got " << status;
  }
  for (const auto& f : Fields(status)) {
    if (f == field) return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult r = ::testing::AssertionFailure();
  r << "field " << field << " not among:";
  for (const auto& f : Fields(status)) r << " " << f;
  return r;
}

}  // namespace kinerja::review::test_util
