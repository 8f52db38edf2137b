#include "services/review/store/rows.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "services/review/domain/names.h"
#include "shared/db/row_decode.h"

namespace kinerja::review::store::internal {
namespace {

std::string Str(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_string()) return std::string();
  return it->get<std::string>();
}

int64_t Int(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_number()) return 0;
  return it->get<int64_t>();
}

bool Bool(const json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_boolean() && it->get<bool>();
}

bool Has(const json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && !it->is_null();
}

absl::CivilDay Day(const json& row, const char* key) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(Str(row, key), &day)) return absl::CivilDay(1970, 1, 1);
  return day;
}

std::optional<absl::CivilDay> OptionalDay(const json& row, const char* key) {
  if (!Has(row, key)) return std::nullopt;
  return Day(row, key);
}

// to_jsonb of a timestamptz: "2026-06-15T05:00:00.123456+00:00".
absl::Time Time(const json& row, const char* key) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime("%Y-%m-%dT%H:%M:%E*S%Ez", Str(row, key), &t, &err)) return absl::UnixEpoch();
  return t;
}

std::optional<absl::Time> OptionalTime(const json& row, const char* key) {
  if (!Has(row, key)) return std::nullopt;
  return Time(row, key);
}

OfficialRecord Official(const json& row, const char* key, const char* capacity_key) {
  v1::Official proto;
  if (Has(row, key)) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    (void)google::protobuf::util::JsonStringToMessage(row.at(key).dump(), &proto, options);
  }
  OfficialRecord out = OfficialFromProto(proto);
  if (capacity_key != nullptr) {
    out.official.capacity =
        db::OrDefault(ParseCapacity(Str(row, capacity_key), capacity_key), Capacity::kDefinitive);
  }
  return out;
}

std::optional<Rating> OptionalRating(const json& row, const char* key) {
  if (!Has(row, key)) return std::nullopt;
  absl::StatusOr<Rating> r = ParseRating(Str(row, key), key);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<Predicate> OptionalPredicate(const json& row, const char* key) {
  if (!Has(row, key)) return std::nullopt;
  absl::StatusOr<Predicate> p = ParsePredicate(Str(row, key), key);
  if (!p.ok()) return std::nullopt;
  return *p;
}

// The behaviour_values column (migrations/0003); an entry whose names do not parse is skipped
// (the service writes only valid ones).
std::vector<BehaviourValueRating> BehaviourValues(const json& row) {
  std::vector<BehaviourValueRating> out;
  auto it = row.find("behaviour_values");
  if (it == row.end() || !it->is_array()) return out;
  for (const json& entry : *it) {
    if (!entry.is_object()) continue;
    absl::StatusOr<CoreValue> value = ParseCoreValue(Str(entry, "value"), "value");
    absl::StatusOr<Rating> rating = ParseRating(Str(entry, "rating"), "rating");
    if (!value.ok() || !rating.ok()) continue;
    out.push_back({.value = *value, .rating = *rating, .note = Str(entry, "note")});
  }
  return out;
}

}  // namespace

json RowJson(const pqxx::field& field) {
  if (field.is_null()) return json::object();
  return json::parse(db::FieldView(field), nullptr, /*allow_exceptions=*/false);
}

AssessmentRecord AssessmentFromJson(const json& row) {
  AssessmentRecord r;
  Assessment& a = r.assessment;
  a.id = Str(row, "id");
  a.plan_id = Str(row, "plan_id");
  a.agency_id = Str(row, "agency_id");
  a.unit_id = Str(row, "unit_id");
  OfficialRecord employee = Official(row, "employee", nullptr);
  a.employee = employee.official;
  r.employee_position_id = employee.position_id;
  r.employee_rank_label = employee.rank_label;
  a.unit_head = Bool(row, "unit_head");
  a.kind = db::OrDefault(ParseAssessmentKind(Str(row, "kind"), "kind"), AssessmentKind::kAnnual);
  a.cadence = db::OrDefault(ParseCadence(Str(row, "cadence"), "cadence"), Cadence::kMonthly);
  a.window.year = static_cast<int>(Int(row, "window_year"));
  a.window.index = static_cast<int>(Int(row, "window_index"));
  a.window.first = Day(row, "window_first");
  a.window.last = Day(row, "window_last");
  a.window.month_start = static_cast<int>(Int(row, "month_start"));
  a.window.month_end = static_cast<int>(Int(row, "month_end"));
  a.results_rating = OptionalRating(row, "results_rating");
  a.behaviour_rating = OptionalRating(row, "behaviour_rating");
  a.predicate = OptionalPredicate(row, "predicate");
  a.notes = Str(row, "results_note");
  a.behaviour_values = BehaviourValues(row);
  if (Has(row, "assessor")) {
    OfficialRecord assessor = Official(row, "assessor", "assessor_capacity");
    a.assessor = assessor.official;
    r.assessor_position_id = assessor.position_id;
    r.assessor_rank_label = assessor.rank_label;
  }
  a.recorded_by = Str(row, "recorded_by");
  a.state =
      db::OrDefault(ParseAssessmentState(Str(row, "state"), "state"), AssessmentState::kDraft);
  a.distribution_justification = Str(row, "distribution_justification");
  a.finalise_time = OptionalTime(row, "finalise_time");
  a.delivered_date = OptionalDay(row, "delivered_date");
  a.version = Int(row, "version");
  r.period_id = Str(row, "period_id");
  r.plan_revision = static_cast<int>(Int(row, "plan_revision"));
  r.employee_siasn_id = Str(row, "employee_siasn_id");
  r.position_type = Str(row, "position_type");
  r.functional_level = Str(row, "functional_level");
  r.behaviour_note = Str(row, "behaviour_note");
  if (auto it = row.find("distribution_findings"); it != row.end() && it->is_array()) {
    for (const json& f : *it) {
      if (f.is_string()) r.distribution_findings.push_back(f.get<std::string>());
    }
  }
  if (Has(row, "credit_points_thousandths")) {
    r.credit_points_thousandths = Int(row, "credit_points_thousandths");
  }
  r.objection_id = Str(row, "objection_id");
  r.create_time = Time(row, "create_time");
  r.update_time = Time(row, "update_time");
  return r;
}

