-- Unit policies (unit_policy_store.cc). Times are microseconds since the epoch in results.

-- name: LockUnitPolicy
-- $1: unit id
-- columns in the order of UnitPolicyFromRow (store/rows.cc)
SELECT u.agency_id, u.unit_id, u.public_service, u.version,
       (extract(epoch FROM u.update_time) * 1000000)::bigint, u.include_subunits, u.survey_id
FROM unit_policies u WHERE u.unit_id = $1 FOR UPDATE

-- name: UpsertUnitPolicy
-- $1: unit id, $2: agency id, $3: public_service, $4: include_subunits, $5: survey_id. No row
-- when the unit belongs to another agency; a concurrent first write of the same unit turns the
-- insert into the update.
-- columns returned in the order of UnitPolicyFromRow (store/rows.cc)
INSERT INTO unit_policies AS u (unit_id, agency_id, public_service, include_subunits, survey_id)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (unit_id) DO UPDATE
SET public_service = EXCLUDED.public_service, include_subunits = EXCLUDED.include_subunits,
    survey_id = EXCLUDED.survey_id, version = u.version + 1, update_time = now()
WHERE u.agency_id = EXCLUDED.agency_id
RETURNING u.agency_id, u.unit_id, u.public_service, u.version,
          (extract(epoch FROM u.update_time) * 1000000)::bigint, u.include_subunits, u.survey_id
