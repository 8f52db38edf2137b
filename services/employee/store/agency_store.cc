// Agencies (instansi): create, get, list by id, update with etag.
#include <string>

#include "absl/strings/str_cat.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/employee_store.h"
#include "services/employee/store/rows.h"
#include "shared/db/query.h"

namespace kinerja::employee::store {
namespace {

const std::string& SelectAgency() {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", internal::AgencyColumns("a"), " FROM agencies a"));
  return *sql;
}

}  // namespace

absl::StatusOr<Agency> EmployeeStore::CreateAgency(const Agency& agency,
                                                   const WriteOptions& write) {
  RETURN_IF_ERROR(ValidateNewAgency(agency));
  return internal::RunWrite<Agency>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Agency> {
    static const db::Query* sql = new db::Query{
        "employee.agency_store.1",
        absl::StrCat(
            "INSERT INTO agencies AS a (id, name, kind, head_title) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (id) DO NOTHING RETURNING ",
            internal::AgencyColumns("a"), ", to_jsonb(a.*)::text")};
    pqxx::result r = db::Exec(tx, *sql, agency.id, agency.name,
                              std::string(AgencyKindName(agency.kind)), agency.head_title);
    if (r.empty()) {
      return absl::AlreadyExistsError(absl::StrCat("agency ", agency.id, " already exists"));
    }
    Agency created = internal::AgencyFromRow(r[0]);
    internal::Audit(tx, write, "agency.create", "agency", created.id, std::nullopt,
                    r[0][7].as<std::string>());
    v1::AgencyChanged event;
    *event.mutable_agency() = convert::ToProto(created);
    internal::Emit(tx, write, internal::kAgencyChanged, "agency", created.id, event);
    return created;
  });
}

absl::StatusOr<Agency> EmployeeStore::GetAgency(const std::string& id) {
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Agency> {
    static const db::Query* sql =
        new db::Query{"employee.agency_store.2", SelectAgency() + " WHERE a.id = $1"};
    pqxx::result r = db::Exec(tx, *sql, id);
    if (r.empty()) return errors::NotFound("agency", id);
    return internal::AgencyFromRow(r[0]);
  });
}

absl::StatusOr<Page<Agency>> EmployeeStore::ListAgencies(const PageRequest& page) {
  if (page.page_size < 1) return errors::InvalidField("page_size", "must be at least 1");
  if (page.after.size() > 1) return errors::InvalidField("page_token", "does not fit this list");
  return internal::RunRead(pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<Agency>> {
    static const db::Query* sql = new db::Query{
        "employee.agency_store.3",
        SelectAgency() + " WHERE $1::text IS NULL OR a.id > $1 ORDER BY a.id LIMIT $2"};
    std::optional<std::string> after;
    if (!page.after.empty()) after = page.after[0];
    pqxx::result r = db::Exec(tx, *sql, after, page.page_size + 1);
    Page<Agency> out;
    for (const pqxx::row& row : r) {
      if (static_cast<int>(out.items.size()) == page.page_size) {
        out.has_more = true;
        break;
      }
      out.items.push_back(internal::AgencyFromRow(row));
    }
    if (out.has_more) out.last_key = {out.items.back().id};
    return out;
  });
}

absl::StatusOr<Agency> EmployeeStore::UpdateAgency(const AgencyUpdate& update,
                                                   const WriteOptions& write) {
  if (update.id.empty()) return errors::InvalidField("id", "is required");
  return internal::RunWrite<Agency>(pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<Agency> {
    static const db::Query* lock = new db::Query{
        "employee.agency_store.4",
        absl::StrCat("SELECT ", internal::AgencyColumns("a"),
                     ", to_jsonb(a.*)::text FROM agencies a WHERE a.id = $1 FOR UPDATE")};
    pqxx::result current = db::Exec(tx, *lock, update.id);
    if (current.empty()) return errors::NotFound("agency", update.id);
    Agency agency = internal::AgencyFromRow(current[0]);
    RETURN_IF_ERROR(internal::CheckVersion(update.expected_version, agency.version,
                                           absl::StrCat("agency ", update.id)));
    Agency changed = agency;
    ASSIGN_OR_RETURN(bool differs, ApplyAgencyUpdate(changed, update));
    if (!differs) return agency;  // nothing to change: no version bump, no event
    static const db::Query* sql =
        new db::Query{"employee.agency_store.5",
                      absl::StrCat("UPDATE agencies AS a SET name = $2, kind = $3, head_title = "
                                   "$4, version = version + 1, "
                                   "update_time = now() WHERE a.id = $1 RETURNING ",
                                   internal::AgencyColumns("a"), ", to_jsonb(a.*)::text")};
    pqxx::result r = db::Exec(tx, *sql, update.id, changed.name,
                              std::string(AgencyKindName(changed.kind)), changed.head_title);
    Agency updated = internal::AgencyFromRow(r[0]);
    internal::Audit(tx, write, "agency.update", "agency", updated.id,
                    current[0][7].as<std::string>(), r[0][7].as<std::string>());
    v1::AgencyChanged event;
    *event.mutable_agency() = convert::ToProto(updated);
    internal::Emit(tx, write, internal::kAgencyChanged, "agency", updated.id, event);
    return updated;
  });
}

}  // namespace kinerja::employee::store
