#include "shared/auth/jws_signature.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <optional>
#include <utility>

#include "shared/auth/ecdsa_format.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth {
namespace {

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool VerifyDigest(EVP_PKEY* key, std::string_view signing_input, std::string_view signature) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx) return false;
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key, nullptr) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), Bytes(signature), signature.size(), Bytes(signing_input),
                          signing_input.size()) == 1;
}

}  // namespace

bool VerifyJwsSignature(Algorithm alg, EVP_PKEY* key, std::string_view signing_input,
                        std::string_view signature) {
  bool ok = false;
  if (alg == Algorithm::kEs256) {
    std::optional<std::string> der = Es256RawToDer(signature);
    ok = der.has_value() && VerifyDigest(key, signing_input, *der);
  } else {
    ok = VerifyDigest(key, signing_input, signature);
  }
  // A failed verification leaves entries on this thread's OpenSSL error queue; drop them so
  // they neither grow nor confuse the next OpenSSL caller on the thread.
  if (!ok) ERR_clear_error();
  return ok;
}

absl::StatusOr<std::string> CreateJwsSignature(Algorithm alg, EVP_PKEY* key,
                                               std::string_view signing_input) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (!ctx ||
      EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key, nullptr) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, Bytes(signing_input), signing_input.size()) != 1) {
    ERR_clear_error();
    return absl::InternalError("cannot start signing");
  }
  std::string signature(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len,
                     Bytes(signing_input), signing_input.size()) != 1) {
    ERR_clear_error();
    return absl::InternalError("signing failed");
  }
  signature.resize(len);
  if (alg == Algorithm::kRs256) return signature;
  std::optional<std::string> raw = Es256DerToRaw(signature);
  if (!raw) return absl::InternalError("ECDSA signature has an unexpected shape");
  return *std::move(raw);
}

}  // namespace kinerja::auth
