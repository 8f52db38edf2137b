#include "shared/log/json_writer.h"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace kinerja::log {

void AppendJsonString(std::string* out, std::string_view s) {
  // `replace` keeps a line whose text came from a client valid JSON instead of throwing.
  out->append(nlohmann::json(s).dump(/*indent=*/-1, /*indent_char=*/' ', /*ensure_ascii=*/false,
                                     nlohmann::json::error_handler_t::replace));
}

void AppendJsonNumber(std::string* out, double value) {
  // nlohmann writes non-finite numbers as null; a log reader should see what the value was.
  if (std::isnan(value)) {
    out->append("\"NaN\"");
  } else if (std::isinf(value)) {
    out->append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  } else {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
    out->append(buf, end);
  }
}

}  // namespace kinerja::log
