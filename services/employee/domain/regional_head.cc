#include "services/employee/domain/regional_head.h"

#include "absl/strings/str_cat.h"
#include "services/employee/domain/delegation.h"
#include "services/employee/domain/employee.h"
#include "services/employee/domain/references.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

absl::Status CheckTerm(absl::CivilDay start, const std::optional<absl::CivilDay>& end) {
  if (end && *end < start) {
    return errors::InvalidField("term_end",
                                absl::StrCat(absl::FormatCivilTime(*end), " is before term_start ",
                                             absl::FormatCivilTime(start)));
  }
  return absl::OkStatus();
}

absl::Status CheckOverlaps(const RegionalHead& head, const std::vector<TermSpan>& terms) {
  for (const TermSpan& other : terms) {
    if (other.id == head.id) continue;
    if (SpansOverlap(head.term_start, head.term_end, other.start, other.end)) {
      return errors::RuleViolation(
          "TERM_OVERLAPS",
          absl::StrCat("term_end: the term of ", other.id, " at unit ", head.unit_id, " from ",
                       absl::FormatCivilTime(other.start), " shares days with this term"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view RegionalHeadKindName(RegionalHeadKind kind) {
  return kind == RegionalHeadKind::kPj ? "PJ" : "ELECTED";
}

absl::StatusOr<RegionalHeadKind> ParseRegionalHeadKind(std::string_view name) {
  if (name == "ELECTED") return RegionalHeadKind::kElected;
  if (name == "PJ") return RegionalHeadKind::kPj;
  return absl::InvalidArgumentError(
      absl::StrCat("kind: '", ToAbsl(name), "' is not ELECTED or PJ"));
}

absl::Status ValidateNewRegionalHead(const RegionalHead& head) {
  if (head.id.size() > kMaxIdLength) return errors::InvalidField("id", "longer than 64 bytes");
  if (head.unit_id.empty()) return errors::InvalidField("unit_id", "is required");
  if (head.kind == RegionalHeadKind::kElected) {
    if (head.name.empty()) return errors::InvalidField("name", "is required for an elected head");
    if (!head.employee_id.empty()) {
      return errors::InvalidField("employee_id", "an elected head is NON-ASN: no employee record");
    }
  } else if (head.employee_id.empty()) {
    return errors::InvalidField("employee_id", "is required for a Pj (an ASN)");
  }
  if (head.name.size() > 200) return errors::InvalidField("name", "longer than 200 bytes");
  if (head.title.size() > 100) return errors::InvalidField("title", "longer than 100 bytes");
  if (head.basis.size() > 500) return errors::InvalidField("basis", "longer than 500 bytes");
  return CheckTerm(head.term_start, head.term_end);
}

absl::Status PlaceRegionalHead(RegionalHead& head, const RegionalHeadFacts& facts) {
  if (!facts.unit_agency_id) return ReferenceNotFound("unit_id", "unit", head.unit_id);
  if (!head.agency_id.empty() && head.agency_id != *facts.unit_agency_id) {
    return errors::RuleViolation(
        "DIFFERENT_AGENCY", absl::StrCat("agency_id: unit ", head.unit_id, " belongs to agency ",
                                         *facts.unit_agency_id));
  }
  if (!facts.unit_is_root) {
    return errors::RuleViolation(
        "NOT_A_ROOT_UNIT",
        absl::StrCat("unit_id: unit ", head.unit_id,
                     " has a parent; a regional head leads the agency's root unit"));
  }
  if (head.kind == RegionalHeadKind::kPj && !facts.employee_exists) {
    return ReferenceNotFound("employee_id", "employee", head.employee_id);
  }
  RETURN_IF_ERROR(CheckOverlaps(head, facts.unit_terms));
  head.agency_id = *facts.unit_agency_id;
  if (head.title.empty()) head.title = facts.agency_head_title;
  return absl::OkStatus();
}

absl::StatusOr<bool> ApplyRegionalHeadUpdate(RegionalHead& head, const RegionalHeadUpdate& update,
                                             const std::vector<TermSpan>& unit_terms) {
  RegionalHead changed = head;
  if (update.name) {
    if (head.kind == RegionalHeadKind::kPj) {
      return errors::InvalidField("name", "a Pj's name is the employee record's");
    }
    if (update.name->empty()) return errors::InvalidField("name", "is required");
    if (update.name->size() > 200) return errors::InvalidField("name", "longer than 200 bytes");
    changed.name = *update.name;
  }
  if (update.title) {
    if (update.title->size() > 100) return errors::InvalidField("title", "longer than 100 bytes");
    changed.title = *update.title;
  }
  if (update.basis) {
    if (update.basis->size() > 500) return errors::InvalidField("basis", "longer than 500 bytes");
    changed.basis = *update.basis;
  }
  if (update.term_end) {
    changed.term_end = *update.term_end;
    RETURN_IF_ERROR(CheckTerm(changed.term_start, changed.term_end));
    RETURN_IF_ERROR(CheckOverlaps(changed, unit_terms));
  }
  if (changed.name == head.name && changed.title == head.title && changed.basis == head.basis &&
      changed.term_end == head.term_end) {
    return false;
  }
  head = std::move(changed);
  return true;
}

}  // namespace kinerja::employee
