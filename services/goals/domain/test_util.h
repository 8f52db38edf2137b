// Test helpers for the goals domain tests: matchers over errors::ReasonOf / ViolationsOf.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/goals/domain/plan_content.h"
#include "services/goals/domain/types.h"
#include "shared/errors/errors.h"

namespace kinerja::goals::test_util {

// The field paths an INVALID_ARGUMENT status names, in order.
inline std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : errors::ViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

inline bool HasField(const absl::Status& status, const std::string& field) {
  for (const auto& f : Fields(status)) {
    if (f == field) return true;
  }
  return false;
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
  if (!HasField(status, field)) {
    ::testing::AssertionResult r = ::testing::AssertionFailure();
    r << "field " << field << " not among:";
    for (const auto& f : Fields(status)) r << " " << f;
    return r;
  }
  return ::testing::AssertionSuccess();
}

// Builders of valid content.
inline Indicator MakeIndicator(std::string id = "", Aspect aspect = Aspect::kQuantity) {
  Indicator i;
  i.id = std::move(id);
  i.text = "Jumlah dokumen yang diselesaikan";
  i.aspect = aspect;
  i.target_min = 10;
  i.target_max = 12;
  i.target_unit = "dokumen";
  return i;
}

inline WorkResult MakeResult(std::string id = "", ResultKind kind = ResultKind::kMain,
                             std::string parent = "",
                             Perspective perspective = Perspective::kNone) {
  WorkResult r;
  r.id = std::move(id);
  r.kind = kind;
  r.text = "Tersusunnya laporan kinerja";
  r.parent_result_id = std::move(parent);
  r.perspective = perspective;
  r.indicators.push_back(MakeIndicator(r.id.empty() ? "" : r.id + "-i0"));
  return r;
}

inline PlanContent MakeContent(std::vector<WorkResult> results) {
  PlanContent c = NewContent(PlanStyle::kQuantitative);
  c.results = std::move(results);
  return c;
}

}  // namespace kinerja::goals::test_util
