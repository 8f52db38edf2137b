// The reports that name people, page by page (signed page tokens, shared/rpc/page_token.h):
// late entries, recognition candidates, rater statistics.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/analytics/api/report_support.h"
#include "services/analytics/api/reports.h"
#include "services/analytics/domain/participation.h"
#include "services/analytics/domain/rater_statistics.h"
#include "services/analytics/domain/recognition.h"
#include "shared/errors/errors.h"
#include "shared/rpc/proto_time.h"
#include "shared/server/request_support.h"

namespace kinerja::analytics::api {
namespace {

using store::ReportReader;

// What shapes a report's pages (its page tokens are bound to it).
std::string ScopeShape(const v1::ReportScope& scope) { return scope.SerializeAsString(); }

absl::Status BadCursor() {
  return errors::InvalidField("page_token", "does not fit this list; start again without it");
}

v1::LateItem LateItemOf(LateKind kind) {
  switch (kind) {
    case LateKind::kPlanNotApproved:
      return v1::LATE_ITEM_PLAN_NOT_APPROVED;
    case LateKind::kRealisationMissing:
      return v1::LATE_ITEM_REALISATION_MISSING;
    case LateKind::kAssessmentNotFinalised:
      return v1::LATE_ITEM_ASSESSMENT_NOT_FINALISED;
  }
  return v1::LATE_ITEM_UNSPECIFIED;
}

v1::LateEntry EntryOf(const store::PlanPerson& plan, const Lateness& late,
                      const std::string& responsible_nip, const std::string& responsible_name) {
  v1::LateEntry e;
  e.set_employee_id(plan.employee_id);
  e.set_nip(plan.nip);
  e.set_name(plan.name);
  e.set_unit_id(plan.unit_id);
  e.set_unit_name(plan.unit_name);
  e.set_plan_id(plan.plan_id);
  e.set_item(LateItemOf(late.kind));
  rpc::DayToProto(late.due, e.mutable_due_date());
  e.set_days_late(late.days_late);
  e.set_missing(late.missing);
  e.set_window_index(late.window_index);
  e.set_responsible_nip(responsible_nip);
  e.set_responsible_name(responsible_name);
  return e;
}

// Late entries sort most days late first, then by plan, item and window.
using LateKey = std::tuple<int, std::string, int, int>;
LateKey KeyOf(const v1::LateEntry& e) {
  return {-e.days_late(), e.plan_id(), static_cast<int>(e.item()), e.window_index()};
}
std::vector<std::string> CursorOf(const v1::LateEntry& e) {
  return {absl::StrCat(e.days_late()), e.plan_id(), absl::StrCat(static_cast<int>(e.item())),
          absl::StrCat(e.window_index())};
}
absl::StatusOr<LateKey> LateKeyOf(const std::vector<std::string>& cursor) {
  int days = 0, item = 0, window = 0;
  if (cursor.size() != 4 || !absl::SimpleAtoi(cursor[0], &days) ||
      !absl::SimpleAtoi(cursor[2], &item) || !absl::SimpleAtoi(cursor[3], &window)) {
    return BadCursor();
  }
  return LateKey{-days, cursor[1], item, window};
}

}  // namespace

absl::StatusOr<v1::ListLateEntriesResponse> Reports::LateEntries(
    const auth::Principal& caller, const v1::ListLateEntriesRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(std::optional<absl::CivilDay> as_of_given,
                   rpc::OptionalDayFromProto(request.as_of(), "as_of"));
  const absl::CivilDay as_of = as_of_given.value_or(Today());
  if (!v1::LateItem_IsValid(request.item())) {
    return errors::InvalidField("item", absl::StrCat("unknown late item ", request.item()));
  }
  const std::string as_of_text = absl::FormatCivilTime(as_of);
  const std::string item_text = absl::StrCat(static_cast<int>(request.item()));
  ASSIGN_OR_RETURN(
      server::ListPage list,
      server::StartList(page_tokens_, request.page_size(), request.page_token(),
                        {"ListLateEntries", ScopeShape(request.scope()), as_of_text, item_text}));
  std::optional<LateKey> after;
  if (!list.request.after.empty()) {
    ASSIGN_OR_RETURN(after, LateKeyOf(list.request.after));
  }
  const int default_grace = settings_.default_realisation_grace_days;
  const int annual_due_days = settings_.annual_assessment_due_days;
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::ListLateEntriesResponse> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        std::vector<v1::LateEntry> entries;
        for (const ScopePart& part : scope.parts) {
          for (const store::UnapprovedPlan& p : reader.UnapprovedPlans(scope, part)) {
            const absl::CivilDay deadline = EffectiveDeadline(p.deadline, p.extension);
            if (!IsPlanOverdue(deadline, /*approved=*/false, /*closed=*/false, as_of)) continue;
            entries.push_back(
                EntryOf(p.plan, PlanNotApproved(deadline, as_of), p.plan.nip, p.plan.name));
          }
          for (const store::ApprovedPlanProgress& p :
               reader.ApprovedPlans(scope, part, default_grace)) {
            PlanProgress progress;
            progress.cadence = CadenceOf(p.key.cadence).value_or(Cadence::kMonthly);
            progress.start = p.key.start;
            progress.end = p.key.end;
            progress.grace_days = p.key.grace_days;
            progress.indicators_due_from = p.indicators_due_from;
            progress.filed_by_window = p.filed_by_window;
            progress.periodic_finalised.insert(p.periodic_finalised.begin(),
                                               p.periodic_finalised.end());
            progress.annual_finalised = p.annual_finalised;
            for (const Lateness& late : LateItemsOfPlan(progress, as_of, annual_due_days)) {
              // The employee files realisations; the assessor finalises assessments.
              const bool assessor = late.kind == LateKind::kAssessmentNotFinalised;
              entries.push_back(EntryOf(p.plan, late, assessor ? p.assessor_nip : p.plan.nip,
                                        assessor ? p.assessor_name : p.plan.name));
            }
          }
        }
        if (request.item() != v1::LATE_ITEM_UNSPECIFIED) {
          std::erase_if(entries,
                        [&](const v1::LateEntry& e) { return e.item() != request.item(); });
        }
        std::sort(
            entries.begin(), entries.end(),
            [](const v1::LateEntry& a, const v1::LateEntry& b) { return KeyOf(a) < KeyOf(b); });
        PageSlice slice = SliceAfter(entries, !after.has_value(), list.request.page_size,
                                     [&](const v1::LateEntry& e) { return KeyOf(e) > *after; });
        v1::ListLateEntriesResponse response;
        for (size_t i = slice.begin; i < slice.end; ++i) *response.add_entries() = entries[i];
        response.set_total_size(static_cast<int64_t>(entries.size()));
        response.set_next_page_token(server::NextPageToken(
            page_tokens_, list,
            slice.end > slice.begin ? CursorOf(entries[slice.end - 1]) : std::vector<std::string>{},
            slice.has_more));
        return response;
      });
}

