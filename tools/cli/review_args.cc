#include "tools/cli/review_args.h"

#include <charconv>

namespace kinerja::cli {
namespace {

namespace v1 = ::kinerja::review::v1;

absl::Status Invalid(std::string message) { return absl::InvalidArgumentError(std::move(message)); }

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool SafeNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

}  // namespace

absl::StatusOr<v1::Rating> ParseRating(std::string_view flag, std::string_view text) {
  if (text == "above") return v1::RATING_ABOVE_EXPECTATION;
  if (text == "as-expected") return v1::RATING_AS_EXPECTED;
  if (text == "below") return v1::RATING_BELOW_EXPECTATION;
  return Invalid("--" + std::string(flag) + " must be above, as-expected or below (got " +
                 Quoted(text) + ")");
}

absl::StatusOr<ValueRating> ParseValueRating(std::string_view flag, std::string_view text) {
  static constexpr std::pair<std::string_view, v1::CoreValue> kValues[] = {
      {"service-oriented", v1::CORE_VALUE_SERVICE_ORIENTED},
      {"accountable", v1::CORE_VALUE_ACCOUNTABLE},
      {"competent", v1::CORE_VALUE_COMPETENT},
      {"harmonious", v1::CORE_VALUE_HARMONIOUS},
      {"loyal", v1::CORE_VALUE_LOYAL},
      {"adaptive", v1::CORE_VALUE_ADAPTIVE},
      {"collaborative", v1::CORE_VALUE_COLLABORATIVE},
  };
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    return Invalid("--" + std::string(flag) +
                   " must be VALUE=RATING, e.g. accountable=below (got " + Quoted(text) + ")");
  }
  const std::string_view name = text.substr(0, eq);
  ValueRating out;
  for (const auto& [known, value] : kValues) {
    if (name == known) out.value = value;
  }
  if (out.value == v1::CORE_VALUE_UNSPECIFIED) {
    return Invalid("--" + std::string(flag) +
                   ": the core value must be service-oriented, accountable, competent, "
                   "harmonious, loyal, adaptive or collaborative (got " +
                   Quoted(name) + ")");
  }
  absl::StatusOr<v1::Rating> rating = ParseRating(flag, text.substr(eq + 1));
  if (!rating.ok()) return rating.status();
  out.rating = *rating;
  return out;
}

absl::StatusOr<v1::AssessmentKind> ParseKind(std::string_view flag, std::string_view text) {
  if (text == "annual") return v1::ASSESSMENT_KIND_ANNUAL;
  if (text == "periodic") return v1::ASSESSMENT_KIND_PERIODIC;
  return Invalid("--" + std::string(flag) + " must be annual or periodic (got " + Quoted(text) +
                 ")");
}

absl::StatusOr<v1::OrgPredicate> ParseOrgPredicate(std::string_view text) {
  if (text == "istimewa") return v1::ORG_PREDICATE_ISTIMEWA;
  if (text == "baik") return v1::ORG_PREDICATE_BAIK;
  if (text == "butuh-perbaikan") return v1::ORG_PREDICATE_BUTUH_PERBAIKAN;
  if (text == "kurang") return v1::ORG_PREDICATE_KURANG;
  if (text == "sangat-kurang") return v1::ORG_PREDICATE_SANGAT_KURANG;
  return Invalid(
      "--predicate must be istimewa, baik, butuh-perbaikan, kurang or sangat-kurang (got " +
      Quoted(text) + ")");
}

absl::StatusOr<int32_t> ParseNonNegativeInt(std::string_view flag, std::string_view text,
                                            int32_t max) {
  int64_t value = -1;
  bool ok = !text.empty() && text.size() <= 10 &&
            text.find_first_not_of("0123456789") == std::string_view::npos;
  if (ok) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = error == std::errc() && end == text.data() + text.size();
  }
  if (!ok || value < 0 || value > max) {
    return Invalid("--" + std::string(flag) + " must be a whole number from 0 to " +
                   std::to_string(max) + " (got " + Quoted(text) + ")");
  }
  return static_cast<int32_t>(value);
}

std::string FilterCondition(std::string_view field, std::string_view value) {
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return std::string(field) + " = " + quoted + "\"";
}

std::string BuildFilter(const ParsedArgs& args, const std::vector<FilterFlag>& flags,
                        const std::vector<std::string>& extra) {
  std::vector<std::string> conditions;
  for (const FilterFlag& f : flags) {
    if (std::optional<std::string> value = args.Get(f.flag)) {
      conditions.push_back(FilterCondition(f.field, *value));
    }
  }
  conditions.insert(conditions.end(), extra.begin(), extra.end());
  if (std::optional<std::string> raw = args.Get("filter"); raw && !raw->empty()) {
    conditions.push_back(*raw);
  }
  std::string filter;
  for (const std::string& c : conditions) filter += (filter.empty() ? "" : " AND ") + c;
  return filter;
}

absl::StatusOr<std::string> ExportFileName(std::string_view endpoint,
                                           std::string_view assessment_id) {
  std::string name;
  for (char c : endpoint) {
    if (c == '/') {
      name += '-';
    } else if (SafeNameChar(c)) {
      name += c;
    } else {
      return Invalid("the server sent an endpoint that cannot name a file: " + Quoted(endpoint));
    }
  }
  if (name.empty()) return Invalid("the server sent a record without an endpoint");
  if (assessment_id.empty() || assessment_id == "." || assessment_id == "..") {
    return Invalid("the server sent an assessment id that cannot name a file: " +
                   Quoted(assessment_id));
  }
  for (char c : assessment_id) {
    if (!SafeNameChar(c)) {
      return Invalid("the server sent an assessment id that cannot name a file: " +
                     Quoted(assessment_id));
    }
  }
  return name + "_" + std::string(assessment_id) + ".json";
}

}  // namespace kinerja::cli
