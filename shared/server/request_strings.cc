#include "shared/server/request_strings.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kinerja/common/v1/field_options.pb.h"
#include "shared/errors/errors.h"

namespace kinerja::server {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr int kIdLength = 256;
constexpr int kNameLength = 255;
constexpr int kFilterLength = 2048;
constexpr int kTextLength = 1000;
// A nesting depth no contract has; deeper is an attack on the walk's stack.
constexpr int kMaxDepth = 32;

// Characters in `s`, or -1 when it is not valid UTF-8 (overlong forms, surrogates and values
// above U+10FFFF are invalid too).
int64_t Utf8Length(const std::string& s) {
  int64_t chars = 0;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return -1;
    }
    if (i + extra >= s.size() && extra > 0) return -1;  // cut short
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    i += static_cast<size_t>(extra) + 1;
    ++chars;
  }
  return chars;
}

absl::Status CheckValue(const FieldDescriptor& field, const std::string& value,
                        const std::string& path) {
  if (value.find('\0') != std::string::npos) {
    return errors::InvalidField(path, "must not contain a NUL character");
  }
  const int64_t length = Utf8Length(value);
  if (length < 0) return errors::InvalidField(path, "is not valid UTF-8");
  const int max = MaxLength(field);
  if (length > max) {
    return errors::InvalidField(
        path, absl::StrCat("is ", length, " characters long; at most ", max, " are accepted"));
  }
  return absl::OkStatus();
}

absl::Status Walk(const Message& message, const std::string& prefix, int depth) {
  if (depth > kMaxDepth) return errors::InvalidField(prefix, "is nested too deeply");
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);  // only fields that are set
  for (const FieldDescriptor* field : fields) {
    const std::string path =
        prefix.empty() ? field->name() : absl::StrCat(prefix, ".", field->name());
    const bool is_string =
        field->type() == FieldDescriptor::TYPE_STRING;  // bytes carry binary data
    const bool is_message = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (!is_string && !is_message) continue;
    if (field->is_repeated()) {
      const int n = reflection->FieldSize(message, field);
      for (int i = 0; i < n; ++i) {
        const std::string item = absl::StrCat(path, "[", i, "]");
        if (is_string) {
          std::string scratch;
          RETURN_IF_ERROR(CheckValue(
              *field, reflection->GetRepeatedStringReference(message, field, i, &scratch), item));
        } else {
          RETURN_IF_ERROR(Walk(reflection->GetRepeatedMessage(message, field, i), item, depth + 1));
        }
      }
    } else if (is_string) {
      std::string scratch;
      RETURN_IF_ERROR(
          CheckValue(*field, reflection->GetStringReference(message, field, &scratch), path));
    } else {
      RETURN_IF_ERROR(Walk(reflection->GetMessage(message, field), path, depth + 1));
    }
  }
  return absl::OkStatus();
}

}  // namespace

int MaxLength(const FieldDescriptor& field) {
  if (field.options().HasExtension(kinerja::common::v1::max_length)) {
    return field.options().GetExtension(kinerja::common::v1::max_length);
  }
  const std::string& name = field.name();
  if (name == "filter") return kFilterLength;
  if (name == "id" || absl::EndsWith(name, "_id") || absl::EndsWith(name, "_ids") ||
      name == "etag" || absl::EndsWith(name, "_token") || absl::EndsWith(name, "cursor") ||
      name == "nip" || absl::EndsWith(name, "_nip") || name == "order_by") {
    return kIdLength;
  }
  if (name == "name" || absl::EndsWith(name, "_name")) return kNameLength;
  return kTextLength;
}

absl::Status CheckRequestStrings(const Message& request) { return Walk(request, "", 0); }

}  // namespace kinerja::server
