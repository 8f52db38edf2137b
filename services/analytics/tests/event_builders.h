// Events as the employee, goals and review services publish them, for the analytics tests: the
// payloads are the producers' own messages (their contracts), filled with what a test names.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "kinerja/common/v1/events.pb.h"
#include "kinerja/employee/v1/events.pb.h"
#include "kinerja/goals/v1/events.pb.h"
#include "kinerja/review/v1/events.pb.h"

namespace kinerja::analytics::testing {

namespace common = ::kinerja::common::v1;
namespace ev1 = ::kinerja::employee::v1;
namespace gv1 = ::kinerja::goals::v1;
namespace rv1 = ::kinerja::review::v1;

// An envelope of `type` carrying `payload`, with the producer's sequence and a cursor.
common::EventEnvelope Envelope(const std::string& type, const google::protobuf::Message& payload,
                               int64_t sequence);

ev1::AgencyChanged AgencyEvent(const std::string& id, const std::string& name);
ev1::OrgUnitChanged UnitEvent(const std::string& id, const std::string& agency,
                              const std::string& parent, const std::string& name,
                              const std::string& leader_position = "");
ev1::PositionChanged PositionEvent(const std::string& id, const std::string& agency,
                                   const std::string& unit, ev1::PositionType type);
ev1::EmployeeChanged EmployeeEvent(const std::string& id, const std::string& agency,
                                   const std::string& nip, const std::string& name,
                                   const std::string& unit, const std::string& position);

gv1::PeriodChanged PeriodEvent(const std::string& id, const std::string& agency, int year,
                               gv1::Cadence cadence = gv1::CADENCE_QUARTERLY,
                               int deadline_month = 1, int deadline_day = 31);

struct IndicatorSpec {
  std::string id{};
  gv1::Aspect aspect = gv1::ASPECT_QUANTITY;
  double target_min = 10;
  double target_max = 10;
  bool lower_is_better = false;
};

struct PlanSpec {
  std::string id{};
  std::string period = "period-1";
  std::string agency = "kota";
  int year = 2026;
  std::string employee_id{};
  std::string nip{};
  std::string name{};
  std::string unit{};
  std::string position{};
  std::string position_type = "PELAKSANA";
  gv1::PlanState state = gv1::PLAN_STATE_APPROVED;
  int revision = 1;
  int approved_revision = 1;
  // Approval at 12:00 WIB on this day of `year` (month, day); {0, 0}: not approved.
  int approve_month = 1;
  int approve_day = 15;
  int deadline_month = 1;
  int deadline_day = 31;
  std::string assessor_nip{};
  std::vector<IndicatorSpec> indicators{};
};
gv1::PlanChanged PlanEvent(const PlanSpec& spec);

struct AssessmentSpec {
  std::string id{};
  std::string plan{};
  std::string period = "period-1";
  std::string agency = "kota";
  int year = 2026;
  rv1::AssessmentKind kind = rv1::ASSESSMENT_KIND_ANNUAL;
  int window_index = 0;  // month or quarter of a periodic assessment
  std::string unit{};
  bool unit_head = false;
  std::string position_type = "PELAKSANA";
  std::string employee_id{};
  std::string nip{};
  std::string name{};
  std::string assessor_nip{};
  std::string assessor_name{};
  rv1::Rating results = rv1::RATING_AS_EXPECTED;
  rv1::Rating behaviour = rv1::RATING_AS_EXPECTED;
  bool finalised = true;
  std::vector<std::pair<rv1::CoreValue, rv1::Rating>> values{};
};
// The predicate is derived from the ratings (DOMAIN.md matrix), as the review service does.
rv1::AssessmentChanged AssessmentEvent(const AssessmentSpec& spec);

rv1::OrgPredicateChanged OrgPredicateEvent(const std::string& unit, const std::string& period,
                                           const std::string& agency, rv1::OrgPredicate predicate);

}  // namespace kinerja::analytics::testing