absl::StatusOr<v1::ListRecognitionCandidatesResponse> Reports::RecognitionCandidates(
    const auth::Principal& caller, const v1::ListRecognitionCandidatesRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(RecognitionRule rule,
                   RecognitionRuleOf(request.min_periodic(), request.min_evidence()));
  ASSIGN_OR_RETURN(
      server::ListPage list,
      server::StartList(page_tokens_, request.page_size(), request.page_token(),
                        {"ListRecognitionCandidates", ScopeShape(request.scope()),
                         absl::StrCat(rule.min_periodic), absl::StrCat(rule.min_evidence)}));
  if (!list.request.after.empty() && list.request.after.size() != 2) return BadCursor();
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::ListRecognitionCandidatesResponse> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        std::vector<v1::RecognitionCandidate> candidates;
        std::set<std::string> seen;
        for (const ScopePart& part : scope.parts) {
          for (const store::RecognitionFactsRow& row : reader.RecognitionFacts(scope, part)) {
            RecognitionFacts facts{.annual_finalised = row.annual_finalised,
                                   .annual_sangat_baik = row.annual_sangat_baik,
                                   .periodic_finalised = row.periodic_finalised,
                                   .periodic_sangat_baik = row.periodic_sangat_baik,
                                   .realisations_with_evidence = row.realisations_with_evidence};
            if (!IsRecognitionCandidate(facts, rule) || !seen.insert(row.employee_id).second) {
              continue;
            }
            v1::RecognitionCandidate c;
            c.set_employee_id(row.employee_id);
            c.set_nip(row.nip);
            c.set_name(row.name);
            c.set_unit_id(row.unit_id);
            c.set_unit_name(row.unit_name);
            c.set_position_type(row.position_type);
            c.set_agency_id(row.agency_id);
            c.set_annual_predicate(kinerja::review::v1::PREDICATE_SANGAT_BAIK);
            c.set_periodic_finalised(row.periodic_finalised);
            c.set_periodic_sangat_baik(row.periodic_sangat_baik);
            c.set_realisations_with_evidence(row.realisations_with_evidence);
            c.set_consecutive_years(ConsecutiveYears(scope.year, row.sangat_baik_years));
            candidates.push_back(std::move(c));
          }
        }
        auto key = [](const v1::RecognitionCandidate& c) {
          return std::tie(c.name(), c.employee_id());
        };
        std::sort(candidates.begin(), candidates.end(),
                  [&](const auto& a, const auto& b) { return key(a) < key(b); });
        const std::vector<std::string>& after = list.request.after;
        PageSlice slice =
            SliceAfter(candidates, after.empty(), list.request.page_size,
                       [&](const v1::RecognitionCandidate& c) {
                         return std::tie(c.name(), c.employee_id()) > std::tie(after[0], after[1]);
                       });
        v1::ListRecognitionCandidatesResponse response;
        for (size_t i = slice.begin; i < slice.end; ++i) {
          *response.add_candidates() = candidates[i];
        }
        response.set_total_size(static_cast<int64_t>(candidates.size()));
        std::vector<std::string> last;
        if (slice.end > slice.begin) {
          last = {candidates[slice.end - 1].name(), candidates[slice.end - 1].employee_id()};
        }
        response.set_next_page_token(
            server::NextPageToken(page_tokens_, list, last, slice.has_more));
        return response;
      });
}

