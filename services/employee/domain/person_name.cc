#include "services/employee/domain/person_name.h"

#include <cstdint>
#include <optional>

#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

// Number of code points in well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF); nullopt when malformed.
std::optional<size_t> Utf8Length(std::string_view text) {
  static constexpr uint32_t kMinCode[] = {0, 0x80, 0x800, 0x10000};
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t extra = lead < 0x80 ? 0 : (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : 3;
    if (extra == 3 && (lead & 0xF8) != 0xF0) return std::nullopt;
    if (text.size() - i <= extra) return std::nullopt;
    uint32_t code = lead & (extra == 0 ? 0x7F : 0x7F >> (extra + 1));
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < kMinCode[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return std::nullopt;
    }
    i += extra + 1;
  }
  return count;
}

bool HasControl(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

}  // namespace

std::string NormalizePersonName(std::string_view name) {
  std::string result;
  result.reserve(name.size());
  bool pending_space = false;
  for (char c : TrimAscii(name)) {
    if (IsAsciiSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) result.push_back(' ');
    pending_space = false;
    result.push_back(c);
  }
  return result;
}

absl::Status CheckPersonName(std::string_view name) {
  if (TrimAscii(name).empty()) {
    return absl::InvalidArgumentError("name: must not be empty");
  }
  if (NormalizePersonName(name) != name) {
    return absl::InvalidArgumentError(
        "name: has leading, trailing, repeated or non-space whitespace");
  }
  if (HasControl(name)) return absl::InvalidArgumentError("name: contains a control character");
  std::optional<size_t> length = Utf8Length(name);
  if (!length) return absl::InvalidArgumentError("name: is not valid UTF-8");
  if (*length > kMaxPersonNameLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("name: has ", *length, " characters, more than ", kMaxPersonNameLength));
  }
  return absl::OkStatus();
}

}  // namespace kinerja::employee
