// The goal-setting domain's records (DOMAIN.md "Planning: SKP"): periods, plans (SKP) with work
// results (RHK), indicators (IKI) and behaviour expectations (BerAKHLAK), templates and agency
// policy. Plain structs: no gRPC, protobuf or SQL types. Enum names are the stable wire/storage
// names (see names.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace kinerja::goals {

// Periodic assessment cadence for realisations (national periodikId 1 / 2).
enum class Cadence { kMonthly, kQuarterly };

// OPEN: plans are written, submitted, approved and revised. CLOSED: no new plans, edits,
// submissions or revisions, but submitted plans may still be approved or returned; may be
// reopened. LOCKED: nothing changes any more (final).
enum class PeriodState { kOpen, kClosed, kLocked };

enum class PlanState { kDraft, kSubmitted, kApproved, kReturned, kClosed };
enum class PlanStyle { kQuantitative, kQualitative };  // kuantitatif / kualitatif
enum class ResultKind { kMain, kAdditional };          // RHK utama / tambahan
// Perspective of a JPT work result (from the agency's strategic plan).
enum class Perspective {
  kNone,
  kServiceRecipients,      // penerima layanan
  kBusinessProcess,        // proses bisnis
  kInternalStrengthening,  // penguatan internal
  kBudget,                 // anggaran
};
enum class Aspect { kQuantity, kQuality, kTime, kCost };  // kuantitas/kualitas/waktu/biaya
// How a main result contributes to the superior's result it names (intervensi). kNone: it names
// no parent.
enum class CascadeType {
  kNone,
  kDirect,    // intervensi langsung
  kIndirect,  // intervensi tidak langsung
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

// Position types as the employee service names them ("JPT_UTAMA", ..., "FUNGSIONAL").
bool IsJptPositionType(const std::string& position_type);

struct Period {
  std::string id;
  std::string agency_id;
  int year = 0;
  std::string name;
  absl::CivilDay start_date;
  absl::CivilDay end_date;          // inclusive
  absl::CivilDay filling_deadline;  // batas pengisian: last day to submit a first version
  Cadence cadence = Cadence::kMonthly;
  PeriodState state = PeriodState::kOpen;
  int64_t version = 0;  // etag source
  absl::Time create_time;
  absl::Time update_time;
  // Days a plan starting after start_date (transfer, new hire) has to be submitted, counted from
  // its start date (1..366).
  int mid_year_filling_days = 30;
};

struct DeadlineExtension {
  std::string period_id;
  std::string employee_id;
  absl::CivilDay until;  // inclusive
  std::string reason;
  std::string granted_by;
  absl::Time grant_time;
};

struct UnitPolicy {
  std::string agency_id;
  std::string unit_id;
  bool public_service = false;    // needs a quality indicator in every plan
  bool include_subunits = false;  // applies to the units below too (nearest policy wins)
  std::string survey_id;          // IKM survey a quality indicator must name; public_service only
  int64_t version = 0;
  absl::Time update_time;
};

struct Indicator {
  std::string id;
  std::string text;
  Aspect aspect = Aspect::kQuantity;
  double target_min = 0;
  double target_max = 0;
  std::string target_unit;
  std::string target_text;       // the target in words: required in QUALITATIVE plans
  bool lower_is_better = false;  // e.g. days or cost: a lower realisation is better
  std::string survey_id;         // the IKM survey measuring it (QUALITY indicators only)
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct WorkResult {
  std::string id;
  ResultKind kind = ResultKind::kMain;
  std::string text;
  std::string parent_result_id;  // the assessor's result this one cascades from
  Perspective perspective = Perspective::kNone;
  std::vector<Indicator> indicators;
  std::string template_id;                        // set when added by ApplyPlanTemplate
  CascadeType cascade_type = CascadeType::kNone;  // set iff parent_result_id is (DIRECT default)
  std::string parent_indicator_id;                // the parent's indicator it supports, optional
  friend bool operator==(const WorkResult&, const WorkResult&) = default;
};

struct BehaviourExpectation {
  CoreValue value = CoreValue::kServiceOriented;
  std::string expectation;  // ekspektasi khusus pimpinan; may be empty
  friend bool operator==(const BehaviourExpectation&, const BehaviourExpectation&) = default;
};

// What the plan commits to: the part the employee edits.
struct PlanContent {
  PlanStyle style = PlanStyle::kQuantitative;
  std::vector<WorkResult> results;
  std::vector<BehaviourExpectation> behaviours;  // always 7, in CoreValue order
  friend bool operator==(const PlanContent&, const PlanContent&) = default;
};

// Someone in the plan's reporting line as snapshotted from the employee service.
struct PlanPerson {
  std::string employee_id;  // empty for a NON-ASN official
  std::string nip;
  std::string name;
  std::string position_id;
  std::string position_name;
  std::string unit_id;
  std::string unit_name;
  bool non_asn = false;
  std::string acting;  // "PLT", "PLH" or ""
  std::string rank_label;
  std::string rank_code;  // national golongan code ("41") or PPPK grade; empty for NON-ASN
  // In what capacity this official holds the role on the day the line was taken: "DEFINITIVE",
  // "PLT", "PLH", "DELEGATED", "PJ", "POLITICAL_HEAD" (the employee service's Capacity names);
  // empty when unknown (lines taken before the employee service reported it).
  std::string capacity;
  friend bool operator==(const PlanPerson&, const PlanPerson&) = default;
};

// In what capacity a plan decision (approve, return; later ratings and objections) was taken
// (DOMAIN.md "Organisation": who holds the role on the day of the decision).
enum class DecisionCapacity {
  kDefinitive,   // pejabat definitif
  kPlt,          // pelaksana tugas
  kPlh,          // pelaksana harian
  kDelegated,    // an official the agency delegated the unit's assessment to
  kPj,           // penjabat: an ASN interim regional head
  kHrForNonAsn,  // an HR admin recording the decision of a NON-ASN (political) head
};

enum class DecisionAction { kApprove, kReturn };

// One decision on a plan, with who took it and in what capacity.
struct PlanDecision {
  std::string plan_id;
  int revision = 0;
  DecisionAction action = DecisionAction::kApprove;
  PlanPerson decided_by;  // the official of the day (for kHrForNonAsn: the NON-ASN head)
  DecisionCapacity capacity = DecisionCapacity::kDefinitive;
  std::string recorded_by;  // the authenticated caller (token subject)
  std::string note;         // the return note; empty for approvals
  absl::Time decide_time;
};

struct Plan {
  std::string id;
  std::string period_id;
  std::string agency_id;
  PlanPerson employee;
  // Unit ids from the agency's root unit down to the plan's unit, inclusive (which unit
  // policies apply). Empty for plans whose path is not known: then {employee.unit_id}.
  std::vector<std::string> unit_path;
  std::string position_type;           // "JPT_PRATAMA", "PELAKSANA", ...
  std::optional<PlanPerson> assessor;  // unset when nobody was found up the tree
  std::optional<PlanPerson> assessor_superior;
  PlanState state = PlanState::kDraft;
  int revision = 1;
  std::string revision_reason;
  std::string return_note;
  PlanContent content;
  std::string close_reason;
  // The days the plan covers: a plan made at the period's start covers the period; one started
  // by a transfer or a new hire starts on the assignment date. end_date is the period's last
  // day, or the last day in the position once the plan is closed (always set by the store).
  absl::CivilDay start_date;
  std::optional<absl::CivilDay> end_date;
  // Last day the first version may be submitted (PlanFillingDeadline).
  absl::CivilDay filling_deadline;
  // The reporting line the plan was created with (history); assessor / assessor_superior above
  // are the line of the day, refreshed at every decision and after organisation changes.
  std::optional<PlanPerson> original_assessor;
  std::optional<PlanPerson> original_assessor_superior;
  int approved_revision = 0;  // the last approved revision; 0 before the first approval
  // Set by the approve and return steps: the decision taken (the store records it).
  std::optional<PlanDecision> decision;
  std::optional<absl::Time> submit_time;
  std::optional<absl::Time> approve_time;
  int64_t version = 0;  // etag source
  absl::Time create_time;
  absl::Time update_time;
};

struct PlanVersion {
  std::string plan_id;
  int revision = 0;
  Plan plan;  // as approved
  std::string approved_by;
  absl::Time approve_time;
  // The days this version applies: revision 1 from the plan's start, a later revision from the
  // day it was approved (Asia/Jakarta); until the day before the next version applies, or the
  // plan's end. A version superseded on the day it was approved has an empty range
  // (effective_until < effective_from).
  absl::CivilDay effective_from;
  absl::CivilDay effective_until;
  // The official who approved and in what capacity (from the plan's decisions; unset for
  // versions approved before decisions were recorded).
  std::optional<PlanPerson> approver;
  std::optional<DecisionCapacity> approver_capacity;
};

struct PlanTemplate {
  std::string id;
  std::string agency_id;
  std::string name;
  std::vector<WorkResult> results;  // ids ignored
  int64_t version = 0;
  absl::Time create_time;
  // The leader's expectations to write into the plans (the 7 values in order; empty ones are
  // not written).
  std::vector<BehaviourExpectation> behaviours;
};

}  // namespace kinerja::goals
