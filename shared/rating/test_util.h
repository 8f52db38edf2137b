// Test helpers for the rating tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "absl/status/status.h"
#include "shared/errors/errors.h"

namespace kinerja::rating::test_util {

// INVALID_ARGUMENT naming this field among its violations.
inline ::testing::AssertionResult IsInvalid(const absl::Status& status, const std::string& field) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return ::testing::AssertionFailure()
           << "expected INVALID_ARGUMENT " << field << ", got " << status;
  }
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << "field " << field << " not among:";
  for (const auto& v : errors::ViolationsOf(status)) {
    if (v.field == field) return ::testing::AssertionSuccess();
    failure << " " << v.field;
  }
  return failure;
}

}  // namespace kinerja::rating::test_util
