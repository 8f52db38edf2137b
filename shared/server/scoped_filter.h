// The List filter rule every service applies: parse the caller's filter (AIP-160) and restrict
// it to the agencies the caller may read.
//  - every agency_id condition must pass `can_read` (the service's domain access rule);
//  - without one, auditors and services keep the filter as it is, and an HR admin (or anyone
//    `can_read` lets read their own agency) gets "agency_id = <own>" added;
//  - a civil servant without an agency-wide role may list only their own rows: the filter must
//    then hold `<personal field> = <their NIP>` for one of `personal_fields`;
//  - everyone else is PERMISSION_DENIED.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/auth/principal.h"
#include "shared/rpc/filter.h"
#include "shared/rpc/filter_schema.h"

namespace kinerja::server {

using AgencyReadCheck = absl::Status (*)(const auth::Principal&, std::string_view agency_id);

absl::StatusOr<std::vector<rpc::Condition>> AgencyScopedFilter(
    const auth::Principal& principal, const std::string& filter, const rpc::FilterSchema& schema,
    AgencyReadCheck can_read, const std::vector<std::string>& personal_fields = {});

}  // namespace kinerja::server
