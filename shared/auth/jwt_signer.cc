#include "shared/auth/jwt_signer.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <utility>

#include "shared/auth/jwk.h"
#include "shared/auth/jws_signature.h"
#include "shared/crypto/encoding.h"

namespace kinerja::auth {
namespace {

// Serialises JSON for a token part. Invalid UTF-8 in a claim is the caller's bug; report it
// instead of letting nlohmann's exception escape.
absl::StatusOr<std::string> EncodeJson(const nlohmann::json& json) {
  try {
    return crypto::Base64UrlEncode(json.dump());
  } catch (const nlohmann::json::exception&) {
    return absl::InvalidArgumentError("claims are not valid UTF-8 JSON");
  }
}

// Without a callback OpenSSL would prompt for a passphrase on the terminal.
int RefusePassphrase(char*, int, int, void*) { return -1; }

}  // namespace

absl::StatusOr<JwtSigner> JwtSigner::FromPrivateKeyPem(std::string pem, std::string kid) {
  if (kid.empty()) return absl::InvalidArgumentError("signer needs a key id");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, RefusePassphrase, nullptr)
                     : nullptr);
  // The PEM text is secret; wipe our copy rather than leave it in freed memory.
  OPENSSL_cleanse(pem.data(), pem.size());
  if (!key) {
    ERR_clear_error();
    return absl::InvalidArgumentError("not a PEM private key");
  }
  absl::StatusOr<KeyType> type = ClassifyKey(key.get());
  if (!type.ok()) return type.status();
  return JwtSigner(std::move(key), AlgorithmFor(*type), std::move(kid));
}

absl::StatusOr<std::string> JwtSigner::Sign(const nlohmann::json& claims) const {
  if (!claims.is_object()) return absl::InvalidArgumentError("claims must be a JSON object");
  nlohmann::json header = {
      {"alg", std::string(AlgorithmName(alg_))}, {"typ", "JWT"}, {"kid", kid_}};
  absl::StatusOr<std::string> encoded_header = EncodeJson(header);
  if (!encoded_header.ok()) return encoded_header.status();
  absl::StatusOr<std::string> encoded_claims = EncodeJson(claims);
  if (!encoded_claims.ok()) return encoded_claims.status();
  std::string token = *std::move(encoded_header);
  token.push_back('.');
  token.append(*encoded_claims);
  absl::StatusOr<std::string> signature = CreateJwsSignature(alg_, key_.get(), token);
  if (!signature.ok()) return signature.status();
  token.push_back('.');
  token.append(crypto::Base64UrlEncode(*signature));
  return token;
}

absl::StatusOr<std::string> JwtSigner::PublicJwks() const {
  absl::StatusOr<nlohmann::json> jwk = PublicJwk(key_.get(), kid_);
  if (!jwk.ok()) return jwk.status();
  nlohmann::json jwks = {{"keys", nlohmann::json::array({*std::move(jwk)})}};
  return jwks.dump(2);
}

}  // namespace kinerja::auth
