#include "shared/tls/pem_files.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "absl/strings/str_cat.h"

namespace kinerja::tls {
namespace {

// The certificates in a PEM file, in order.
absl::StatusOr<std::vector<auth::X509Ptr>> ReadCertificates(const std::string& path) {
  auth::BioPtr bio(BIO_new_file(path.c_str(), "r"));
  if (bio == nullptr) return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  std::vector<auth::X509Ptr> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.emplace_back(cert);
  }
  ERR_clear_error();  // the end of the file ends the loop with an error on the queue
  if (certs.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no PEM certificate in it"));
  }
  return certs;
}

}  // namespace

absl::StatusOr<KeyPair> LoadKeyPair(const std::string& cert_path, const std::string& key_path) {
  absl::StatusOr<std::vector<auth::X509Ptr>> chain = ReadCertificates(cert_path);
  if (!chain.ok()) return chain.status();
  auth::BioPtr bio(BIO_new_file(key_path.c_str(), "r"));
  if (bio == nullptr) return absl::NotFoundError(absl::StrCat(key_path, ": cannot be read"));
  auth::EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (key == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(key_path, ": no PEM private key in it"));
  }
  if (X509_check_private_key(chain->front().get(), key.get()) != 1) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        absl::StrCat(key_path, ": not the private key of the certificate in ", cert_path));
  }
  return KeyPair{.chain = *std::move(chain), .key = std::move(key)};
}

absl::Status CheckCaFile(const std::string& path) { return ReadCertificates(path).status(); }

}  // namespace kinerja::tls
