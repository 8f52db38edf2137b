// Review policy: per-agency settings, the documented defaults until an HR admin stores one.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/read_access.h"

namespace kinerja::review::api {
namespace {

constexpr const char* kPolicyPaths[] = {
    "objection_days",     "objection_working_days", "holidays",    "anonymity_threshold",
    "distribution_block", "realisation_grace_days", "koefisien_id"};

bool Has(const std::vector<std::string>& paths, std::string_view path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

}  // namespace

grpc::ServerUnaryReactor* ReviewService::GetReviewPolicy(grpc::CallbackServerContext* ctx,
                                                         const v1::GetReviewPolicyRequest* request,
                                                         v1::ReviewPolicy* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetReviewPolicy", [=, this](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(RequireId(request->agency_id(), "agency_id"));
        RETURN_IF_ERROR(CanReadPolicy(call.principal, request->agency_id()));
        ASSIGN_OR_RETURN(ReviewPolicy policy, store().GetPolicy(request->agency_id()));
        *response = ToProto(policy);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewService::UpdateReviewPolicy(
    grpc::CallbackServerContext* ctx, const v1::UpdateReviewPolicyRequest* request,
    v1::ReviewPolicy* response) {
  return deps_.calls->Unary(
      ctx, *request, "UpdateReviewPolicy", [=, this](const CallContext& call) -> absl::Status {
        const v1::ReviewPolicy& in = request->policy();
        RETURN_IF_ERROR(RequireId(in.agency_id(), "policy.agency_id"));
        std::vector<std::string> paths(request->update_mask().paths().begin(),
                                       request->update_mask().paths().end());
        if (paths.empty()) paths.assign(std::begin(kPolicyPaths), std::end(kPolicyPaths));
        for (const std::string& path : paths) {
          if (std::find(std::begin(kPolicyPaths), std::end(kPolicyPaths), path) ==
              std::end(kPolicyPaths)) {
            return errors::InvalidField("update_mask", absl::StrCat("unknown path '", path, "'"));
          }
        }
        ASSIGN_OR_RETURN(std::optional<int64_t> expected, ExpectedVersion(in.etag(), "policy."));
        ASSIGN_OR_RETURN(ReviewPolicy given, FromProto(in));
        RETURN_IF_ERROR(CanManageAgency(call.principal, in.agency_id()));
        ASSIGN_OR_RETURN(db::WriteOptions write, WriteOptionsFor(call, *request));
        ASSIGN_OR_RETURN(ReviewPolicy saved,
                         store().UpdatePolicy(
                             in.agency_id(), expected,
                             [&](ReviewPolicy& policy) -> absl::Status {
                               if (Has(paths, "objection_days"))
                                 policy.objection.days = given.objection.days;
                               if (Has(paths, "objection_working_days")) {
                                 policy.objection.counting = given.objection.counting;
                               }
                               if (Has(paths, "holidays")) policy.holidays = given.holidays;
                               if (Has(paths, "anonymity_threshold")) {
                                 policy.anonymity_threshold = given.anonymity_threshold;
                               }
                               if (Has(paths, "distribution_block"))
                                 policy.distribution = given.distribution;
                               if (Has(paths, "realisation_grace_days"))
                                 policy.window = given.window;
                               if (Has(paths, "koefisien_id"))
                                 policy.koefisien_id = given.koefisien_id;
                               return absl::OkStatus();
                             },
                             write));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

}  // namespace kinerja::review::api
