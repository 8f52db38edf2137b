// ECDSA signatures come in two shapes: JOSE puts raw fixed-width r||s in the token (RFC 7518
// section 3.4), OpenSSL's EVP_DigestSign/Verify speak ASN.1 DER. These convert for P-256.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinerja::auth {

// Width of a P-256 JOSE signature: 32-byte r followed by 32-byte s.
inline constexpr size_t kEs256SignatureBytes = 64;

// nullopt unless `raw` is exactly 64 bytes: a shorter or longer signature is malformed, not
// something to pad or trim.
std::optional<std::string> Es256RawToDer(std::string_view raw);

// nullopt if `der` is not a DER ECDSA-Sig-Value or r/s do not fit in 32 bytes.
std::optional<std::string> Es256DerToRaw(std::string_view der);

}  // namespace kinerja::auth
