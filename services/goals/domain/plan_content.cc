#include "services/goals/domain/plan_content.h"

#include <array>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "services/goals/domain/names.h"
#include "services/goals/domain/result_rules.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::goals {
namespace {

std::string Index(std::string_view name, size_t i) {
  return absl::StrCat(ToAbsl(name), "[", i, "]");
}

absl::Status ToStatus(const std::vector<errors::FieldViolation>& violations) {
  if (violations.empty()) return absl::OkStatus();
  return errors::InvalidFields(violations);
}

void CheckBehaviours(const std::vector<BehaviourExpectation>& behaviours,
                     std::vector<errors::FieldViolation>& out) {
  if (behaviours.size() != static_cast<size_t>(kCoreValueCount)) {
    out.push_back(
        {"behaviours", absl::StrCat("must list the ", kCoreValueCount,
                                    " BerAKHLAK core values in order, got ", behaviours.size())});
  }
  for (size_t i = 0; i < behaviours.size(); ++i) {
    const std::string path = Index("behaviours", i);
    if (i < static_cast<size_t>(kCoreValueCount) &&
        behaviours[i].value != static_cast<CoreValue>(i)) {
      out.push_back({absl::StrCat(path, ".value"),
                     absl::StrCat("expected ", ToAbsl(CoreValueName(static_cast<CoreValue>(i))),
                                  " (the core values in their official order)")});
    }
    CheckTextLength(behaviours[i].expectation, kMaxTextBytes, absl::StrCat(path, ".expectation"),
                    out);
  }
}

}  // namespace

PlanContent NewContent(PlanStyle style) {
  PlanContent content;
  content.style = style;
  content.behaviours.reserve(kCoreValueCount);
  for (int i = 0; i < kCoreValueCount; ++i) {
    content.behaviours.push_back({static_cast<CoreValue>(i), ""});
  }
  return content;
}

absl::StatusOr<std::vector<BehaviourExpectation>> NormaliseBehaviours(
    const std::vector<BehaviourExpectation>& given) {
  std::vector<errors::FieldViolation> violations;
  std::array<int, kCoreValueCount> seen_at;
  seen_at.fill(-1);
  std::vector<BehaviourExpectation> out = NewContent(PlanStyle::kQuantitative).behaviours;
  for (size_t i = 0; i < given.size(); ++i) {
    const std::string path = Index("behaviours", i);
    const int value = static_cast<int>(given[i].value);
    if (value < 0 || value >= kCoreValueCount) {
      violations.push_back({absl::StrCat(path, ".value"), "unknown core value"});
      continue;
    }
    if (seen_at[value] >= 0) {
      violations.push_back({absl::StrCat(path, ".value"),
                            absl::StrCat(ToAbsl(CoreValueName(given[i].value)),
                                         " already given at behaviours[", seen_at[value], "]")});
      continue;
    }
    seen_at[value] = static_cast<int>(i);
    CheckTextLength(given[i].expectation, kMaxTextBytes, absl::StrCat(path, ".expectation"),
                    violations);
    out[value].expectation = given[i].expectation;
  }
  if (!violations.empty()) return errors::InvalidFields(violations);
  return out;
}

absl::Status ValidateContent(const PlanContent& content, bool jpt) {
  std::vector<errors::FieldViolation> violations;
  if (PlanStyleName(content.style).empty()) violations.push_back({"style", "unknown plan style"});
  if (content.results.size() > static_cast<size_t>(kMaxResults)) {
    violations.push_back({"results", absl::StrCat("at most ", kMaxResults, " results, got ",
                                                  content.results.size())});
  }
  const PerspectiveRule perspective =
      jpt ? PerspectiveRule::kRequired : PerspectiveRule::kForbidden;
  for (size_t i = 0; i < content.results.size(); ++i) {
    CheckResult(content.results[i], Index("results", i), perspective, TargetRuleFor(content.style),
                violations);
  }
  CheckBehaviours(content.behaviours, violations);
  return ToStatus(violations);
}

