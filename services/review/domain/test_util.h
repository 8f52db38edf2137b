// Test helpers for the review domain tests: matchers over errors::ReasonOf / ViolationsOf and
// builders of valid records.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
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

inline constexpr char kEmployeeNip[] = "198609262015051001";
inline constexpr char kAssessorNip[] = "197501012000031002";
inline constexpr char kSuperiorNip[] = "196805121990031003";

inline Official MakeOfficial(std::string nip, std::string name, std::string rank_code = "41") {
  Official o;
  o.employee_id = "emp-" + nip;
  o.nip = std::move(nip);
  o.name = std::move(name);
  o.position_name = "Kepala Bidang";
  o.unit_id = "unit-1";
  o.unit_name = "Bidang Pelayanan";
  o.rank_code = std::move(rank_code);
  return o;
}

// A NON-ASN political head: no NIP, no rank.
inline Official MakeNonAsnHead() {
  Official o;
  o.name = "Wali Kota";
  o.position_name = "Wali Kota Kupang";
  o.unit_name = "Pemerintah Kota Kupang";
  o.non_asn = true;
  return o;
}

// A draft periodic assessment (March 2024, monthly) of kEmployeeNip in unit-1.
inline Assessment MakeAssessment() {
  Assessment a;
  a.id = "asm-1";
  a.plan_id = "plan-1";
  a.agency_id = "kota-kupang";
  a.unit_id = "unit-1";
  a.employee = MakeOfficial(kEmployeeNip, "Ani", "32");
  a.kind = AssessmentKind::kPeriodic;
  a.cadence = Cadence::kMonthly;
  a.window.year = 2024;
  a.window.index = 3;
  a.window.first = absl::CivilDay(2024, 3, 1);
  a.window.last = absl::CivilDay(2024, 3, 31);
  a.window.month_start = 3;
  a.window.month_end = 3;
  return a;
}

}  // namespace kinerja::review::test_util
