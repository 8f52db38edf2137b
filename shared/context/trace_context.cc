#include "shared/context/trace_context.h"

#include <cstdint>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kinerja::context {
namespace {

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c)) || absl::ascii_isupper(c)) {
      return false;
    }
  }
  return true;
}

bool AllZero(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

std::string RandomHex(int bytes) {
  thread_local absl::BitGen gen;
  std::string out;
  for (int i = 0; i < bytes; i += 8) {
    absl::StrAppend(&out, absl::StrFormat("%016x", absl::Uniform<uint64_t>(gen)));
  }
  out.resize(static_cast<size_t>(bytes) * 2);
  if (AllZero(out)) out.back() = '1';
  return out;
}

}  // namespace

std::string TraceParent::ToString() const {
  return absl::StrCat("00-", trace_id, "-", parent_id, "-", flags);
}

std::optional<TraceParent> ParseTraceParent(std::string_view header) {
  // version(2) - trace-id(32) - parent-id(16) - flags(2) = 55 characters for version 00.
  if (header.size() < 55 || header[2] != '-' || header[35] != '-' || header[52] != '-') {
    return std::nullopt;
  }
  std::string_view version = header.substr(0, 2);
  if (!IsLowerHex(version) || version == "ff") return std::nullopt;
  if (version == "00" && header.size() != 55) return std::nullopt;
  if (version != "00" && header.size() > 55 && header[55] != '-') return std::nullopt;
  TraceParent parsed{std::string(header.substr(3, 32)), std::string(header.substr(36, 16)),
                     std::string(header.substr(53, 2))};
  if (!IsLowerHex(parsed.trace_id) || !IsLowerHex(parsed.parent_id) || !IsLowerHex(parsed.flags) ||
      AllZero(parsed.trace_id) || AllZero(parsed.parent_id)) {
    return std::nullopt;
  }
  return parsed;
}

TraceParent ContinueTrace(std::string_view incoming) {
  std::optional<TraceParent> parsed = ParseTraceParent(incoming);
  if (!parsed) return TraceParent{RandomHex(16), RandomHex(8), "01"};
  parsed->parent_id = RandomHex(8);
  return *parsed;
}

std::string OutgoingTraceParent(std::string_view current) {
  return ContinueTrace(current).ToString();
}

}  // namespace kinerja::context