absl::Status AssignIds(const PlanContent& previous, PlanContent& next,
                       absl::FunctionRef<std::string()> new_id) {
  absl::flat_hash_map<std::string_view, const WorkResult*> previous_results;
  for (const WorkResult& r : previous.results) {
    if (!r.id.empty()) previous_results.emplace(r.id, &r);
  }

  std::vector<errors::FieldViolation> violations;
  absl::flat_hash_map<std::string, size_t> result_ids;          // id -> index in next
  absl::flat_hash_map<std::string, std::string> indicator_ids;  // id -> path in next
  std::vector<WorkResult> results = next.results;
  for (size_t i = 0; i < results.size(); ++i) {
    WorkResult& result = results[i];
    const std::string path = Index("results", i);
    const WorkResult* before = nullptr;
    if (result.id.empty()) {
      result.template_id.clear();  // clients cannot set it
    } else if (auto it = previous_results.find(result.id); it != previous_results.end()) {
      before = it->second;
      result.template_id = before->template_id;
      if (auto [seen, inserted] = result_ids.emplace(result.id, i); !inserted) {
        violations.push_back({absl::StrCat(path, ".id"),
                              absl::StrCat("repeats the id of results[", seen->second, "]")});
      }
    } else {
      violations.push_back(
          {absl::StrCat(path, ".id"),
           absl::StrCat("unknown result id '", result.id, "': leave it empty for a new result")});
    }

    for (size_t j = 0; j < result.indicators.size(); ++j) {
      Indicator& indicator = result.indicators[j];
      const std::string indicator_path = absl::StrCat(path, ".indicators[", j, "]");
      if (indicator.id.empty()) continue;
      bool known = false;
      if (before != nullptr) {
        for (const Indicator& old : before->indicators) {
          if (old.id == indicator.id) {
            known = true;
            break;
          }
        }
      }
      if (!known) {
        violations.push_back(
            {absl::StrCat(indicator_path, ".id"),
             absl::StrCat("unknown indicator id '", indicator.id,
                          "' for this result: leave it empty for a new indicator")});
      } else if (auto [seen, inserted] = indicator_ids.emplace(indicator.id, indicator_path);
                 !inserted) {
        violations.push_back({absl::StrCat(indicator_path, ".id"),
                              absl::StrCat("repeats the id of ", seen->second)});
      }
    }
  }
  if (!violations.empty()) return errors::InvalidFields(violations);

  // Only now draw fresh ids: a rejected edit leaves `next` untouched.
  for (WorkResult& result : results) {
    if (result.id.empty()) result.id = new_id();
    for (Indicator& indicator : result.indicators) {
      if (indicator.id.empty()) indicator.id = new_id();
    }
  }
  next.results = std::move(results);
  return absl::OkStatus();
}

std::vector<std::string> RemovedResultIds(const PlanContent& previous, const PlanContent& next) {
  absl::flat_hash_set<std::string_view> kept;
  for (const WorkResult& r : next.results) kept.insert(r.id);
  std::vector<std::string> removed;
  for (const WorkResult& r : previous.results) {
    if (!r.id.empty() && !kept.contains(r.id)) removed.push_back(r.id);
  }
  return removed;
}

void DefaultCascadeTypes(std::vector<WorkResult>& results) {
  for (WorkResult& r : results) {
    if (r.kind == ResultKind::kMain && !r.parent_result_id.empty() &&
        r.cascade_type == CascadeType::kNone) {
      r.cascade_type = CascadeType::kDirect;
    }
  }
}

bool HasSurveyIndicator(const PlanContent& content, const std::string& survey_id) {
  for (const WorkResult& r : content.results) {
    for (const Indicator& indicator : r.indicators) {
      if (indicator.aspect == Aspect::kQuality && indicator.survey_id == survey_id) return true;
    }
  }
  return false;
}

bool HasQualityIndicator(const PlanContent& content) {
  for (const WorkResult& r : content.results) {
    for (const Indicator& indicator : r.indicators) {
      if (indicator.aspect == Aspect::kQuality) return true;
    }
  }
  return false;
}

std::string NewContentId() {
  // absl::BitGen is seeded from the OS entropy source; one per thread avoids locking.
  thread_local absl::BitGen gen;
  constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = absl::Uniform<uint64_t>(gen);
    for (int k = 0; k < 16; ++k) {
      id[half * 16 + k] = kHex[bits & 0xf];
      bits >>= 4;
    }
  }
  return id;
}

}  // namespace kinerja::goals
