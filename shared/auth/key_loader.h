// Reading the issuer's public keys from configuration: PEM files, JWKS documents, or a folder
// of both (a mounted Kubernetes secret or the dev issuer's output).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "shared/auth/key_set.h"

namespace kinerja::auth {

// `path` is one of:
//  - a PEM file with a public key ("BEGIN PUBLIC KEY") or certificate; kid = file name
//    without extension (keys/sso-2024.pem -> "sso-2024");
//  - a JWKS JSON file ({"keys":[...]}) as served by the issuer's jwks_uri;
//  - a directory: every *.pem, *.crt, *.json and *.jwks file in it (not recursive, hidden
//    files skipped). PEM files holding a private key are skipped there, so the dev issuer's
//    folder (issuer-key.pem + jwks.json) can be given as is.
// Fails on unreadable or malformed files, duplicate kids, and when no usable key is found.
// Given directly, a private-key PEM is an error: a verifier has no business holding one.
absl::StatusOr<KeySet> LoadKeys(const std::string& path);

// The usable keys of a JWKS document; see VerificationKeyFromJwk for what is skipped. May be
// empty. For issuers whose JWKS is fetched over the network.
absl::StatusOr<KeySet> ParseJwks(std::string_view jwks_json);

// One PEM public key or X.509 certificate, given the kid to file it under.
absl::StatusOr<KeySet> ParsePublicKeyPem(std::string_view pem, std::string kid);

}  // namespace kinerja::auth
