#include "services/goals/store/rows.h"

#include <cmath>
#include <string>

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "services/goals/domain/names.h"
#include "services/goals/domain/plan_content.h"

namespace kinerja::goals::store::internal {
namespace {

using db::DaysColumn;
using db::FieldView;
using db::MicrosColumn;
using db::OrDefault;
using db::QualifyColumns;
using nlohmann::json;

std::string Text(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::string();
  return it->get<std::string>();
}

bool Bool(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

double Number(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return 0;
  return it->get<double>();
}

// JSON has no NaN or infinity; the domain refuses them before anything is stored.
json FiniteNumber(double value) { return std::isfinite(value) ? json(value) : json(0.0); }

json IndicatorsArray(const std::vector<Indicator>& indicators) {
  json out = json::array();
  for (const Indicator& i : indicators) {
    out.push_back({{"id", i.id},
                   {"text", i.text},
                   {"aspect", std::string(AspectName(i.aspect))},
                   {"target_min", FiniteNumber(i.target_min)},
                   {"target_max", FiniteNumber(i.target_max)},
                   {"target_unit", i.target_unit},
                   {"target_text", i.target_text},
                   {"lower_is_better", i.lower_is_better},
                   {"survey_id", i.survey_id}});
  }
  return out;
}

std::vector<Indicator> IndicatorsFromArray(const json& array) {
  std::vector<Indicator> out;
  if (!array.is_array()) return out;
  out.reserve(array.size());
  for (const json& j : array) {
    Indicator i;
    i.id = Text(j, "id");
    i.text = Text(j, "text");
    i.aspect = OrDefault(ParseAspect(Text(j, "aspect"), "aspect"), Aspect::kQuantity);
    i.target_min = Number(j, "target_min");
    i.target_max = Number(j, "target_max");
    i.target_unit = Text(j, "target_unit");
    i.target_text = Text(j, "target_text");
    i.lower_is_better = Bool(j, "lower_is_better");
    i.survey_id = Text(j, "survey_id");
    out.push_back(std::move(i));
  }
  return out;
}

// plan_results as selected by PlanColumns: [[id, kind, text, parent, perspective, template_id,
// indicators, cascade_type, parent_indicator_id], ...] in ordinal order.
std::vector<WorkResult> ResultsFromColumn(const pqxx::field& field) {
  std::vector<WorkResult> out;
  if (field.is_null()) return out;
  json rows = json::parse(FieldView(field));
  out.reserve(rows.size());
  for (const json& row : rows) {
    WorkResult r;
    r.id = row.at(0).get<std::string>();
    r.kind = OrDefault(ParseResultKind(row.at(1).get<std::string>(), "kind"), ResultKind::kMain);
    r.text = row.at(2).get<std::string>();
    if (row.at(3).is_string()) r.parent_result_id = row.at(3).get<std::string>();
    r.perspective = OrDefault(ParsePerspective(row.at(4).get<std::string>(), "perspective"),
                              Perspective::kNone);
    r.template_id = row.at(5).get<std::string>();
    r.indicators = IndicatorsFromArray(row.at(6));
    r.cascade_type = OrDefault(ParseCascadeType(row.at(7).get<std::string>(), "cascade_type"),
                               CascadeType::kNone);
    r.parent_indicator_id = row.at(8).get<std::string>();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<BehaviourExpectation> BehavioursFromColumn(const pqxx::field& field) {
  std::vector<BehaviourExpectation> out;
  json array = json::parse(FieldView(field));
  out.reserve(array.size());
  for (const json& j : array) {
    BehaviourExpectation b;
    b.value = OrDefault(ParseCoreValue(Text(j, "value"), "value"), CoreValue::kServiceOriented);
    b.expectation = Text(j, "expectation");
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

// --- SQL values -------------------------------------------------------------------------------

std::optional<int64_t> MicrosParam(const std::optional<absl::Time>& time) {
  if (!time) return std::nullopt;
  return absl::ToUnixMicros(*time);
}

absl::Status CheckPage(const PageRequest& page, size_t key_size) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (!page.after.empty() && page.after.size() != key_size) {
    return errors::InvalidField("page_token", "does not fit this list");
  }
  return absl::OkStatus();
}

// --- JSON -------------------------------------------------------------------------------------

std::string PersonJson(const PlanPerson& p) {
  return json{{"employee_id", p.employee_id},
              {"nip", p.nip},
              {"name", p.name},
              {"position_id", p.position_id},
              {"position_name", p.position_name},
              {"unit_id", p.unit_id},
              {"unit_name", p.unit_name},
              {"non_asn", p.non_asn},
              {"acting", p.acting},
              {"rank_label", p.rank_label},
              {"rank_code", p.rank_code},
              {"capacity", p.capacity}}
      .dump();
}

std::optional<std::string> PersonJson(const std::optional<PlanPerson>& person) {
  if (!person) return std::nullopt;
  return PersonJson(*person);
}

std::optional<PlanPerson> PersonFromJson(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  json j = json::parse(FieldView(field));
  PlanPerson p;
  p.employee_id = Text(j, "employee_id");
  p.nip = Text(j, "nip");
  p.name = Text(j, "name");
  p.position_id = Text(j, "position_id");
  p.position_name = Text(j, "position_name");
  p.unit_id = Text(j, "unit_id");
  p.unit_name = Text(j, "unit_name");
  auto non_asn = j.find("non_asn");
  p.non_asn = non_asn != j.end() && non_asn->is_boolean() && non_asn->get<bool>();
  p.acting = Text(j, "acting");
  p.rank_label = Text(j, "rank_label");
  p.rank_code = Text(j, "rank_code");
  p.capacity = Text(j, "capacity");
  return p;
}

std::string BehavioursJson(const std::vector<BehaviourExpectation>& behaviours) {
  json out = json::array();
  for (const BehaviourExpectation& b : behaviours) {
    out.push_back({{"value", std::string(CoreValueName(b.value))}, {"expectation", b.expectation}});
  }
  return out.dump();
}

std::string IndicatorsJson(const std::vector<Indicator>& indicators) {
  return IndicatorsArray(indicators).dump();
}

std::string ResultRowsJson(const std::vector<WorkResult>& results) {
  json out = json::array();
  for (size_t i = 0; i < results.size(); ++i) {
    const WorkResult& r = results[i];
    out.push_back(
        {{"id", r.id},
         {"ordinal", i},
         {"kind", std::string(ResultKindName(r.kind))},
         {"text", r.text},
         {"parent_result_id", r.parent_result_id.empty() ? json() : json(r.parent_result_id)},
         {"perspective", std::string(PerspectiveName(r.perspective))},
         {"template_id", r.template_id},
         {"indicators", IndicatorsArray(r.indicators)},
         {"cascade_type", std::string(CascadeTypeName(r.cascade_type))},
         {"parent_indicator_id", r.parent_indicator_id}});
  }
  return out.dump();
}

std::string TemplateResultsJson(const std::vector<WorkResult>& results) {
  json out = json::array();
  for (const WorkResult& r : results) {
    std::vector<Indicator> indicators = r.indicators;
    for (Indicator& i : indicators) i.id.clear();  // a template's ids are ignored
    out.push_back({{"kind", std::string(ResultKindName(r.kind))},
                   {"text", r.text},
                   {"parent_result_id", r.parent_result_id},
                   {"perspective", std::string(PerspectiveName(r.perspective))},
                   {"cascade_type", std::string(CascadeTypeName(r.cascade_type))},
                   {"parent_indicator_id", r.parent_indicator_id},
                   {"indicators", IndicatorsArray(indicators)}});
  }
  return out.dump();
}

std::vector<WorkResult> TemplateResultsFromJson(std::string_view text) {
  std::vector<WorkResult> out;
  json array = json::parse(text);
  out.reserve(array.size());
  for (const json& j : array) {
    WorkResult r;
    r.kind = OrDefault(ParseResultKind(Text(j, "kind"), "kind"), ResultKind::kMain);
    r.text = Text(j, "text");
    r.parent_result_id = Text(j, "parent_result_id");
    r.perspective =
        OrDefault(ParsePerspective(Text(j, "perspective"), "perspective"), Perspective::kNone);
    r.cascade_type =
        OrDefault(ParseCascadeType(Text(j, "cascade_type"), "cascade_type"), CascadeType::kNone);
    r.parent_indicator_id = Text(j, "parent_indicator_id");
    auto indicators = j.find("indicators");
    if (indicators != j.end()) r.indicators = IndicatorsFromArray(*indicators);
    out.push_back(std::move(r));
  }
  return out;
}

std::string MessageJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

// --- Periods ----------------------------------------------------------------------------------

std::string PeriodColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat("$.id, $.agency_id, $.year, $.name, ", DaysColumn("start_date"), ", ",
                          DaysColumn("end_date"), ", ", DaysColumn("filling_deadline"),
                          ", $.cadence, $.state, $.version, ", MicrosColumn("create_time"), ", ",
                          MicrosColumn("update_time"), ", $.mid_year_filling_days"));
}

Period PeriodFromRow(const pqxx::row& row, int o) {
  Period p;
  p.id = row[o + 0].as<std::string>();
  p.agency_id = row[o + 1].as<std::string>();
  p.year = row[o + 2].as<int>();
  p.name = row[o + 3].as<std::string>();
  p.start_date = DayFromField(row[o + 4]);
  p.end_date = DayFromField(row[o + 5]);
  p.filling_deadline = DayFromField(row[o + 6]);
  p.cadence = OrDefault(ParseCadence(FieldView(row[o + 7]), "cadence"), Cadence::kMonthly);
  p.state = OrDefault(ParsePeriodState(FieldView(row[o + 8]), "state"), PeriodState::kOpen);
  p.version = row[o + 9].as<int64_t>();
  p.create_time = TimeFromField(row[o + 10]);
  p.update_time = TimeFromField(row[o + 11]);
  p.mid_year_filling_days = row[o + 12].as<int>();
  return p;
}

// --- Deadline extensions ----------------------------------------------------------------------

DeadlineExtension ExtensionFromRow(const pqxx::row& row) {
  DeadlineExtension e;
  e.period_id = row[0].as<std::string>();
  e.employee_id = row[1].as<std::string>();
  e.until = DayFromField(row[2]);
  e.reason = row[3].as<std::string>();
  e.granted_by = row[4].as<std::string>();
  e.grant_time = TimeFromField(row[5]);
  return e;
}

// --- Unit policies ----------------------------------------------------------------------------

std::string UnitPolicyColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat("$.agency_id, $.unit_id, $.public_service, $.version, ",
                          MicrosColumn("update_time"), ", $.include_subunits, $.survey_id"));
}

UnitPolicy UnitPolicyFromRow(const pqxx::row& row) {
  UnitPolicy p;
  p.agency_id = row[0].as<std::string>();
  p.unit_id = row[1].as<std::string>();
  p.public_service = row[2].as<bool>();
  p.version = row[3].as<int64_t>();
  p.update_time = TimeFromField(row[4]);
  p.include_subunits = row[5].as<bool>();
  p.survey_id = row[6].as<std::string>();
  return p;
}

// --- Plans ------------------------------------------------------------------------------------

std::string PlanHeaderColumns(std::string_view alias) {
  return QualifyColumns(
      alias, absl::StrCat(
                 "$.id, $.period_id, $.agency_id, $.employee_id, $.employee_nip, $.employee_name, ",
                 "$.position_id, $.position_name, $.unit_id, $.unit_name, $.employee_non_asn, ",
                 "$.employee_acting, $.employee_rank_label, $.position_type, $.assessor::text, ",
                 "$.assessor_superior::text, $.state, $.style, $.revision, $.revision_reason, ",
                 "$.return_note, $.behaviours::text, $.close_reason, ", DaysColumn("end_date"),
                 ", ", MicrosColumn("submit_time"), ", ", MicrosColumn("approve_time"),
                 ", $.version, ", MicrosColumn("create_time"), ", ", MicrosColumn("update_time"),
                 ", ", DaysColumn("start_date"), ", ", DaysColumn("filling_deadline"),
                 ", $.original_assessor::text, $.original_assessor_superior::text, ",
                 "$.approved_revision, to_jsonb($.unit_path)::text"));
}

std::string PlanColumns(std::string_view alias) {
  return absl::StrCat(
      PlanHeaderColumns(alias), ", ",
      QualifyColumns(alias,
                     "(SELECT jsonb_agg(jsonb_build_array(r.id, r.kind, r.text, "
                     "r.parent_result_id, r.perspective, r.template_id, r.indicators, "
                     "r.cascade_type, r.parent_indicator_id) ORDER BY r.ordinal)::text FROM "
                     "plan_results r WHERE r.plan_id = $.id)"));
}

Plan PlanFromRow(const pqxx::row& row, int o) {
  Plan p;
  p.id = row[o + 0].as<std::string>();
  p.period_id = row[o + 1].as<std::string>();
  p.agency_id = row[o + 2].as<std::string>();
  p.employee.employee_id = row[o + 3].as<std::string>();
  p.employee.nip = row[o + 4].as<std::string>();
  p.employee.name = row[o + 5].as<std::string>();
  p.employee.position_id = row[o + 6].as<std::string>();
  p.employee.position_name = row[o + 7].as<std::string>();
  p.employee.unit_id = row[o + 8].as<std::string>();
  p.employee.unit_name = row[o + 9].as<std::string>();
  p.employee.non_asn = row[o + 10].as<bool>();
  p.employee.acting = row[o + 11].as<std::string>();
  p.employee.rank_label = row[o + 12].as<std::string>();
  p.position_type = row[o + 13].as<std::string>();
  p.assessor = PersonFromJson(row[o + 14]);
  p.assessor_superior = PersonFromJson(row[o + 15]);
  p.state = OrDefault(ParsePlanState(FieldView(row[o + 16]), "state"), PlanState::kDraft);
  p.content.style =
      OrDefault(ParsePlanStyle(FieldView(row[o + 17]), "style"), PlanStyle::kQuantitative);
  p.revision = row[o + 18].as<int>();
  p.revision_reason = row[o + 19].as<std::string>();
  p.return_note = row[o + 20].as<std::string>();
  p.content.behaviours = BehavioursFromColumn(row[o + 21]);
  p.close_reason = row[o + 22].as<std::string>();
  p.end_date = OptionalDayFromField(row[o + 23]);
  p.submit_time = OptionalTimeFromField(row[o + 24]);
  p.approve_time = OptionalTimeFromField(row[o + 25]);
  p.version = row[o + 26].as<int64_t>();
  p.create_time = TimeFromField(row[o + 27]);
  p.update_time = TimeFromField(row[o + 28]);
  p.start_date = DayFromField(row[o + 29]);
  p.filling_deadline = DayFromField(row[o + 30]);
  p.original_assessor = PersonFromJson(row[o + 31]);
  p.original_assessor_superior = PersonFromJson(row[o + 32]);
  p.approved_revision = row[o + 33].as<int>();
  p.unit_path = TextsFromColumn(row[o + 34]);
  p.content.results = ResultsFromColumn(row[o + 35]);
  return p;
}

// --- Templates --------------------------------------------------------------------------------

PlanTemplate TemplateFromRow(const pqxx::row& row) {
  PlanTemplate t;
  t.id = row[0].as<std::string>();
  t.agency_id = row[1].as<std::string>();
  t.name = row[2].as<std::string>();
  t.results = TemplateResultsFromJson(FieldView(row[3]));
  t.version = row[4].as<int64_t>();
  t.create_time = TimeFromField(row[5]);
  // Stored as the 7 values; templates stored before migration 0005 have none (all empty).
  t.behaviours = BehavioursFromColumn(row[6]);
  if (t.behaviours.empty()) t.behaviours = NewContent(PlanStyle::kQuantitative).behaviours;
  return t;
}

// --- Plan facts -------------------------------------------------------------------------------

std::vector<ParentFactsRow> ParentFactsFromColumn(const pqxx::field& field) {
  std::vector<ParentFactsRow> out;
  if (field.is_null()) return out;
  const json rows = json::parse(FieldView(field));
  out.reserve(rows.size());
  for (const json& row : rows) {
    ParentFactsRow parent;
    parent.result_id = row.at(0).get<std::string>();
    parent.facts.plan_id = row.at(1).get<std::string>();
    parent.facts.period_id = row.at(2).get<std::string>();
    parent.facts.owner_employee_id = row.at(3).get<std::string>();
    parent.facts.approved = row.at(4).get<bool>();
    parent.facts.plan_state =
        OrDefault(ParsePlanState(row.at(5).get<std::string>(), "state"), PlanState::kDraft);
    for (const json& id : row.at(6)) {
      if (id.is_string()) parent.facts.indicator_ids.push_back(id.get<std::string>());
    }
    if (row.size() > 7) parent.facts.owner_position_id = row.at(7).get<std::string>();
    out.push_back(std::move(parent));
  }
  return out;
}

std::vector<UnitPolicy> UnitPoliciesFromColumn(const pqxx::field& field) {
  std::vector<UnitPolicy> out;
  if (field.is_null()) return out;
  const json rows = json::parse(FieldView(field));
  out.reserve(rows.size());
  for (const json& row : rows) {
    UnitPolicy policy;
    policy.unit_id = row.at(0).get<std::string>();
    policy.public_service = row.at(1).get<bool>();
    policy.include_subunits = row.at(2).get<bool>();
    policy.survey_id = row.at(3).get<std::string>();
    out.push_back(std::move(policy));
  }
  return out;
}

std::vector<std::string> TextsFromColumn(const pqxx::field& field) {
  std::vector<std::string> out;
  if (field.is_null()) return out;
  const json array = json::parse(FieldView(field));
  out.reserve(array.size());
  for (const json& text : array) out.push_back(text.get<std::string>());
  return out;
}

}  // namespace kinerja::goals::store::internal
