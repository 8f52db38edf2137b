-- Review policies (policy_store.cc). Rows come back as one JSON object (store/rows.cc).

-- name: PolicyByAgency
-- $1: agency id
SELECT to_jsonb(p) FROM review_policies p WHERE p.agency_id = $1

-- name: LockPolicy
-- $1: agency id
SELECT to_jsonb(p) FROM review_policies p WHERE p.agency_id = $1 FOR UPDATE

-- name: UpsertPolicy
-- $1 agency id, $2 objection_days, $3 objection_working_days, $4 holidays (date[] literal),
-- $5 anonymity_threshold, $6 distribution_block, $7 realisation_grace_days, $8 koefisien_id.
-- A concurrent first write of the same agency turns the insert into the update.
INSERT INTO review_policies AS p (agency_id, objection_days, objection_working_days, holidays,
                                  anonymity_threshold, distribution_block, realisation_grace_days,
                                  koefisien_id)
VALUES ($1, $2, $3, $4::date[], $5, $6, $7, $8)
ON CONFLICT (agency_id) DO UPDATE
SET objection_days = EXCLUDED.objection_days,
    objection_working_days = EXCLUDED.objection_working_days, holidays = EXCLUDED.holidays,
    anonymity_threshold = EXCLUDED.anonymity_threshold,
    distribution_block = EXCLUDED.distribution_block,
    realisation_grace_days = EXCLUDED.realisation_grace_days, koefisien_id = EXCLUDED.koefisien_id,
    version = p.version + 1, update_time = now()
RETURNING to_jsonb(p)
