#include "services/analytics/api/report_support.h"

#include "shared/auth/access_predicates.h"

namespace kinerja::analytics::api {

RequestedScope ScopeFromProto(const v1::ReportScope& scope) {
  return RequestedScope{.year = scope.year(),
                        .agency_id = scope.agency_id(),
                        .unit_id = scope.unit_id(),
                        .position_type = scope.position_type(),
                        .period_id = scope.period_id()};
}

absl::StatusOr<EffectiveScope> Resolve(store::ReportReader& reader, const auth::Principal& caller,
                                       const RequestedScope& requested, absl::CivilDay today) {
  ScopeFacts facts;
  // Facts are read only for callers who may read some report (ResolveScope refuses the others
  // before it looks at them); the leader facts only for unit leaders.
  if (auth::IsPublicOnly(caller)) return ResolveScope(caller, requested, facts, today);
  if (!requested.unit_id.empty()) facts.unit = reader.Unit(requested.unit_id);
  if (!requested.period_id.empty()) facts.period = reader.Period(requested.period_id);
  if (caller.Has(auth::Role::kUnitLeader) && !caller.nip.empty()) {
    facts.leader = reader.LeaderFactsOf(caller.nip);
  }
  return ResolveScope(caller, requested, facts, today);
}

v1::ReportScope EchoScope(const v1::ReportScope& requested, const EffectiveScope& effective) {
  v1::ReportScope scope = requested;
  if (effective.year != 0) scope.set_year(effective.year);
  if (!effective.period_id.empty() && scope.agency_id().empty() && effective.parts.size() == 1 &&
      effective.parts[0].agencies.size() == 1) {
    scope.set_agency_id(effective.parts[0].agencies[0]);
  }
  return scope;
}

v1::PredicateCounts CountsToProto(const store::PredicateArray& counts) {
  v1::PredicateCounts out;
  out.set_sangat_baik(counts[0]);
  out.set_baik(counts[1]);
  out.set_butuh_perbaikan(counts[2]);
  out.set_kurang(counts[3]);
  out.set_sangat_kurang(counts[4]);
  int64_t total = 0;
  for (int64_t n : counts) total += n;
  out.set_total(total);
  return out;
}

void AddCounts(const store::PredicateArray& from, store::PredicateArray& to) {
  for (size_t i = 0; i < from.size(); ++i) to[i] += from[i];
}

}  // namespace kinerja::analytics::api
