// Keyed digests for tamper-evident tokens (page tokens, request fingerprints).
#pragma once

#include <string>
#include <string_view>

namespace kinerja::crypto {

// Raw 32-byte digests.
std::string Sha256(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);

// Compares without leaking the position of the first difference through timing.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Cryptographically random bytes (OpenSSL RAND_bytes); aborts if the RNG fails.
std::string RandomBytes(size_t n);

}  // namespace kinerja::crypto
