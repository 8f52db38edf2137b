// UNOR import: staged SIASN UNOR records become org units (same ids) with one leader position
// each (id "pos-" + md5("leader:" + unit id)), set-based.
//
// Rules:
// - a record's parent must be a unit of the same agency, in this import or already stored, and
//   reachable from a root through the resulting tree (otherwise: unknown parent or a cycle);
// - a unit id stored under another agency is rejected;
// - an existing unit keeps a leader position set by hand; the imported leader position is
//   created / updated only while it is the unit's leader position;
// - leader position type: from the echelon (PositionTypeForEselon); without an echelon a root
//   unit's leader is the political head (JPT_UTAMA with NON-ASN holder = namaJabatan when no
//   pemimpinPnsId, e.g. "Wali Kota"), other units' leaders are PENGAWAS (lowest assessor type;
//   HR may correct). The NON-ASN holder name is only set when the position is created.
// - re-running the same records changes nothing and emits nothing.
#include <string>

#include "absl/strings/str_cat.h"
#include "services/employee/convert/resources.h"
#include "services/employee/store/import_session.h"
#include "services/employee/store/rows.h"

namespace kinerja::employee::store::internal {

const char kUnorStagingDdl[] =
    "CREATE TEMP TABLE stage_unor ("
    "  line bigint NOT NULL, id text COLLATE \"C\" NOT NULL, parent_id text COLLATE \"C\","
    "  name text NOT NULL, leader_name text NOT NULL, leader_type text NOT NULL,"
    "  leader_siasn_id text COLLATE \"C\","
    "  eselon smallint, holder text NOT NULL) ON COMMIT DROP";

const std::vector<std::string>& UnorStagingColumns() {
  static const auto* columns = new std::vector<std::string>{
      "line",   "id",    "parent_id", "name", "leader_name", "leader_type", "leader_siasn_id",
      "eselon", "holder"};
  return *columns;
}

void StageUnor(const SiasnUnorRecord& r, int64_t line, std::string& out) {
  std::string leader_name =
      r.leader_position_name.empty() ? absl::StrCat("Kepala ", r.name) : r.leader_position_name;
  PositionType type = PositionType::kPengawas;
  std::string_view holder;
  if (r.eselon) {
    type = PositionTypeForEselon(*r.eselon);
  } else if (r.parent_id.empty()) {
    type = PositionType::kJptUtama;
    if (r.leader_siasn_id.empty()) holder = leader_name;
  }
  CopyLine l(out);
  l.Int(line).Text(r.id);
  if (r.parent_id.empty()) {
    l.Null();
  } else {
    l.Text(r.parent_id);
  }
  l.Text(r.name).Text(leader_name).Raw(PositionTypeName(type));
  if (r.leader_siasn_id.empty()) {
    l.Null();
  } else {
    l.Text(r.leader_siasn_id);
  }
  if (r.eselon) {
    l.Int(EselonCode(*r.eselon));
  } else {
    l.Null();
  }
  l.Text(holder).End();
}

absl::Status MergeUnor(ImportSessionImpl& session) {
  pqxx::work& tx = session.tx();
  const std::string& agency = session.options().agency_id;
  tx.exec0("ANALYZE stage_unor");

  // 1. Classify: which staged units land in this agency's tree. A staged unit's stored agency
  // is one primary-key probe per staged row (a scalar subquery): as a join or NOT EXISTS the
  // planner hashed all org_units (~58k rows at 1M employees), twice, on every import.
  tx.exec_params0(
      "CREATE TEMP TABLE unor ON COMMIT DROP AS "
      "WITH RECURSIVE staged AS ("
      "  SELECT s.*, (SELECT o.agency_id FROM org_units o WHERE o.id = s.id) AS stored_agency"
      "  FROM stage_unor s"
      "), final(id, parent_id) AS ("
      "  SELECT id, parent_id FROM staged WHERE stored_agency IS NULL OR stored_agency = $1"
      "  UNION ALL"
      "  SELECT u.id, u.parent_id FROM org_units u WHERE u.agency_id = $1"
      "  AND NOT EXISTS (SELECT 1 FROM stage_unor s WHERE s.id = u.id)"
      "), reach(id) AS ("
      "  SELECT id FROM final WHERE parent_id IS NULL"
      "  UNION"
      "  SELECT f.id FROM final f JOIN reach r ON f.parent_id = r.id"
      ") "
      "SELECT s.*, CASE WHEN s.stored_agency <> $1 THEN 'id' WHEN r.id IS NULL THEN 'diatasanId' "
      "  END AS err_field "
      "FROM staged s LEFT JOIN reach r ON r.id = s.id",
      agency);
  pqxx::result errors_found = tx.exec(
      "SELECT line, err_field, stored_agency FROM unor WHERE err_field IS NOT NULL ORDER BY line");
  for (const pqxx::row& row : errors_found) {
    const std::string field = row[1].as<std::string>();
    session.RecordError(row[0].as<int64_t>(), field,
                        field == "id"
                            ? absl::StrCat("unit belongs to agency ", row[2].c_str())
                            : std::string("unknown parent unit (neither in this import nor in "
                                          "this agency) or a cycle"));
  }

  // 2. Units. The changed rows are kept whole (RETURNING) for their events: joining their ids
  // back to org_units / positions made the planner merge-join the whole positions table (~500k
  // rows at 1M employees) on every import.
  tx.exec0(
      "CREATE TEMP TABLE unit_changes ON COMMIT DROP AS"
      "  SELECT u.*, true AS inserted FROM org_units u WITH NO DATA;"
      "CREATE TEMP TABLE position_changes ON COMMIT DROP AS"
      "  SELECT p.*, true AS inserted FROM positions p WITH NO DATA");
  tx.exec_params0(
      "WITH up AS ("
      "  INSERT INTO org_units AS u (id, agency_id, parent_id, name, eselon, leader_siasn_id,"
      "    leader_position_id)"
      "  SELECT s.id, $1, s.parent_id, s.name, s.eselon, s.leader_siasn_id,"
      "    'pos-' || md5('leader:' || s.id)"
      "  FROM unor s WHERE s.err_field IS NULL"
      "  ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,"
      "    eselon = EXCLUDED.eselon, leader_siasn_id = EXCLUDED.leader_siasn_id,"
      "    leader_position_id = coalesce(u.leader_position_id, EXCLUDED.leader_position_id),"
      "    version = u.version + 1, update_time = now()"
      "  WHERE (u.parent_id, u.name, u.eselon, u.leader_siasn_id) IS DISTINCT FROM"
      "    (EXCLUDED.parent_id, EXCLUDED.name, EXCLUDED.eselon, EXCLUDED.leader_siasn_id)"
      "    OR u.leader_position_id IS NULL"
      "  RETURNING u.*, (u.xmax = 0) AS inserted"
      ") INSERT INTO unit_changes SELECT * FROM up",
      agency);

  // 3. Their imported leader positions.
  tx.exec_params0(
      "WITH up AS ("
      "  INSERT INTO positions AS p (id, agency_id, unit_id, name, type, eselon,"
      "    non_asn_holder_name)"
      "  SELECT 'pos-' || md5('leader:' || s.id), $1, s.id, s.leader_name, s.leader_type,"
      "    s.eselon, s.holder"
      "  FROM unor s"
      "  WHERE s.err_field IS NULL AND (SELECT u.leader_position_id FROM org_units u"
      "    WHERE u.id = s.id) = 'pos-' || md5('leader:' || s.id)"
      "  ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,"
      "    eselon = EXCLUDED.eselon, version = p.version + 1, update_time = now()"
      "  WHERE (p.name, p.type, p.eselon) IS DISTINCT FROM"
      "    (EXCLUDED.name, EXCLUDED.type, EXCLUDED.eselon)"
      "  RETURNING p.*, (p.xmax = 0) AS inserted"
      ") INSERT INTO position_changes SELECT * FROM up",
      agency);

  // 4. Counts: a unit is updated when its row or its leader position changed.
  pqxx::row counts = tx.exec1(
      "SELECT (SELECT count(*) FROM unor WHERE err_field IS NULL),"
      "  (SELECT count(*) FROM unit_changes WHERE inserted),"
      "  (SELECT count(*) FROM (SELECT id FROM unit_changes WHERE NOT inserted"
      "     UNION SELECT unit_id FROM position_changes WHERE NOT inserted"
      "       AND unit_id NOT IN (SELECT id FROM unit_changes WHERE inserted)) c)");
  ImportCounts& c = session.counts();
  c.created = counts[1].as<int64_t>();
  c.updated = counts[2].as<int64_t>();
  c.unchanged = counts[0].as<int64_t>() - c.created - c.updated;

  // 5. Events, through COPY.
  ForEachBatch(tx,
               absl::StrCat("SELECT ", OrgUnitColumns("u"), " FROM unit_changes u ORDER BY u.id"),
               20000, [&](const pqxx::result& rows) {
                 OutboxCopy out(tx, session.options().write);
                 v1::OrgUnitChanged event;
                 for (const pqxx::row& row : rows) {
                   OrgUnit unit = OrgUnitFromRow(row);
                   *event.mutable_unit() = convert::ToProto(unit);
                   out.Add(kOrgUnitChanged, "org_unit", unit.id, event);
                 }
                 out.Complete();
               });
  ForEachBatch(
      tx, absl::StrCat("SELECT ", PositionColumns("p"), " FROM position_changes p ORDER BY p.id"),
      20000, [&](const pqxx::result& rows) {
        OutboxCopy out(tx, session.options().write);
        v1::PositionChanged event;
        for (const pqxx::row& row : rows) {
          Position position = PositionFromRow(row);
          *event.mutable_position() = convert::ToProto(position);
          out.Add(kPositionChanged, "position", position.id, event);
        }
        out.Complete();
      });
  return absl::OkStatus();
}

}  // namespace kinerja::employee::store::internal
