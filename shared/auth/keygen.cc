#include "shared/auth/keygen.h"

#include <openssl/buffer.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth {
namespace {

absl::StatusOr<std::string> PrivateKeyPem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    ERR_clear_error();
    return absl::InternalError("cannot encode private key");
  }
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio.get(), &mem);
  std::string pem(mem->data, mem->length);
  // The BIO's buffer held the secret too; BIO_free does not wipe it.
  OPENSSL_cleanse(mem->data, mem->length);
  return pem;
}

}  // namespace

absl::StatusOr<std::string> GenerateEcP256PrivateKeyPem() {
  EvpPkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) {
    ERR_clear_error();
    return absl::InternalError("EC key generation failed");
  }
  return PrivateKeyPem(key.get());
}

absl::StatusOr<std::string> GenerateRsaPrivateKeyPem(int bits) {
  if (bits < 2048 || bits > 16384) {
    return absl::InvalidArgumentError("RSA key size must be between 2048 and 16384 bits");
  }
  EvpPkeyPtr key(EVP_RSA_gen(static_cast<unsigned int>(bits)));
  if (!key) {
    ERR_clear_error();
    return absl::InternalError("RSA key generation failed");
  }
  return PrivateKeyPem(key.get());
}

}  // namespace kinerja::auth
