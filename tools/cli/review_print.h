// Text rendering of the review service's resources with the regulation's terms: predikat
// kinerja with its national code, hasil kerja / perilaku kerja ratings, keberatan, and the
// capacity in which an official acted (definitif, Plt, Plh, ...).
#pragma once

#include <string>

#include "kinerja/review/v1/resources.pb.h"
#include "kinerja/review/v1/review_service.pb.h"
#include "tools/cli/print.h"

namespace kinerja::cli {

// "di atas ekspektasi (1)"; "-" when unset.
std::string RatingLabel(kinerja::review::v1::Rating rating);
// "Baik (2)", "Kurang/Misconduct (4)": the predicate with its national code; "-" when unset.
std::string PredicateLabel(kinerja::review::v1::Predicate predicate);
// "Butuh Perbaikan"; "-" when unset.
std::string OrgPredicateLabel(kinerja::review::v1::OrgPredicate predicate);
// "definitif", "Plt", "Plh", "delegated", "Pj", "HR for NON-ASN"; "" when unset.
std::string CapacityLabel(kinerja::review::v1::Capacity capacity);
// "Budi  NIP 1986..." / "[NON-ASN] Wali Kota"; "(none)" when empty.
std::string FormatReviewOfficial(const kinerja::review::v1::Official& official);

std::string FormatPolicy(const kinerja::review::v1::ReviewPolicy& policy);

std::string FormatOrgPredicateDecision(const kinerja::review::v1::OrgPredicateDecision& d);
Row OrgPredicateHeader();
Row OrgPredicateRow(const kinerja::review::v1::OrgPredicateDecision& d);

// The whole assessment: who, window, ratings, the derived predicate, state and delivery.
std::string FormatAssessment(const kinerja::review::v1::Assessment& a);
Row AssessmentHeader();
Row AssessmentRow(const kinerja::review::v1::Assessment& a);

std::string FormatObjection(const kinerja::review::v1::Objection& o);
Row ObjectionHeader();
Row ObjectionRow(const kinerja::review::v1::Objection& o);

// Counts, then at most `max_errors` errors "line N: field: message" and how many were left out.
std::string FormatSurveySummary(const kinerja::review::v1::ImportSurveyResultsSummary& s,
                                int max_errors);

}  // namespace kinerja::cli
