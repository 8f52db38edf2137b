#include "services/analytics/api/http_query.h"

#include <cmath>
#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "shared/errors/errors.h"

namespace kinerja::analytics::api {
namespace {

using Names = std::initializer_list<absl::string_view>;

constexpr Names kScope = {"year", "agency_id", "unit_id", "position_type", "period_id"};

// Every parameter is one the route takes (or `format`), given once.
absl::Status CheckNames(const Query& query, Names first, Names second = {}) {
  for (auto it = query.begin(); it != query.end(); it = query.upper_bound(it->first)) {
    const std::string& name = it->first;
    auto known = [&](Names names) {
      for (absl::string_view n : names) {
        if (n == name) return true;
      }
      return false;
    };
    if (name != "format" && !known(first) && !known(second)) {
      std::vector<std::string> all;
      for (absl::string_view n : first) all.emplace_back(n);
      for (absl::string_view n : second) all.emplace_back(n);
      return errors::InvalidField(
          name, all.empty() ? "not a parameter of this report (it takes none but format)"
                            : absl::StrCat("not a parameter of this report (it takes ",
                                           absl::StrJoin(all, ", "), ", format)"));
    }
    if (query.count(name) > 1) return errors::InvalidField(name, "given more than once");
  }
  return absl::OkStatus();
}

// The parameter's value, or nullptr when absent.
const std::string* Find(const Query& query, absl::string_view name) {
  auto it = query.find(std::string(name));
  return it == query.end() ? nullptr : &it->second;
}

std::string Text(const Query& query, absl::string_view name) {
  const std::string* value = Find(query, name);
  return value == nullptr ? "" : *value;
}

// Leaves *out as it is when the parameter is absent or empty.
absl::Status ReadInt(const Query& query, absl::string_view name, int32_t* out) {
  const std::string* value = Find(query, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  if (!absl::SimpleAtoi(*value, out)) return errors::InvalidField(name, "must be a whole number");
  return absl::OkStatus();
}

absl::Status ReadDouble(const Query& query, absl::string_view name, double* out) {
  const std::string* value = Find(query, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  if (!absl::SimpleAtod(*value, out) || !std::isfinite(*out)) {
    return errors::InvalidField(name, "must be a number");
  }
  return absl::OkStatus();
}

absl::Status ReadBool(const Query& query, absl::string_view name, bool* out) {
  const std::string* value = Find(query, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  const std::string lower = absl::AsciiStrToLower(*value);
  if (lower == "true" || lower == "1") {
    *out = true;
  } else if (lower == "false" || lower == "0") {
    *out = false;
  } else {
    return errors::InvalidField(name, "must be true or false");
  }
  return absl::OkStatus();
}

absl::Status ReadDate(const Query& query, absl::string_view name, google::type::Date* out) {
  const std::string* value = Find(query, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  absl::CivilDay day;
  if (value->size() != 10 || !absl::ParseCivilTime(*value, &day)) {
    return errors::InvalidField(name, "must be a date YYYY-MM-DD");
  }
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
  return absl::OkStatus();
}

// "ANNUAL", "annual" or "ASSESSMENT_KIND_ANNUAL"; the prefix is the enum's name in
// UPPER_SNAKE_CASE.
template <typename Enum>
absl::Status ReadEnum(const Query& query, absl::string_view name, Enum* out) {
  const std::string* value = Find(query, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  const google::protobuf::EnumDescriptor* descriptor = google::protobuf::GetEnumDescriptor<Enum>();
  std::string prefix;
  for (char c : descriptor->name()) {
    if (absl::ascii_isupper(c) && !prefix.empty()) prefix += '_';
    prefix += absl::ascii_toupper(c);
  }
  prefix += '_';
  const std::string upper = absl::AsciiStrToUpper(*value);
  const google::protobuf::EnumValueDescriptor* found = descriptor->FindValueByName(upper);
  if (found == nullptr) found = descriptor->FindValueByName(prefix + upper);
  if (found == nullptr) {
    std::vector<std::string> names;
    for (int i = 1; i < descriptor->value_count(); ++i) {
      names.push_back(descriptor->value(i)->name().substr(prefix.size()));
    }
    return errors::InvalidField(name, absl::StrCat("must be one of ", absl::StrJoin(names, ", ")));
  }
  *out = static_cast<Enum>(found->number());
  return absl::OkStatus();
}

absl::Status ReadScope(const Query& query, v1::ReportScope* scope) {
  int32_t year = 0;
  RETURN_IF_ERROR(ReadInt(query, "year", &year));
  scope->set_year(year);
  scope->set_agency_id(Text(query, "agency_id"));
  scope->set_unit_id(Text(query, "unit_id"));
  scope->set_position_type(Text(query, "position_type"));
  scope->set_period_id(Text(query, "period_id"));
  return absl::OkStatus();
}

template <typename Request>
absl::Status ReadPage(const Query& query, Request* request) {
  int32_t page_size = 0;
  RETURN_IF_ERROR(ReadInt(query, "page_size", &page_size));
  request->set_page_size(page_size);
  request->set_page_token(Text(query, "page_token"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::GetPredicateDistributionRequest> DistributionRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"kind", "window_index", "group_by"}));
  v1::GetPredicateDistributionRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  v1::AssessmentKind kind = v1::ASSESSMENT_KIND_UNSPECIFIED;
  RETURN_IF_ERROR(ReadEnum(query, "kind", &kind));
  request.set_kind(kind);
  int32_t window_index = 0;
  RETURN_IF_ERROR(ReadInt(query, "window_index", &window_index));
  request.set_window_index(window_index);
  v1::GroupBy group_by = v1::GROUP_BY_UNSPECIFIED;
  RETURN_IF_ERROR(ReadEnum(query, "group_by", &group_by));
  request.set_group_by(group_by);
  return request;
}

absl::StatusOr<v1::GetComplianceRequest> ComplianceRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"breaking_only"}));
  v1::GetComplianceRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  bool breaking_only = false;
  RETURN_IF_ERROR(ReadBool(query, "breaking_only", &breaking_only));
  request.set_breaking_only(breaking_only);
  return request;
}

absl::StatusOr<v1::GetParticipationRequest> ParticipationRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"as_of"}));
  v1::GetParticipationRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  google::type::Date as_of;
  RETURN_IF_ERROR(ReadDate(query, "as_of", &as_of));
  if (as_of.year() != 0) *request.mutable_as_of() = as_of;
  return request;
}

