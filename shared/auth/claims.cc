#include "shared/auth/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/auth/roles.h"

namespace kinerja::auth {
namespace {

using nlohmann::json;

// 9999-12-31T23:59:59Z. Larger magnitudes are nonsense and would overflow conversions.
constexpr int64_t kMaxNumericDate = 253402300799;

std::optional<absl::Time> NumericDate(const json& value) {
  if (value.is_number_unsigned()) {
    uint64_t seconds = value.get<uint64_t>();
    if (seconds > static_cast<uint64_t>(kMaxNumericDate)) return std::nullopt;
    return absl::FromUnixSeconds(static_cast<int64_t>(seconds));
  }
  if (value.is_number_integer()) {
    int64_t seconds = value.get<int64_t>();
    if (seconds < -kMaxNumericDate || seconds > kMaxNumericDate) return std::nullopt;
    return absl::FromUnixSeconds(seconds);
  }
  if (value.is_number_float()) {
    double seconds = value.get<double>();
    if (!std::isfinite(seconds) || std::fabs(seconds) > static_cast<double>(kMaxNumericDate)) {
      return std::nullopt;
    }
    return absl::FromUnixMicros(static_cast<int64_t>(std::floor(seconds * 1e6)));
  }
  return std::nullopt;
}

// The optional string claim `name`: empty if absent.
absl::StatusOr<std::string> OptionalStringClaim(const json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end()) return std::string();
  if (!it->is_string()) {
    return absl::UnauthenticatedError(absl::StrCat("malformed ", name, " claim"));
  }
  return it->get<std::string>();
}

// Adds the known role names of a JSON array to `roles`, once each.
absl::Status AddRoles(const json& names, std::vector<Role>& roles) {
  if (!names.is_array()) return absl::UnauthenticatedError("malformed roles claim");
  for (const json& name : names) {
    if (!name.is_string()) return absl::UnauthenticatedError("malformed roles claim");
    absl::StatusOr<Role> role = ParseRole(name.get_ref<const std::string&>());
    if (!role.ok()) continue;
    if (std::find(roles.begin(), roles.end(), *role) == roles.end()) roles.push_back(*role);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Role>> ReadRoles(const json& claims) {
  std::vector<Role> roles;
  if (auto it = claims.find("roles"); it != claims.end()) {
    if (absl::Status status = AddRoles(*it, roles); !status.ok()) return status;
  }
  if (auto realm = claims.find("realm_access"); realm != claims.end()) {
    if (!realm->is_object()) return absl::UnauthenticatedError("malformed realm_access claim");
    if (auto it = realm->find("roles"); it != realm->end()) {
      if (absl::Status status = AddRoles(*it, roles); !status.ok()) return status;
    }
  }
  return roles;
}

}  // namespace

absl::StatusOr<TokenLifetime> ReadLifetime(const json& claims) {
  TokenLifetime lifetime;
  auto exp = claims.find("exp");
  if (exp == claims.end()) return absl::UnauthenticatedError("token has no expiry");
  std::optional<absl::Time> expires = NumericDate(*exp);
  if (!expires) return absl::UnauthenticatedError("malformed exp claim");
  lifetime.expires = *expires;
  if (auto nbf = claims.find("nbf"); nbf != claims.end()) {
    std::optional<absl::Time> not_before = NumericDate(*nbf);
    if (!not_before) return absl::UnauthenticatedError("malformed nbf claim");
    lifetime.not_before = *not_before;
  }
  return lifetime;
}

absl::Status CheckIssuer(const json& claims, std::string_view issuer) {
  auto iss = claims.find("iss");
  if (iss == claims.end() || !iss->is_string() || iss->get_ref<const std::string&>() != issuer) {
    return absl::UnauthenticatedError("issuer not accepted");
  }
  return absl::OkStatus();
}

absl::Status CheckAudience(const json& claims, std::string_view audience) {
  auto aud = claims.find("aud");
  if (aud != claims.end()) {
    if (aud->is_string() && aud->get_ref<const std::string&>() == audience) {
      return absl::OkStatus();
    }
    if (aud->is_array()) {
      for (const json& entry : *aud) {
        if (entry.is_string() && entry.get_ref<const std::string&>() == audience) {
          return absl::OkStatus();
        }
      }
    }
  }
  return absl::UnauthenticatedError("audience not accepted");
}

absl::StatusOr<Principal> PrincipalFromClaims(const json& claims) {
  Principal principal;
  auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty()) {
    return absl::UnauthenticatedError("token has no subject");
  }
  principal.subject = sub->get<std::string>();
  absl::StatusOr<std::vector<Role>> roles = ReadRoles(claims);
  if (!roles.ok()) return roles.status();
  principal.roles = *std::move(roles);
  absl::StatusOr<std::string> agency_id = OptionalStringClaim(claims, "agency_id");
  if (!agency_id.ok()) return agency_id.status();
  absl::StatusOr<std::string> nip = OptionalStringClaim(claims, "nip");
  if (!nip.ok()) return nip.status();
  absl::StatusOr<std::string> service = OptionalStringClaim(claims, "svc");
  if (!service.ok()) return service.status();
  principal.agency_id = *std::move(agency_id);
  principal.nip = *std::move(nip);
  principal.service = *std::move(service);
  return principal;
}

}  // namespace kinerja::auth
