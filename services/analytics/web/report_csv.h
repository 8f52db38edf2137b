// Every analytics report as CSV, the form HR offices work in: a header row, then one record per
// row of the report (RFC 4180, see csv_writer.h, including the guard against spreadsheet
// formulas in names). Column names follow the contract's field names, so that the CSV and the
// JSON of a report read alike; the predicate columns carry the Indonesian labels HR offices use
// ("Sangat Baik", ..., "Kurang/Misconduct", "Sangat Kurang"). Counts the public may not see
// (suppressed groups) are empty cells, never 0.
#pragma once

#include <string>

#include "kinerja/analytics/v1/analytics_service.pb.h"

namespace kinerja::analytics::web {

namespace v1 = ::kinerja::analytics::v1;

// One row per group, then a "Total" row (group_id empty).
std::string DistributionCsv(const v1::DistributionReport& report);
// One row per band a unit breaks; a unit breaking none has one row with the rule columns empty.
std::string ComplianceCsv(const v1::ComplianceReport& report);
// One row: the counts as of the report's day.
std::string ParticipationCsv(const v1::ParticipationReport& report);
std::string LateEntriesCsv(const v1::ListLateEntriesResponse& page);
// One row per theme (core value); the top units as "name: employees" joined with "; ".
std::string DevelopmentNeedsCsv(const v1::DevelopmentNeedsReport& report);
std::string RecognitionCandidatesCsv(const v1::ListRecognitionCandidatesResponse& page);
// The three findings in one table, told apart by the `finding` column (PLAN_WITHOUT_QUALITY,
// ALWAYS_FAR_ABOVE, NEVER_REACHED).
std::string IndicatorHealthCsv(const v1::IndicatorHealthReport& report);
std::string RaterStatisticsCsv(const v1::ListRaterStatisticsResponse& page);
std::string TrendsCsv(const v1::TrendsReport& report);
// One row per group, then the total; suppressed counts left empty.
std::string TransparencyCsv(const v1::TransparencyReport& report);
std::string StreamStatusCsv(const v1::GetStreamStatusResponse& status);

}  // namespace kinerja::analytics::web
