// Reading certificate and key files (PEM), with errors an operator can act on: checked at
// start-up so that a wrong path or a key that does not belong to its certificate stops the
// service with a message, rather than failing every handshake later.
#pragma once

#include <openssl/x509.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::tls {

// A certificate chain (leaf first) and its private key.
struct KeyPair {
  std::vector<auth::X509Ptr> chain;
  auth::EvpPkeyPtr key;
};

// The chain in cert_path and the key in key_path; fails when either is missing or malformed, or
// when the key is not the leaf certificate's.
absl::StatusOr<KeyPair> LoadKeyPair(const std::string& cert_path, const std::string& key_path);

// Fails unless `path` holds at least one PEM certificate (a CA bundle).
absl::Status CheckCaFile(const std::string& path);

}  // namespace kinerja::tls