namespace {

v1::RaterFlag FlagOf(RaterFlag flag) {
  switch (flag) {
    case RaterFlag::kLenient:
      return v1::RATER_FLAG_LENIENT;
    case RaterFlag::kSevere:
      return v1::RATER_FLAG_SEVERE;
    case RaterFlag::kCentralTendency:
      return v1::RATER_FLAG_CENTRAL_TENDENCY;
    case RaterFlag::kDisagreesWith360:
      return v1::RATER_FLAG_DISAGREES_WITH_360;
  }
  return v1::RATER_FLAG_UNSPECIFIED;
}

// Results and behaviour ratings together, as the domain counts them.
RatingTally TallyOf(const store::RatingCounts& r) {
  return RatingTally{r.results[0] + r.behaviour[0], r.results[1] + r.behaviour[1],
                     r.results[2] + r.behaviour[2]};
}

RatingTally Minus(RatingTally a, const RatingTally& b) {
  a.above -= b.above;
  a.as_expected -= b.as_expected;
  a.below -= b.below;
  return a;
}

}  // namespace

absl::StatusOr<v1::ListRaterStatisticsResponse> Reports::RaterStatistics(
    const auth::Principal& caller, const v1::ListRaterStatisticsRequest& request) {
  const RequestedScope requested = ScopeFromProto(request.scope());
  RETURN_IF_ERROR(ValidateScope(requested, /*year_required=*/true));
  ASSIGN_OR_RETURN(int min_rated, MinRatedOf(request.min_rated()));
  ASSIGN_OR_RETURN(server::ListPage list,
                   server::StartList(page_tokens_, request.page_size(), request.page_token(),
                                     {"ListRaterStatistics", ScopeShape(request.scope()),
                                      absl::StrCat(min_rated)}));
  std::optional<store::AssessorKey> after;
  if (!list.request.after.empty()) {
    if (list.request.after.size() != 2) return BadCursor();
    after = store::AssessorKey{list.request.after[0], list.request.after[1]};
  }
  RaterThresholds thresholds;
  thresholds.min_rated = min_rated;
  const int page_size = list.request.page_size;
  return store::ReadReport(
      pool_, [&](ReportReader& reader) -> absl::StatusOr<v1::ListRaterStatisticsResponse> {
        ASSIGN_OR_RETURN(EffectiveScope scope, Resolve(reader, caller, requested, Today()));
        // The page's assessors: the first page_size + 1 after the cursor over every part.
        std::set<store::AssessorKey> keys;
        int64_t total = 0;
        for (const ScopePart& part : scope.parts) {
          total += reader.RaterCount(scope, part);
          for (store::AssessorKey& k : reader.RaterPage(scope, part, after, page_size + 1)) {
            keys.insert(std::move(k));
          }
        }
        std::vector<store::AssessorKey> page(keys.begin(), keys.end());
        const bool has_more = page.size() > static_cast<size_t>(page_size);
        if (has_more) page.resize(page_size);

        std::map<store::AssessorKey, std::vector<store::RaterUnitTally>> tallies;
        std::map<store::AssessorKey, std::vector<RaterInput::With360>> with_360;
        std::set<std::string> unit_ids;
        for (const ScopePart& part : scope.parts) {
          for (store::RaterUnitTally& t : reader.RaterUnitTallies(scope, part, page)) {
            unit_ids.insert(t.unit_id);
            tallies[t.assessor].push_back(std::move(t));
          }
          for (const store::Rater360Row& r : reader.Rater360(scope, part, page)) {
            with_360[r.assessor].push_back(
                {r.behaviour_rating, Summary360{r.below, r.as_expected, r.above}});
          }
        }
        std::map<std::string, store::RatingCounts> unit_totals = reader.UnitRatingTotals(
            scope, std::vector<std::string>(unit_ids.begin(), unit_ids.end()));

        v1::ListRaterStatisticsResponse response;
        for (const store::AssessorKey& key : page) {
          RaterInput input;
          const store::RaterUnitTally* main_unit = nullptr;
          for (const store::RaterUnitTally& t : tallies[key]) {
            input.rated += static_cast<int>(t.assessments);
            const RatingTally own = TallyOf(t.ratings);
            input.given += own;
            auto unit_total = unit_totals.find(t.unit_id);
            if (unit_total != unit_totals.end()) {
              input.baseline += Minus(TallyOf(unit_total->second), own);
            }
            if (main_unit == nullptr || t.assessments > main_unit->assessments ||
                (t.assessments == main_unit->assessments && t.unit_id < main_unit->unit_id)) {
              main_unit = &t;
            }
          }
          input.with_360 = with_360[key];
          RaterResult result = ComputeRaterStatistics(input, thresholds);
          v1::RaterStatistics* s = response.add_raters();
          s->set_assessor_nip(key.nip);
          s->set_assessor_name(key.name);
          if (main_unit != nullptr) {
            s->set_unit_id(main_unit->unit_id);
            s->set_unit_name(main_unit->unit_name);
            s->set_agency_id(main_unit->agency_id);
          }
          s->set_rated(input.rated);
          s->set_above_share(result.above_share);
          s->set_as_expected_share(result.as_expected_share);
          s->set_below_share(result.below_share);
          s->set_mean_score(result.mean_score);
          s->set_baseline_score(result.baseline_score);
          s->set_leniency(result.leniency);
          s->set_with_360(result.with_360);
          s->set_agreement_360(result.agreement_360);
          for (RaterFlag f : result.flags) s->add_flags(FlagOf(f));
        }
        response.set_total_size(total);
        std::vector<std::string> last;
        if (!page.empty()) last = {page.back().nip, page.back().name};
        response.set_next_page_token(server::NextPageToken(page_tokens_, list, last, has_more));
        return response;
      });
}

}  // namespace kinerja::analytics::api
