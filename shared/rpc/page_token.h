// Opaque, tamper-evident List page tokens (AIP-158) and the page_size rules that go with them.
//
// A token carries the last sort key of the page it ends plus a fingerprint of the query that
// produced it, signed with HMAC-SHA256. Clients cannot forge a cursor or reuse a token with a
// different filter, order_by or parent.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kinerja::rpc {

struct PageCursor {
  // Sort-key values of the last row returned, in order_by order, as text.
  std::vector<std::string> last_key;
  // QueryFingerprint() of everything that shapes the result set.
  std::string query_fingerprint;

  friend bool operator==(const PageCursor&, const PageCursor&) = default;
};

class PageTokenCodec {
 public:
  // The key must hold at least kMinKeyBytes (use 32 random bytes, shared by every replica of
  // the service); a shorter key is a configuration bug and aborts at start-up.
  static constexpr size_t kMinKeyBytes = 16;
  // Longer tokens are refused before any work is done on them.
  static constexpr size_t kMaxTokenChars = 4096;

  explicit PageTokenCodec(std::string key);

  std::string Encode(const PageCursor& cursor) const;
  // InvalidArgument "page_token: ..." for garbage, tampering, or a token from another query.
  absl::StatusOr<PageCursor> Decode(std::string_view token,
                                    std::string_view expected_query_fingerprint) const;

 private:
  std::string key_;
};

// Hex SHA-256 (first 128 bits) over the parts, each length-prefixed so that ("ab", "c") and
// ("a", "bc") differ. Pass parent, filter, order_by (and anything else that shapes results).
std::string QueryFingerprint(std::initializer_list<std::string_view> parts);

// AIP-158: negative is an error ("page_size: must not be negative"), 0 means default_size,
// larger than max_size is silently lowered to max_size.
absl::StatusOr<int> ClampPageSize(int requested, int default_size, int max_size);

}  // namespace kinerja::rpc
