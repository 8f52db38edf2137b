-- Organisation predicates (org_predicate_store.cc). Rows come back as one JSON object.

-- name: LockOrgPredicate
-- $1 unit, $2 period. The row every finalisation of the unit's assessments of the period locks.
SELECT to_jsonb(o) FROM org_predicates o WHERE o.unit_id = $1 AND o.period_id = $2 FOR UPDATE

-- name: OrgPredicateOf
-- $1 unit, $2 period
SELECT to_jsonb(o) FROM org_predicates o WHERE o.unit_id = $1 AND o.period_id = $2

-- name: UpsertOrgPredicate
-- $1 agency, $2 unit, $3 period, $4 predicate, $5 decided_by (json), $6 capacity,
-- $7 recorded_by, $8 note, $9 decide_time (micros). A concurrent first decision on the same unit
-- and period turns the insert into the update.
INSERT INTO org_predicates AS o (agency_id, unit_id, period_id, predicate, decided_by, capacity,
                                 recorded_by, note, decide_time)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8,
        timestamptz 'epoch' + $9::bigint * interval '1 microsecond')
ON CONFLICT (unit_id, period_id) DO UPDATE
SET predicate = EXCLUDED.predicate, decided_by = EXCLUDED.decided_by,
    capacity = EXCLUDED.capacity, recorded_by = EXCLUDED.recorded_by, note = EXCLUDED.note,
    decide_time = EXCLUDED.decide_time, version = o.version + 1
RETURNING to_jsonb(o)
