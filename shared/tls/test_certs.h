// Test-only: a certificate authority made in memory, and certificates it issues for loopback
// (SAN DNS:localhost and IP:127.0.0.1, usable by servers and clients), as PEM text.
#pragma once

#include <string>

#include "shared/auth/openssl_ptr.h"

namespace kinerja::tls::testing {

struct PemPair {
  std::string cert;  // "-----BEGIN CERTIFICATE-----"
  std::string key;   // "-----BEGIN PRIVATE KEY-----"
};

class TestCa {
 public:
  // A self-signed CA named `name` with a fresh EC P-256 key. Aborts on an OpenSSL failure.
  explicit TestCa(const std::string& name);

  const std::string& cert_pem() const { return pem_.cert; }
  // A certificate for `common_name`, valid from an hour ago for a day.
  PemPair Issue(const std::string& common_name);

 private:
  auth::EvpPkeyPtr key_;
  auth::X509Ptr cert_;
  PemPair pem_;
  long serial_ = 1;
};

// Replaces `path` with `content` by rename of a temporary file beside it (a new inode, so a
// FileWatch sees the change however coarse the file system's clock), aborting on failure.
void WriteByRename(const std::string& path, const std::string& content);

// Writes a certificate and key to cert_path and key_path, each by rename of a temporary file
// beside it (what a renewal should do), aborting on failure.
void WritePair(const PemPair& pair, const std::string& cert_path, const std::string& key_path);

}  // namespace kinerja::tls::testing
