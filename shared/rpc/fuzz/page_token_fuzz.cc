// Fuzzes page token decoding (rpc::PageTokenCodec::Decode). Two views of each input:
//  - as a token from a client: decoding never crashes, fails only with INVALID_ARGUMENT
//    "page_token: ...", and a token that decodes re-encodes to one that decodes the same;
//  - as the payload inside a correctly signed token (the HMAC added here, so the fuzzer reaches
//    the payload parser behind the signature check): a payload that decodes re-encodes to the
//    identical token.
// Seeds are payloads carrying the fingerprint of QueryFingerprint({"fuzz"}), which both views
// expect.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"
#include "shared/rpc/page_token.h"
#include "tests/harness/fuzz_check.h"

namespace {

constexpr std::string_view kKey = "fuzz-page-token-key-0123456789abcdef";

const kinerja::rpc::PageTokenCodec& Codec() {
  static const auto* codec = new kinerja::rpc::PageTokenCodec(std::string(kKey));
  return *codec;
}

const std::string& Fingerprint() {
  static const auto* fingerprint = new std::string(kinerja::rpc::QueryFingerprint({"fuzz"}));
  return *fingerprint;
}

absl::StatusOr<kinerja::rpc::PageCursor> Decode(std::string_view token) {
  absl::StatusOr<kinerja::rpc::PageCursor> cursor = Codec().Decode(token, Fingerprint());
  if (!cursor.ok()) {
    KINERJA_FUZZ_CHECK(cursor.status().code() == absl::StatusCode::kInvalidArgument);
    KINERJA_FUZZ_CHECK(absl::StartsWith(cursor.status().message(), "page_token: "));
  }
  return cursor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  if (absl::StatusOr<kinerja::rpc::PageCursor> cursor = Decode(input); cursor.ok()) {
    absl::StatusOr<kinerja::rpc::PageCursor> again = Decode(Codec().Encode(*cursor));
    KINERJA_FUZZ_CHECK(again.ok() && *again == *cursor);
  }

  const std::string signed_token = kinerja::crypto::Base64UrlEncode(
      std::string(input) + kinerja::crypto::HmacSha256(kKey, input));
  if (signed_token.size() > kinerja::rpc::PageTokenCodec::kMaxTokenChars) return 0;
  if (absl::StatusOr<kinerja::rpc::PageCursor> cursor = Decode(signed_token); cursor.ok()) {
    KINERJA_FUZZ_CHECK(cursor->query_fingerprint == Fingerprint());
    KINERJA_FUZZ_CHECK(Codec().Encode(*cursor) == signed_token);
  }
  return 0;
}