ObjectionRecord ObjectionFromJson(const json& row) {
  ObjectionRecord r;
  Objection& o = r.objection;
  o.id = Str(row, "id");
  o.assessment_id = Str(row, "assessment_id");
  o.employee_nip = Str(row, "employee_nip");
  o.filed_on = Day(row, "filed_date");
  o.employee_explanation = Str(row, "employee_explanation");
  o.assessor_explanation = Str(row, "assessor_explanation");
  o.state = db::OrDefault(ParseObjectionState(Str(row, "state"), "state"), ObjectionState::kOpen);
  if (o.state == ObjectionState::kDecided) {
    ObjectionDecision d;
    OfficialRecord by = Official(row, "decided_by", "capacity");
    d.decided_by = by.official;
    r.decided_by_position_id = by.position_id;
    d.recorded_by = Str(row, "recorded_by");
    d.results_before = OptionalRating(row, "results_before").value_or(Rating::kAsExpected);
    d.behaviour_before = OptionalRating(row, "behaviour_before").value_or(Rating::kAsExpected);
    d.predicate_before = OptionalPredicate(row, "predicate_before").value_or(Predicate::kBaik);
    d.results_after = OptionalRating(row, "results_after").value_or(Rating::kAsExpected);
    d.behaviour_after = OptionalRating(row, "behaviour_after").value_or(Rating::kAsExpected);
    d.predicate_after = OptionalPredicate(row, "predicate_after").value_or(Predicate::kBaik);
    d.changed = Bool(row, "changed");
    d.reason = Str(row, "decision_note");
    d.decide_time = Time(row, "decide_time");
    o.decision = std::move(d);
  }
  r.agency_id = Str(row, "agency_id");
  r.employee_id = Str(row, "employee_id");
  r.deadline = Day(row, "deadline");
  r.file_time = Time(row, "file_time");
  r.version = Int(row, "version");
  return r;
}

OrgPredicateRecord OrgPredicateFromJson(const json& row) {
  OrgPredicateRecord r;
  r.id = Str(row, "id");
  r.period_id = Str(row, "period_id");
  OrgPredicateDecision& d = r.decision;
  d.agency_id = Str(row, "agency_id");
  d.unit_id = Str(row, "unit_id");
  d.predicate =
      db::OrDefault(ParseOrgPredicate(Str(row, "predicate"), "predicate"), OrgPredicate::kBaik);
  OfficialRecord by = Official(row, "decided_by", "capacity");
  d.decided_by = by.official;
  r.decided_by_position_id = by.position_id;
  d.recorded_by = Str(row, "recorded_by");
  d.note = Str(row, "note");
  d.decide_time = Time(row, "decide_time");
  r.version = Int(row, "version");
  return r;
}

ReviewPolicy PolicyFromJson(const json& row) {
  ReviewPolicy p;
  p.agency_id = Str(row, "agency_id");
  p.objection.days = static_cast<int>(Int(row, "objection_days"));
  p.objection.counting =
      Bool(row, "objection_working_days") ? DayCounting::kWorkingDays : DayCounting::kCalendarDays;
  if (auto it = row.find("holidays"); it != row.end() && it->is_array()) {
    for (const json& h : *it) {
      absl::CivilDay day;
      if (h.is_string() && absl::ParseCivilTime(h.get<std::string>(), &day)) {
        p.holidays.push_back(day);
      }
    }
  }
  p.anonymity_threshold = static_cast<int>(Int(row, "anonymity_threshold"));
  p.distribution = Bool(row, "distribution_block")
                       ? DistributionEnforcement::kBlock
                       : DistributionEnforcement::kWarnWithJustification;
  p.window.grace_days = static_cast<int>(Int(row, "realisation_grace_days"));
  p.koefisien_id = Str(row, "koefisien_id");
  p.version = Int(row, "version");
  return p;
}

std::string OfficialJson(const OfficialRecord& official) { return MessageJson(ToProto(official)); }

std::optional<std::string> OfficialJson(const std::optional<OfficialRecord>& official) {
  if (!official.has_value()) return std::nullopt;
  return OfficialJson(*official);
}

std::optional<int64_t> MicrosParam(const std::optional<absl::Time>& time) {
  if (!time.has_value()) return std::nullopt;
  return absl::ToUnixMicros(*time);
}

absl::Status CheckPage(const PageRequest& page, size_t key_size) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (!page.after.empty() && page.after.size() != key_size) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  return absl::OkStatus();
}

std::string MessageJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

}  // namespace kinerja::review::store::internal
