// The review domain's records (DOMAIN.md "Execution and periodic assessment", "Rating (2022+)",
// "Objection"): ratings and derived predicates, organisation predicates, periodic and annual
// assessments, objections, realisations with evidence, feedback and 360 rounds. Plain structs:
// no gRPC, protobuf, SQL or JSON types. Enum names are the stable storage/event names (names.h);
// where a national code exists the enum value IS that code (RatingCode, PredicateCode, PeriodikId).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "shared/rating/rating.h"

namespace kinerja::review {

// The regulation's rating vocabulary is shared (shared/rating/rating.h: analytics counts the same
// ratings and predicates); these declarations keep its names unqualified here.
using rating::kAllOrgPredicates;
using rating::kAllPredicates;
using rating::kAllRatings;
using rating::OrgPredicate;
using rating::Predicate;
using rating::PredicateCode;
using rating::PredicateFromCode;
using rating::Rating;
using rating::RatingCode;
using rating::RatingFromCode;

// Periodic assessment cadence; the value is the national periodikId.
enum class Cadence { kMonthly = 1, kQuarterly = 2 };

enum class AssessmentKind { kPeriodic, kAnnual };
// DRAFT: the assessor rates and edits; FINALISED: immutable except through an objection decision.
enum class AssessmentState { kDraft, kFinalised };

// In what capacity the official of the day acts (DOMAIN.md "Organisation").
enum class Capacity {
  kDefinitive,   // pejabat definitif
  kPlt,          // pelaksana tugas
  kPlh,          // pelaksana harian
  kDelegated,    // an official the agency delegated the assessment to
  kPj,           // penjabat: an ASN interim regional head
  kHrForNonAsn,  // an HR admin recording the decision of a NON-ASN (political) head
};

// The 7 BerAKHLAK core values, in their official order.
enum class CoreValue {
  kServiceOriented,  // Berorientasi Pelayanan
  kAccountable,      // Akuntabel
  kCompetent,        // Kompeten
  kHarmonious,       // Harmonis
  kLoyal,            // Loyal
  kAdaptive,         // Adaptif
  kCollaborative,    // Kolaboratif
};
inline constexpr int kCoreValueCount = 7;

// The national periodikId: 1 monthly, 2 quarterly. CadenceFromPeriodikId returns
// INVALID_ARGUMENT "<field>: ..." for other ids.
int PeriodikId(Cadence cadence);
absl::StatusOr<Cadence> CadenceFromPeriodikId(int id, std::string_view field);

// An official snapshotted on the day they act (from the employee service's reporting line).
struct Official {
  std::string employee_id;  // empty for a NON-ASN official
  std::string nip;          // NIP / NI PPPK; empty for a NON-ASN official
  std::string name;
  std::string position_name;
  std::string unit_id;
  std::string unit_name;
  std::string rank_code;  // national golongan code ("41") or PPPK grade; empty for NON-ASN
  bool non_asn = false;   // a political head (governor, regent, mayor): no NIP, no account
  Capacity capacity = Capacity::kDefinitive;
  friend bool operator==(const Official&, const Official&) = default;
};

// A span of days assessed together: one month or quarter of a periodic assessment, or the plan's
// part of the year for an annual one (windows.h). Days are inclusive and already clipped to the
// plan's days; the months are those of the clipped days (SIASN bulanMulai/bulanSelesai).
struct Window {
  int year = 0;
  int index = 0;  // month 1..12 (monthly), quarter 1..4 (quarterly), 0 (annual)
  absl::CivilDay first;
  absl::CivilDay last;
  int month_start = 0;  // bulanMulaiPenilaian, 1..12
  int month_end = 0;    // bulanSelesaiPenilaian, 1..12
  friend bool operator==(const Window&, const Window&) = default;
};

// The assessor's rating of one BerAKHLAK core value, e.g. against the leader's specific
// expectation for it (ekspektasi khusus pimpinan). Optional, each value at most once; the
// overall behaviour rating is not derived from them (the assessor's own decision).
struct BehaviourValueRating {
  CoreValue value = CoreValue::kServiceOriented;
  Rating rating = Rating::kAsExpected;
  std::string note;
  friend bool operator==(const BehaviourValueRating&, const BehaviourValueRating&) = default;
};

// A periodic or annual assessment of one plan (SKP).
struct Assessment {
  std::string id;
  std::string plan_id;
  std::string agency_id;
  std::string unit_id;     // the employee's unit (its organisation predicate applies)
  Official employee;       // the assessed employee (capacity unused)
  bool unit_head = false;  // the employee leads unit_id: results follow the unit's predicate
  AssessmentKind kind = AssessmentKind::kPeriodic;
  Cadence cadence = Cadence::kMonthly;  // periodic only
  Window window;
  std::optional<Rating> results_rating;    // hasil kerja
  std::optional<Rating> behaviour_rating;  // perilaku kerja
  std::optional<Predicate> predicate;      // derived from the two ratings, never typed in
  std::string notes;
  // Per-value ratings, in the core values' official order (assessment.h ApplyRating).
  std::vector<BehaviourValueRating> behaviour_values;
  // The assessor of the day who rated, in their capacity, and who recorded it (token subject;
  // differs from the assessor for kHrForNonAsn).
  std::optional<Official> assessor;
  std::string recorded_by;
  AssessmentState state = AssessmentState::kDraft;
  std::string distribution_justification;  // set when finalised against a WARN distribution
  std::optional<absl::Time> finalise_time;
  std::optional<absl::CivilDay> delivered_date;  // the day the result reached the employee
  int64_t version = 0;                           // etag source
};

enum class ObjectionState { kOpen, kDecided };

// The superior's decision on an objection. Before/after ratings make the audit trail explicit.
struct ObjectionDecision {
  Rating results_before = Rating::kAsExpected;
  Rating behaviour_before = Rating::kAsExpected;
  Predicate predicate_before = Predicate::kBaik;
  Rating results_after = Rating::kAsExpected;
  Rating behaviour_after = Rating::kAsExpected;
  Predicate predicate_after = Predicate::kBaik;
  bool changed = false;  // false: the assessment is kept as it was
  std::string reason;    // why (required)
  Official decided_by;   // the assessor's superior of the day (NON-ASN head for kHrForNonAsn)
  std::string recorded_by;
  absl::Time decide_time;
};

// Keberatan: filed by the employee on a finalised, delivered assessment.
struct Objection {
  std::string id;
  std::string assessment_id;
  std::string employee_nip;
  absl::CivilDay filed_on;
  std::string employee_explanation;  // the employee's side (required before a decision)
  std::string assessor_explanation;  // the assessor's side (required before a decision)
  ObjectionState state = ObjectionState::kOpen;
  std::optional<ObjectionDecision> decision;
};

// A unit's organisation predicate for one assessment period, set by the leader one level up.
struct OrgPredicateDecision {
  std::string agency_id;
  std::string unit_id;
  AssessmentKind kind = AssessmentKind::kAnnual;
  Window window;  // the period it applies to (the year for annual ones)
  OrgPredicate predicate = OrgPredicate::kBaik;
  Official decided_by;
  std::string recorded_by;
  std::string note;
  absl::Time decide_time;
};

// Bukti dukung: a named link.
struct Evidence {
  std::string name;
  std::string link;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// Realisasi: the employee's realisation of one indicator (IKI) in one window.
struct Realisation {
  std::string plan_id;
  std::string indicator_id;
  Window window;
  std::optional<double> value;  // quantitative indicators
  std::string text;             // qualitative indicators, or a comment
  std::vector<Evidence> evidence;
  std::string recorded_by;
  absl::Time record_time;
};

// The assessor's feedback on one indicator in one window.
struct IndicatorFeedback {
  std::string plan_id;
  std::string indicator_id;
  Window window;
  std::string text;
  Official assessor;
  std::string recorded_by;
  absl::Time record_time;
};

enum class NoteAuthorRole { kEmployee, kAssessor };

// Umpan balik berkelanjutan: a continuous feedback note on a plan, any time while it is open.
struct FeedbackNote {
  std::string id;
  std::string plan_id;
  std::string author_nip;
  NoteAuthorRole author_role = NoteAuthorRole::kEmployee;
  std::string text;
  absl::Time create_time;
};

enum class RoundState { kOpen, kClosed };
enum class RaterRelation { kPeer, kSubordinate };

// A 360 behaviour round for one employee. Eligible raters are decided on the round's day.
struct Round360 {
  std::string id;
  std::string agency_id;
  std::string plan_id;
  std::string rated_nip;
  absl::CivilDay day;  // the day whose peers and subordinates may answer
  RoundState state = RoundState::kOpen;
};

struct ValueAnswer {
  CoreValue value = CoreValue::kServiceOriented;
  Rating level = Rating::kAsExpected;
  friend bool operator==(const ValueAnswer&, const ValueAnswer&) = default;
};

// One rater's answer set in a round (stored with identity; never returned with it).
struct Answer360 {
  std::string round_id;
  std::string rater_nip;
  RaterRelation relation = RaterRelation::kPeer;
  std::vector<ValueAnswer> answers;
  std::string comment;
  absl::Time answer_time;
};

}  // namespace kinerja::review