absl::StatusOr<v1::ListLateEntriesRequest> LateEntriesRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"as_of", "item", "page_size", "page_token"}));
  v1::ListLateEntriesRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  google::type::Date as_of;
  RETURN_IF_ERROR(ReadDate(query, "as_of", &as_of));
  if (as_of.year() != 0) *request.mutable_as_of() = as_of;
  v1::LateItem item = v1::LATE_ITEM_UNSPECIFIED;
  RETURN_IF_ERROR(ReadEnum(query, "item", &item));
  request.set_item(item);
  RETURN_IF_ERROR(ReadPage(query, &request));
  return request;
}

absl::StatusOr<v1::GetDevelopmentNeedsRequest> DevelopmentNeedsRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope));
  v1::GetDevelopmentNeedsRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  return request;
}

absl::StatusOr<v1::ListRecognitionCandidatesRequest> RecognitionCandidatesRequest(
    const Query& query) {
  RETURN_IF_ERROR(
      CheckNames(query, kScope, {"min_periodic", "min_evidence", "page_size", "page_token"}));
  v1::ListRecognitionCandidatesRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  int32_t min_periodic = 0;
  int32_t min_evidence = 0;
  RETURN_IF_ERROR(ReadInt(query, "min_periodic", &min_periodic));
  RETURN_IF_ERROR(ReadInt(query, "min_evidence", &min_evidence));
  request.set_min_periodic(min_periodic);
  request.set_min_evidence(min_evidence);
  RETURN_IF_ERROR(ReadPage(query, &request));
  return request;
}

absl::StatusOr<v1::GetIndicatorHealthRequest> IndicatorHealthRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"far_above_ratio", "min_windows"}));
  v1::GetIndicatorHealthRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  double far_above_ratio = 0;
  int32_t min_windows = 0;
  RETURN_IF_ERROR(ReadDouble(query, "far_above_ratio", &far_above_ratio));
  RETURN_IF_ERROR(ReadInt(query, "min_windows", &min_windows));
  request.set_far_above_ratio(far_above_ratio);
  request.set_min_windows(min_windows);
  return request;
}

absl::StatusOr<v1::ListRaterStatisticsRequest> RaterStatisticsRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, kScope, {"min_rated", "page_size", "page_token"}));
  v1::ListRaterStatisticsRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  int32_t min_rated = 0;
  RETURN_IF_ERROR(ReadInt(query, "min_rated", &min_rated));
  request.set_min_rated(min_rated);
  RETURN_IF_ERROR(ReadPage(query, &request));
  return request;
}

absl::StatusOr<v1::GetTrendsRequest> TrendsRequest(const Query& query) {
  // The scope without `year`: trends span from_year..to_year.
  RETURN_IF_ERROR(CheckNames(query, {"agency_id", "unit_id", "position_type", "period_id"},
                             {"from_year", "to_year"}));
  v1::GetTrendsRequest request;
  RETURN_IF_ERROR(ReadScope(query, request.mutable_scope()));
  int32_t from_year = 0;
  int32_t to_year = 0;
  RETURN_IF_ERROR(ReadInt(query, "from_year", &from_year));
  RETURN_IF_ERROR(ReadInt(query, "to_year", &to_year));
  request.set_from_year(from_year);
  request.set_to_year(to_year);
  return request;
}

absl::StatusOr<v1::GetTransparencyReportRequest> TransparencyRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, {"year", "agency_id"}));
  v1::GetTransparencyReportRequest request;
  int32_t year = 0;
  RETURN_IF_ERROR(ReadInt(query, "year", &year));
  request.set_year(year);
  request.set_agency_id(Text(query, "agency_id"));
  return request;
}

absl::StatusOr<v1::GetStreamStatusRequest> StreamStatusRequest(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, {}));
  return v1::GetStreamStatusRequest();
}

absl::StatusOr<v1::ReportScope> DashboardScopeOf(const Query& query) {
  RETURN_IF_ERROR(CheckNames(query, {"year", "agency_id", "unit_id", "position_type"}));
  v1::ReportScope scope;
  RETURN_IF_ERROR(ReadScope(query, &scope));
  return scope;
}

absl::StatusOr<bool> WantsCsv(const Query& query) {
  const std::string format = absl::AsciiStrToLower(Text(query, "format"));
  if (format.empty() || format == "json") return false;
  if (format == "csv") return true;
  return errors::InvalidField("format", "must be json or csv");
}

}  // namespace kinerja::analytics::api
