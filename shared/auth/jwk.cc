#include "shared/auth/jwk.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/crypto/encoding.h"

namespace kinerja::auth {
namespace {

using nlohmann::json;

constexpr size_t kP256CoordinateBytes = 32;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// A required base64url member of the JWK, decoded.
absl::StatusOr<std::string> DecodedMember(const json& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) {
    return absl::InvalidArgumentError(absl::StrCat("JWK lacks \"", name, "\""));
  }
  std::optional<std::string> bytes = crypto::Base64UrlDecode(it->get_ref<const std::string&>());
  if (!bytes || bytes->empty()) {
    return absl::InvalidArgumentError(absl::StrCat("JWK \"", name, "\" is not base64url"));
  }
  return *std::move(bytes);
}

// EVP_PKEY_fromdata for a public key of `type_name` ("RSA" or "EC"), then OpenSSL's own
// public-key sanity check (for EC: the point is on the curve).
absl::StatusOr<EvpPkeyPtr> PublicKeyFromParams(const char* type_name, OSSL_PARAM_BLD* bld) {
  OsslParamPtr params(OSSL_PARAM_BLD_to_param(bld));
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type_name, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    ERR_clear_error();
    return absl::InvalidArgumentError(absl::StrCat("JWK is not a valid ", type_name, " key"));
  }
  EvpPkeyPtr key(raw);
  EvpPkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    ERR_clear_error();
    return absl::InvalidArgumentError(absl::StrCat("JWK is not a valid ", type_name, " key"));
  }
  return key;
}

absl::StatusOr<EvpPkeyPtr> RsaKeyFromJwk(const json& jwk) {
  absl::StatusOr<std::string> n = DecodedMember(jwk, "n");
  if (!n.ok()) return n.status();
  absl::StatusOr<std::string> e = DecodedMember(jwk, "e");
  if (!e.ok()) return e.status();
  BignumPtr n_bn(BN_bin2bn(Bytes(*n), static_cast<int>(n->size()), nullptr));
  BignumPtr e_bn(BN_bin2bn(Bytes(*e), static_cast<int>(e->size()), nullptr));
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!n_bn || !e_bn || !bld ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n_bn.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e_bn.get()) != 1) {
    return absl::InternalError("cannot build RSA key parameters");
  }
  return PublicKeyFromParams("RSA", bld.get());
}

absl::StatusOr<EvpPkeyPtr> EcP256KeyFromJwk(const json& jwk) {
  absl::StatusOr<std::string> x = DecodedMember(jwk, "x");
  if (!x.ok()) return x.status();
  absl::StatusOr<std::string> y = DecodedMember(jwk, "y");
  if (!y.ok()) return y.status();
  // RFC 7518 section 6.2.1.2: coordinates are exactly the field size, never trimmed.
  if (x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
    return absl::InvalidArgumentError("JWK P-256 coordinates must be 32 bytes");
  }
  std::string point = absl::StrCat("\x04", *x, *y);  // SEC1 uncompressed point
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld ||
      OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return absl::InternalError("cannot build EC key parameters");
  }
  return PublicKeyFromParams("EC", bld.get());
}

// The optional string member `name`: nullopt if absent, error if present but not a string.
absl::StatusOr<std::optional<std::string>> OptionalString(const json& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end()) return std::optional<std::string>();
  if (!it->is_string()) {
    return absl::InvalidArgumentError(absl::StrCat("JWK \"", name, "\" is not a string"));
  }
  return std::optional<std::string>(it->get<std::string>());
}

