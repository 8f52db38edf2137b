// Per-agency review policies: the documented defaults until an HR admin stores one.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"
#include "shared/db/sql_array.h"

namespace kinerja::review::store {
namespace {

ReviewPolicy Defaults(const std::string& agency_id) {
  ReviewPolicy policy;
  policy.agency_id = agency_id;
  return policy;
}

std::string HolidaysLiteral(const Holidays& holidays) {
  std::vector<std::string> days;
  days.reserve(holidays.size());
  for (absl::CivilDay day : holidays) days.push_back(internal::DayText(day));
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return db::TextArrayLiteral(days);
}

}  // namespace

absl::StatusOr<ReviewPolicy> ReviewStore::GetPolicy(const std::string& agency_id) {
  if (agency_id.empty()) return errors::InvalidField("agency_id", "is required");
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<ReviewPolicy> {
    pqxx::result r = db::Exec(tx, queries::kPolicyByAgency, agency_id);
    if (r.empty()) return Defaults(agency_id);
    return internal::PolicyFromJson(internal::RowJson(r[0][0]));
  });
}

absl::StatusOr<ReviewPolicy> ReviewStore::UpdatePolicy(
    const std::string& agency_id, std::optional<int64_t> expected_version,
    absl::AnyInvocable<absl::Status(ReviewPolicy&)> apply, const WriteOptions& write) {
  if (agency_id.empty()) return errors::InvalidField("policy.agency_id", "is required");
  return internal::RunWrite<ReviewPolicy>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<ReviewPolicy> {
        pqxx::result current = db::Exec(tx, queries::kLockPolicy, agency_id);
        std::optional<ReviewPolicy> before;
        if (!current.empty()) before = internal::PolicyFromJson(internal::RowJson(current[0][0]));
        ReviewPolicy policy = before.value_or(Defaults(agency_id));
        RETURN_IF_ERROR(internal::CheckVersion(expected_version, policy.version, "review policy"));
        RETURN_IF_ERROR(apply(policy));
        policy.agency_id = agency_id;
        RETURN_IF_ERROR(ValidateReviewPolicy(policy));
        pqxx::result saved_row =
            db::Exec(tx, queries::kUpsertPolicy, agency_id, policy.objection.days,
                     policy.objection.counting == DayCounting::kWorkingDays,
                     HolidaysLiteral(policy.holidays), policy.anonymity_threshold,
                     policy.distribution == DistributionEnforcement::kBlock,
                     policy.window.grace_days, policy.koefisien_id);
        ReviewPolicy saved = internal::PolicyFromJson(internal::RowJson(saved_row[0][0]));
        std::optional<std::string> before_json;
        if (before) before_json = internal::MessageJson(ToProto(*before));
        internal::Audit(tx, write, "review_policy.update", "review_policy", agency_id,
                        std::move(before_json), internal::MessageJson(ToProto(saved)));
        v1::ReviewPolicyChanged event;
        *event.mutable_policy() = ToProto(saved);
        internal::Emit(tx, write, kReviewPolicyUpdated, "review_policy", agency_id, event);
        return saved;
      });
}

}  // namespace kinerja::review::store
