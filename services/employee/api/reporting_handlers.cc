// Reporting lines: assessor (pejabat penilai kinerja) and the assessor's superior (atasan
// pejabat penilai), direct reports and peers, resolved by the domain (reporting_line.h) over the
// store's org snapshot.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/employee/api/access_support.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/request_support.h"
#include "services/employee/convert/wire.h"
#include "services/employee/domain/access.h"
#include "services/employee/domain/reporting_line.h"

namespace kinerja::employee::api {
namespace {

using server::CallContext;

std::string Lookup(const absl::flat_hash_map<std::string, std::string>& map,
                   const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? std::string() : it->second;
}

convert::OfficialLabels LabelsFor(const store::LoadedOrg& org, const Official& official) {
  convert::OfficialLabels labels;
  labels.position_name = Lookup(org.position_names, official.position_id);
  labels.unit_name = Lookup(org.unit_names, official.unit_id);
  if (official.kind == Official::kAsn) {
    const std::string stored = Lookup(org.rank_labels, official.employee_id);
    labels.rank_label = convert::RankDisplayLabel(stored);
    labels.rank_code = convert::RankCodeOf(stored);
  }
  return labels;
}

// The store's snapshot names leader positions only; staff positions shown in Officials are
// looked up here (few per page: staff share positions).
absl::Status AddPositionName(store::EmployeeStore& store, store::LoadedOrg& org,
                             const std::string& position_id) {
  if (position_id.empty() || org.position_names.contains(position_id)) return absl::OkStatus();
  absl::StatusOr<Position> position = store.GetPosition(position_id);
  if (!position.ok()) return position.status();
  org.position_names[position_id] = position->name;
  return absl::OkStatus();
}

// A delegate's position (their own staff position) is not among the leader positions the
// store names; look it up.
absl::Status AddOfficialNames(store::EmployeeStore& store, store::LoadedOrg& org,
                              const ReportingLine& line) {
  for (const auto* official : {&line.assessor, &line.assessor_superior}) {
    if (*official) RETURN_IF_ERROR(AddPositionName(store, org, (*official)->position_id));
  }
  return absl::OkStatus();
}

// ListReportingLines: default page 100 (a unit's staff in one or two pages), max 500.
constexpr int kDefaultReportingLinesPage = 100;

// The request's date, or today in Asia/Jakarta.
absl::StatusOr<absl::CivilDay> DateOrToday(const google::type::Date& date) {
  if (!rpc::IsSet(date)) return rpc::TodayInJakarta();
  return rpc::DayFromProto(date, "date");
}

// One page of a list sorted by (employee_id, position_id), resuming after `after`.
struct Slice {
  size_t begin = 0;
  size_t end = 0;
  bool has_more = false;
};

Slice PageOf(const std::vector<Assignment>& sorted, const store::PageRequest& page) {
  Slice slice;
  if (page.after.size() == 2) {
    auto key = std::tie(page.after[0], page.after[1]);
    slice.begin = std::upper_bound(sorted.begin(), sorted.end(), key,
                                   [](const auto& k, const Assignment& a) {
                                     return k < std::tie(a.employee_id, a.position_id);
                                   }) -
                  sorted.begin();
  }
  slice.end = std::min(sorted.size(), slice.begin + static_cast<size_t>(page.page_size));
  slice.has_more = slice.end < sorted.size();
  return slice;
}

// Officials for assignments [begin, end): names, NIPs and ranks come from the employee records.
absl::Status AppendOfficials(store::EmployeeStore& store, store::LoadedOrg& org,
                             const std::vector<Assignment>& list, const Slice& slice,
                             google::protobuf::RepeatedPtrField<v1::Official>* out) {
  if (slice.begin >= slice.end) return absl::OkStatus();
  std::vector<std::string> ids;
  for (size_t i = slice.begin; i < slice.end; ++i) ids.push_back(list[i].employee_id);
  ASSIGN_OR_RETURN(std::vector<EmployeeRecord> people, store.BatchGetEmployees(ids));
  for (size_t i = slice.begin; i < slice.end; ++i) {
    const Employee& person = people[i - slice.begin].employee;
    Official official;
    official.kind = Official::kAsn;
    official.employee_id = person.id;
    official.nip = person.nip;
    official.name = person.name;
    official.position_id = list[i].position_id;
    official.unit_id = list[i].unit_id;
    RETURN_IF_ERROR(AddPositionName(store, org, official.position_id));
    convert::OfficialLabels labels = LabelsFor(org, official);
    labels.rank_label = convert::RankDisplayLabel(person.rank);
    labels.rank_code = convert::RankCode(person.rank);
    convert::OfficialToProto(official, labels, out->Add());
  }
  return absl::OkStatus();
}

// Shared by ListDirectReports and ListPeers: access, snapshot, domain resolver, one page.
template <typename Load, typename Resolve>
absl::Status ListRelated(store::EmployeeStore& store, const rpc::PageTokenCodec& codec,
                         const CallContext& call, const char* method,
                         const std::string& employee_id, const google::type::Date& date_in,
                         int page_size, const std::string& page_token, Load load, Resolve resolve,
                         google::protobuf::RepeatedPtrField<v1::Official>* out,
                         std::string* next_page_token) {
  if (employee_id.empty()) return errors::InvalidField("employee_id", "is required");
  ASSIGN_OR_RETURN(absl::CivilDay date, DateOrToday(date_in));
  ASSIGN_OR_RETURN(ListPage list, StartList(codec, page_size, page_token,
                                            {method, employee_id, absl::FormatCivilTime(date)}));
  ASSIGN_OR_RETURN(EmployeeRecord target, store.GetEmployee(employee_id));
  RETURN_IF_ERROR(CheckCanReadEmployee(store, call.principal, target, rpc::TodayInJakarta()));
  ASSIGN_OR_RETURN(store::LoadedOrg org, load(date));
  std::vector<Assignment> related = resolve(org, date);
  std::sort(related.begin(), related.end(), [](const Assignment& a, const Assignment& b) {
    return std::tie(a.employee_id, a.position_id) < std::tie(b.employee_id, b.position_id);
  });
  Slice slice = PageOf(related, list.request);
  RETURN_IF_ERROR(AppendOfficials(store, org, related, slice, out));
  if (slice.has_more) {
    const Assignment& last = related[slice.end - 1];
    *next_page_token = NextPageToken(codec, list, {last.employee_id, last.position_id}, true);
  }
  return absl::OkStatus();
}

}  // namespace

grpc::ServerUnaryReactor* EmployeeService::GetReportingLine(
    grpc::CallbackServerContext* ctx, const v1::GetReportingLineRequest* request,
    v1::ReportingLine* response) {
  return deps_.calls->Unary(
      ctx, *request, "GetReportingLine", [=, this](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(absl::CivilDay date, DateOrToday(request->date()));
        ASSIGN_OR_RETURN(EmployeeRecord target, LoadEmployee(store(), request->employee_id(),
                                                             request->nip(), "employee_id", "nip"));
        RETURN_IF_ERROR(
            CheckCanReadEmployee(store(), call.principal, target, rpc::TodayInJakarta()));
        std::optional<store::PositionOverride> as_position;
        if (!request->position_id().empty()) {
          absl::StatusOr<Position> position = store().GetPosition(request->position_id());
          if (absl::IsNotFound(position.status())) {
            return absl::NotFoundError(
                absl::StrCat("position_id: position ", request->position_id(), " not found"));
          }
          if (!position.ok()) return position.status();
          // A position of another agency (before a transfer in) is that agency's data.
          if (position->agency_id != target.employee.agency_id) {
            RETURN_IF_ERROR(CanReadAgencyData(call.principal, position->agency_id));
          }
          as_position = store::PositionOverride{position->id, position->unit_id};
        }
        ASSIGN_OR_RETURN(store::LoadedOrg org,
                         store().LoadOrgForReportingLine(target.employee.id, date, as_position));

        Official self;
        self.kind = Official::kAsn;
        self.employee_id = target.employee.id;
        self.nip = target.employee.nip;
        self.name = target.employee.name;
        if (org.subject.has_value()) {
          self.position_id = org.subject->position_id;
          self.unit_id = org.subject->unit_id;
          RETURN_IF_ERROR(AddPositionName(store(), org, self.position_id));
        }
        convert::OfficialLabels labels = LabelsFor(org, self);
        labels.rank_label = convert::RankDisplayLabel(target.employee.rank);
        labels.rank_code = convert::RankCode(target.employee.rank);
        convert::OfficialToProto(self, labels, response->mutable_employee());
        rpc::DayToProto(date, response->mutable_date());
        if (!org.subject.has_value()) return absl::OkStatus();  // no position on that date

        ReportingLine line = ResolveReportingLine(org.snapshot, *org.subject, date);
        for (std::string& id : UnitPath(org.snapshot, org.subject->unit_id)) {
          response->add_unit_path(std::move(id));
        }
        RETURN_IF_ERROR(AddOfficialNames(store(), org, line));
        if (line.assessor) {
          convert::OfficialToProto(*line.assessor, LabelsFor(org, *line.assessor),
                                   response->mutable_assessor());
        }
        if (line.assessor_superior) {
          convert::OfficialToProto(*line.assessor_superior, LabelsFor(org, *line.assessor_superior),
                                   response->mutable_assessor_superior());
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListReportingLines(
    grpc::CallbackServerContext* ctx, const v1::ListReportingLinesRequest* request,
    v1::ListReportingLinesResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListReportingLines", [=, this](const CallContext& call) -> absl::Status {
        if (request->unit_id().empty()) return errors::InvalidField("unit_id", "is required");
        ASSIGN_OR_RETURN(absl::CivilDay date, DateOrToday(request->date()));
        if (request->page_size() < 0) {
          return errors::InvalidField("page_size", "must not be negative");
        }
        const int page_size =
            request->page_size() == 0 ? kDefaultReportingLinesPage : request->page_size();
        ASSIGN_OR_RETURN(
            ListPage list,
            StartList(*deps_.page_tokens, page_size, request->page_token(),
                      {"ListReportingLines", request->unit_id(),
                       request->include_subunits() ? "1" : "0", absl::FormatCivilTime(date)}));
        ASSIGN_OR_RETURN(OrgUnit unit, store().GetOrgUnit(request->unit_id()));
        RETURN_IF_ERROR(CanReadAgencyData(call.principal, unit.agency_id));
        ASSIGN_OR_RETURN(store::LoadedUnitOrg loaded,
                         store().LoadOrgForUnit(unit.id, request->include_subunits(), date));
        store::LoadedOrg& org = loaded.org;
        Slice slice = PageOf(loaded.placements, list.request);
        // Resolve the page, then name every position shown in one query.
        std::vector<ReportingLine> lines;
        std::vector<std::string> positions;
        for (size_t i = slice.begin; i < slice.end; ++i) {
          lines.push_back(ResolveReportingLine(org.snapshot, loaded.placements[i], date));
          positions.push_back(loaded.placements[i].position_id);
          for (const auto* o : {&lines.back().assessor, &lines.back().assessor_superior}) {
            if (*o) positions.push_back((*o)->position_id);
          }
        }
        std::erase_if(positions, [&](const std::string& id) {
          return id.empty() || org.position_names.contains(id);
        });
        ASSIGN_OR_RETURN(auto names, store().PositionNames(positions));
        org.position_names.merge(names);
        for (size_t i = slice.begin; i < slice.end; ++i) {
          const Assignment& placement = loaded.placements[i];
          const ReportingLine& line = lines[i - slice.begin];
          v1::ReportingLine* out = response->add_lines();
          Official self = org.snapshot.AsnPerson(placement.employee_id, placement.position_id,
                                                 placement.unit_id, Official::kDefinitive);
          convert::OfficialToProto(self, LabelsFor(org, self), out->mutable_employee());
          if (line.assessor) {
            convert::OfficialToProto(*line.assessor, LabelsFor(org, *line.assessor),
                                     out->mutable_assessor());
          }
          if (line.assessor_superior) {
            convert::OfficialToProto(*line.assessor_superior,
                                     LabelsFor(org, *line.assessor_superior),
                                     out->mutable_assessor_superior());
          }
          rpc::DayToProto(date, out->mutable_date());
          for (std::string& id : UnitPath(org.snapshot, placement.unit_id)) {
            out->add_unit_path(std::move(id));
          }
        }
        if (slice.has_more) {
          const Assignment& last = loaded.placements[slice.end - 1];
          response->set_next_page_token(
              NextPageToken(*deps_.page_tokens, list, {last.employee_id, last.position_id}, true));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListDirectReports(
    grpc::CallbackServerContext* ctx, const v1::ListDirectReportsRequest* request,
    v1::ListDirectReportsResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListDirectReports", [=, this](const CallContext& call) -> absl::Status {
        const std::string& id = request->employee_id();
        return ListRelated(
            store(), *deps_.page_tokens, call, "ListDirectReports", id, request->date(),
            request->page_size(), request->page_token(),
            [&](absl::CivilDay date) { return store().LoadOrgForDirectReports(id, date); },
            [&](const store::LoadedOrg& org, absl::CivilDay date) {
              return DirectReports(org.snapshot, PersonOnly(Official::kAsn, id), date);
            },
            response->mutable_reports(), response->mutable_next_page_token());
      });
}

grpc::ServerUnaryReactor* EmployeeService::ListPeers(grpc::CallbackServerContext* ctx,
                                                     const v1::ListPeersRequest* request,
                                                     v1::ListPeersResponse* response) {
  return deps_.calls->Unary(
      ctx, *request, "ListPeers", [=, this](const CallContext& call) -> absl::Status {
        const std::string& id = request->employee_id();
        return ListRelated(
            store(), *deps_.page_tokens, call, "ListPeers", id, request->date(),
            request->page_size(), request->page_token(),
            [&](absl::CivilDay date) { return store().LoadOrgForPeers(id, date); },
            [&](const store::LoadedOrg& org, absl::CivilDay date) {
              if (!org.subject) return std::vector<Assignment>();
              return Peers(org.snapshot, *org.subject, date);
            },
            response->mutable_peers(), response->mutable_next_page_token());
      });
}

}  // namespace kinerja::employee::api
