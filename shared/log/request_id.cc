#include "shared/log/request_id.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"

namespace kinerja::log {
namespace {

std::string& Slot() {
  thread_local std::string id;
  return id;
}

}  // namespace

ScopedRequestId::ScopedRequestId(std::string id)
    : previous_(std::exchange(Slot(), std::move(id))) {}

ScopedRequestId::~ScopedRequestId() { Slot() = std::move(previous_); }

std::string_view CurrentRequestId() { return Slot(); }

std::string NewRequestId() { return crypto::HexEncode(crypto::RandomBytes(16)); }

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  });
}

}  // namespace kinerja::log
