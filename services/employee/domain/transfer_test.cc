#include "services/employee/domain/transfer.h"

#include <gtest/gtest.h>

#include "services/employee/domain/test_util.h"
#include "shared/errors/errors.h"

namespace kinerja::employee {
namespace {

EmployeeRecord Holder() {
  EmployeeRecord record;
  record.employee = test_util::ValidPns();
  record.employee.id = "emp-1";
  record.position_start_date = absl::CivilDay(2024, 1, 1);
  return record;
}

TransferRequest MoveTo(std::string position_id, absl::CivilDay day) {
  return TransferRequest{.employee_id = "emp-1",
                         .position_id = std::move(position_id),
                         .effective_date = day,
                         .reason = AssignmentReason::kTransfer,
                         .new_rank = std::nullopt,
                         .expected_version = std::nullopt};
}

TransferFacts Facts(std::string agency_id, std::optional<absl::CivilDay> open_start) {
  return TransferFacts{
      .position = PositionPlace{.unit_id = "unit-2", .agency_id = std::move(agency_id)},
      .open_start = open_start};
}

std::string Reason(const absl::Status& status) { return errors::ReasonOf(status).value_or(""); }

TEST(ValidateTransferRequest, NeedsIdsAndAReasonOtherThanInitial) {
  TransferRequest request = MoveTo("pos-2", absl::CivilDay(2024, 6, 1));
  EXPECT_TRUE(ValidateTransferRequest(request).ok());
  request.reason = AssignmentReason::kInitial;
  EXPECT_EQ(ValidateTransferRequest(request).code(), absl::StatusCode::kInvalidArgument);
  request = MoveTo("", absl::CivilDay(2024, 6, 1));
  EXPECT_EQ(ValidateTransferRequest(request).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ApplyTransfer, LaterDateClosesTheOpenAssignmentAndOpensTheNext) {
  EmployeeRecord record = Holder();
  auto change = ApplyTransfer(record, MoveTo("pos-2", absl::CivilDay(2024, 6, 1)),
                              Facts("agency-1", absl::CivilDay(2024, 1, 1)));
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->kind, AssignmentChange::Kind::kCloseAndOpen);
  EXPECT_EQ(change->next.position_id, "pos-2");
  EXPECT_EQ(change->next.unit_id, "unit-2");
  EXPECT_EQ(change->next.agency_id, "agency-1");
  EXPECT_EQ(change->next.start_date, absl::CivilDay(2024, 6, 1));
  EXPECT_EQ(change->next.reason, AssignmentReason::kTransfer);
  EXPECT_EQ(record.employee.position_id, "pos-2");
  EXPECT_EQ(record.employee.unit_id, "unit-2");
  EXPECT_EQ(record.position_start_date, absl::CivilDay(2024, 6, 1));
}

TEST(ApplyTransfer, SameDayCorrectsTheOpenAssignment) {
  EmployeeRecord record = Holder();
  auto change = ApplyTransfer(record, MoveTo("pos-2", absl::CivilDay(2024, 1, 1)),
                              Facts("agency-1", absl::CivilDay(2024, 1, 1)));
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->kind, AssignmentChange::Kind::kCorrect);
}

TEST(ApplyTransfer, NoOpenAssignmentOpensOne) {
  EmployeeRecord record = Holder();
  auto change = ApplyTransfer(record, MoveTo("pos-2", absl::CivilDay(2024, 1, 1)),
                              Facts("agency-1", std::nullopt));
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->kind, AssignmentChange::Kind::kOpen);
}

TEST(ApplyTransfer, RefusesAnEarlierDateAndLeavesTheRecord) {
  EmployeeRecord record = Holder();
  auto change = ApplyTransfer(record, MoveTo("pos-2", absl::CivilDay(2023, 12, 31)),
                              Facts("agency-1", absl::CivilDay(2024, 1, 1)));
  EXPECT_EQ(Reason(change.status()), "EFFECTIVE_DATE_TOO_EARLY");
  EXPECT_EQ(record.employee.position_id, "pos-1");
}

TEST(ApplyTransfer, RefusesAnotherAgencyTheSamePositionAndAMissingOne) {
  EmployeeRecord record = Holder();
  const absl::CivilDay day(2024, 6, 1);
  EXPECT_EQ(Reason(ApplyTransfer(record, MoveTo("pos-2", day), Facts("agency-2", day)).status()),
            "DIFFERENT_AGENCY");
  EXPECT_EQ(Reason(ApplyTransfer(record, MoveTo("pos-1", day), Facts("agency-1", day)).status()),
            "ALREADY_IN_POSITION");
  TransferFacts missing = Facts("agency-1", day);
  missing.position = std::nullopt;
  EXPECT_EQ(Reason(ApplyTransfer(record, MoveTo("pos-9", day), missing).status()),
            "REFERENCE_NOT_FOUND");
}

TEST(ApplyTransfer, NewRankMustFitTheKind) {
  EmployeeRecord record = Holder();
  TransferRequest request = MoveTo("pos-2", absl::CivilDay(2024, 6, 1));
  request.reason = AssignmentReason::kPromotion;
  request.new_rank = PppkGrade::Parse("IX").value();
  auto change = ApplyTransfer(record, request, Facts("agency-1", absl::CivilDay(2024, 1, 1)));
  EXPECT_EQ(change.status().code(), absl::StatusCode::kInvalidArgument);
  request.new_rank = Golongan::Parse("III/c").value();
  change = ApplyTransfer(record, request, Facts("agency-1", absl::CivilDay(2024, 1, 1)));
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->next.reason, AssignmentReason::kPromotion);
  EXPECT_EQ(RankLabel(record.employee.rank), "III/c");
}

}  // namespace
}  // namespace kinerja::employee
