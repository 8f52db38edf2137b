#include "shared/rpc/page_token.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"

namespace kinerja::rpc {
namespace {

// Payload layout (big-endian u32 lengths):
//   u8 version | u32 len, fingerprint | u32 count | count x (u32 len, key part)
// followed by the 32-byte HMAC-SHA256 of the payload.
constexpr uint8_t kFormatVersion = 1;
constexpr size_t kMacBytes = 32;

void AppendU32(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

void AppendBytes(std::string* out, std::string_view bytes) {
  AppendU32(out, static_cast<uint32_t>(bytes.size()));
  out->append(bytes);
}

// Reads the payload front to back; any read past the end fails.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  std::optional<uint32_t> U32() {
    if (data_.size() < 4) return std::nullopt;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(data_[i]);
    data_.remove_prefix(4);
    return v;
  }
  std::optional<std::string> Bytes() {
    std::optional<uint32_t> len = U32();
    if (!len || data_.size() < *len) return std::nullopt;
    std::string out(data_.substr(0, *len));
    data_.remove_prefix(*len);
    return out;
  }
  bool Empty() const { return data_.empty(); }

 private:
  std::string_view data_;
};

std::optional<PageCursor> ParsePayload(std::string_view payload) {
  if (payload.empty() || static_cast<uint8_t>(payload[0]) != kFormatVersion) return std::nullopt;
  Reader reader(payload.substr(1));
  PageCursor cursor;
  std::optional<std::string> fingerprint = reader.Bytes();
  std::optional<uint32_t> count = reader.U32();
  if (!fingerprint || !count) return std::nullopt;
  cursor.query_fingerprint = *std::move(fingerprint);
  for (uint32_t i = 0; i < *count; ++i) {
    std::optional<std::string> part = reader.Bytes();
    if (!part) return std::nullopt;
    cursor.last_key.push_back(*std::move(part));
  }
  if (!reader.Empty()) return std::nullopt;
  return cursor;
}

absl::Status TokenError(std::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("page_token: %s", what));
}

}  // namespace

PageTokenCodec::PageTokenCodec(std::string key) : key_(std::move(key)) {
  if (key_.size() < kMinKeyBytes) {
    std::fprintf(stderr, "PageTokenCodec: key must be at least %zu bytes, got %zu\n", kMinKeyBytes,
                 key_.size());
    std::abort();
  }
}

std::string PageTokenCodec::Encode(const PageCursor& cursor) const {
  std::string payload(1, static_cast<char>(kFormatVersion));
  AppendBytes(&payload, cursor.query_fingerprint);
  AppendU32(&payload, static_cast<uint32_t>(cursor.last_key.size()));
  for (const std::string& part : cursor.last_key) AppendBytes(&payload, part);
  return crypto::Base64UrlEncode(payload + crypto::HmacSha256(key_, payload));
}

absl::StatusOr<PageCursor> PageTokenCodec::Decode(
    std::string_view token, std::string_view expected_query_fingerprint) const {
  if (token.size() > kMaxTokenChars) return TokenError("too long");
  std::optional<std::string> raw = crypto::Base64UrlDecode(token);
  if (!raw || raw->size() <= kMacBytes) return TokenError("malformed");
  std::string_view payload = std::string_view(*raw).substr(0, raw->size() - kMacBytes);
  std::string_view mac = std::string_view(*raw).substr(raw->size() - kMacBytes);
  if (!crypto::ConstantTimeEquals(mac, crypto::HmacSha256(key_, payload))) {
    return TokenError("invalid or tampered");
  }
  std::optional<PageCursor> cursor = ParsePayload(payload);
  if (!cursor) return TokenError("malformed");
  if (cursor->query_fingerprint != expected_query_fingerprint) {
    return TokenError("does not match this request (filter, order_by or parent changed)");
  }
  return *std::move(cursor);
}

std::string QueryFingerprint(std::initializer_list<std::string_view> parts) {
  std::string framed;
  for (std::string_view part : parts) AppendBytes(&framed, part);
  return crypto::HexEncode(crypto::Sha256(framed).substr(0, 16));
}

absl::StatusOr<int> ClampPageSize(int requested, int default_size, int max_size) {
  if (requested < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  if (requested == 0) return default_size;
  return requested > max_size ? max_size : requested;
}

}  // namespace kinerja::rpc