absl::StatusOr<std::string> BignumParam(EVP_PKEY* key, const char* name, int width) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
    ERR_clear_error();
    return absl::InternalError(absl::StrCat("cannot read key parameter ", name));
  }
  BignumPtr bn(raw);
  int size = width > 0 ? width : BN_num_bytes(bn.get());
  std::string out(static_cast<size_t>(size), '\0');
  if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), size) != size) {
    return absl::InternalError(absl::StrCat("key parameter ", name, " does not fit"));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::optional<VerificationKey>> VerificationKeyFromJwk(const json& jwk) {
  if (!jwk.is_object()) return absl::InvalidArgumentError("JWK is not a JSON object");
  absl::StatusOr<std::optional<std::string>> kty = OptionalString(jwk, "kty");
  absl::StatusOr<std::optional<std::string>> kid = OptionalString(jwk, "kid");
  absl::StatusOr<std::optional<std::string>> use = OptionalString(jwk, "use");
  absl::StatusOr<std::optional<std::string>> alg_name = OptionalString(jwk, "alg");
  for (const auto* member : {&kty, &kid, &use, &alg_name}) {
    if (!member->ok()) return member->status();
  }
  if (!kty->has_value()) return absl::InvalidArgumentError("JWK lacks \"kty\"");
  if (use->has_value() && **use != "sig") return std::nullopt;

  std::optional<Algorithm> alg;
  if (alg_name->has_value()) {
    alg = AlgorithmFromName(**alg_name);
    if (!alg) return std::nullopt;
  }

  if (**kty != "RSA" && **kty != "EC") return std::nullopt;
  // Only keys we would verify with need a kid: without one, rotation would leave tokens
  // matching the wrong key, and issuers always set it.
  if (!kid->has_value() || (*kid)->empty()) {
    return absl::InvalidArgumentError("JWK lacks \"kid\"");
  }

  absl::StatusOr<EvpPkeyPtr> key;
  if (**kty == "RSA") {
    key = RsaKeyFromJwk(jwk);
  } else if (**kty == "EC") {
    absl::StatusOr<std::optional<std::string>> crv = OptionalString(jwk, "crv");
    if (!crv.ok()) return crv.status();
    if (!crv->has_value() || **crv != "P-256") return std::nullopt;
    key = EcP256KeyFromJwk(jwk);
  }
  if (!key.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("key \"", **kid, "\": ", key.status().message()));
  }
  absl::StatusOr<KeyType> type = ClassifyKey(key->get());
  if (!type.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("key \"", **kid, "\": ", type.status().message()));
  }
  if (alg.has_value() && KeyTypeFor(*alg) != *type) {
    return absl::InvalidArgumentError(
        absl::StrCat("key \"", **kid, "\": \"alg\" does not match \"kty\""));
  }
  return VerificationKey{.kid = **kid, .type = *type, .alg = alg, .key = *std::move(key)};
}

absl::StatusOr<json> PublicJwk(EVP_PKEY* key, std::string_view kid) {
  absl::StatusOr<KeyType> type = ClassifyKey(key);
  if (!type.ok()) return type.status();
  json jwk = {
      {"kid", std::string(kid)}, {"use", "sig"}, {"alg", AlgorithmName(AlgorithmFor(*type))}};
  if (*type == KeyType::kRsa) {
    absl::StatusOr<std::string> n = BignumParam(key, OSSL_PKEY_PARAM_RSA_N, 0);
    if (!n.ok()) return n.status();
    absl::StatusOr<std::string> e = BignumParam(key, OSSL_PKEY_PARAM_RSA_E, 0);
    if (!e.ok()) return e.status();
    jwk["kty"] = "RSA";
    jwk["n"] = crypto::Base64UrlEncode(*n);
    jwk["e"] = crypto::Base64UrlEncode(*e);
  } else {
    constexpr int kWidth = static_cast<int>(kP256CoordinateBytes);
    absl::StatusOr<std::string> x = BignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X, kWidth);
    if (!x.ok()) return x.status();
    absl::StatusOr<std::string> y = BignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, kWidth);
    if (!y.ok()) return y.status();
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = crypto::Base64UrlEncode(*x);
    jwk["y"] = crypto::Base64UrlEncode(*y);
  }
  return jwk;
}

}  // namespace kinerja::auth
