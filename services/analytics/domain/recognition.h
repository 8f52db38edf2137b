// Recognition candidates (DOMAIN.md "Follow-up": awards; the seeds' "recognition of good
// performers"): consistent Sangat Baik with evidence. An employee is a candidate for a year when
//  - they have at least one finalised annual assessment in the year and every one of them is
//    Sangat Baik (a transfer gives one per plan);
//  - they have at least min_periodic finalised periodic assessments in the year (default 2) and
//    every one of them is Sangat Baik;
//  - at least min_evidence of their realisations of the year carry evidence (bukti dukung;
//    default 1).
// consecutive_years counts back from the year: years in a row whose annual assessments were all
// Sangat Baik (the report's year included).
#pragma once

#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::analytics {

struct RecognitionRule {
  int min_periodic = 2;
  int min_evidence = 1;
};

// The rule of a request: 0 -> the default; INVALID_ARGUMENT "min_periodic" / "min_evidence"
// when negative.
absl::StatusOr<RecognitionRule> RecognitionRuleOf(int min_periodic, int min_evidence);

struct RecognitionFacts {
  int annual_finalised = 0;
  int annual_sangat_baik = 0;
  int periodic_finalised = 0;
  int periodic_sangat_baik = 0;
  int realisations_with_evidence = 0;
};

bool IsRecognitionCandidate(const RecognitionFacts& facts, const RecognitionRule& rule);

// Years in a row up to and including `year` found in `sangat_baik_years` (any order, repeats
// allowed); 0 when `year` itself is not there.
int ConsecutiveYears(int year, const std::vector<int>& sangat_baik_years);

}  // namespace kinerja::analytics
