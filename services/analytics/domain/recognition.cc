#include "services/analytics/domain/recognition.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics {

absl::StatusOr<RecognitionRule> RecognitionRuleOf(int min_periodic, int min_evidence) {
  std::vector<errors::FieldViolation> violations;
  if (min_periodic < 0) {
    violations.push_back(
        {"min_periodic", absl::StrCat("must not be negative, got ", min_periodic)});
  }
  if (min_evidence < 0) {
    violations.push_back(
        {"min_evidence", absl::StrCat("must not be negative, got ", min_evidence)});
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  RecognitionRule rule;
  if (min_periodic > 0) rule.min_periodic = min_periodic;
  if (min_evidence > 0) rule.min_evidence = min_evidence;
  return rule;
}

bool IsRecognitionCandidate(const RecognitionFacts& facts, const RecognitionRule& rule) {
  return facts.annual_finalised > 0 && facts.annual_sangat_baik == facts.annual_finalised &&
         facts.periodic_finalised >= rule.min_periodic &&
         facts.periodic_sangat_baik == facts.periodic_finalised &&
         facts.realisations_with_evidence >= rule.min_evidence;
}

int ConsecutiveYears(int year, const std::vector<int>& sangat_baik_years) {
  int count = 0;
  while (std::find(sangat_baik_years.begin(), sangat_baik_years.end(), year - count) !=
         sangat_baik_years.end()) {
    ++count;
  }
  return count;
}

}  // namespace kinerja::analytics
