#include "shared/log/request_id.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

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

// A per-thread generator seeded from the OS: ids must be unique, not secret, and minting one
// from OpenSSL's DRBG (locks and all) on every call cost ~2% of the CPU of a point read.
std::string NewRequestId() {
  thread_local absl::BitGen gen;
  const uint64_t hi = absl::Uniform<uint64_t>(gen);
  const uint64_t lo = absl::Uniform<uint64_t>(gen);
  return absl::StrFormat("%016x%016x", hi, lo);
}

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  });
}

}  // namespace kinerja::log
