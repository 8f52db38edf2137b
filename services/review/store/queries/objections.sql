-- Objections (objection_store.cc). Rows come back as one JSON object (store/rows.cc).

-- name: ObjectionById
-- $1: id
SELECT to_jsonb(o) FROM objections o WHERE o.id = $1

-- name: LockObjection
-- $1: id
SELECT to_jsonb(o) FROM objections o WHERE o.id = $1 FOR UPDATE

-- name: ObjectionOfAssessment
-- $1: assessment id
SELECT o.id FROM objections o WHERE o.assessment_id = $1

-- name: InsertObjection
-- $1 assessment_id, $2 agency_id, $3 employee_id, $4 employee_nip, $5 filed_date, $6 deadline,
-- $7 employee_explanation
INSERT INTO objections AS o (assessment_id, agency_id, employee_id, employee_nip, state,
                             filed_date, deadline, employee_explanation)
VALUES ($1, $2, $3, $4, 'FILED', $5::date, $6::date, $7)
RETURNING to_jsonb(o)

-- name: SaveObjection
-- $1 id, $2 state, $3 employee_explanation, $4 assessor_explanation, $5 decided_by (json),
-- $6 capacity, $7 recorded_by, $8 results_before, $9 behaviour_before, $10 predicate_before,
-- $11 results_after, $12 behaviour_after, $13 predicate_after, $14 changed, $15 decision_note,
-- $16 decide_time (micros)
UPDATE objections AS o
SET state = $2, employee_explanation = $3, assessor_explanation = $4, decided_by = $5::jsonb,
    capacity = $6, recorded_by = $7, results_before = $8, behaviour_before = $9,
    predicate_before = $10, results_after = $11, behaviour_after = $12, predicate_after = $13,
    changed = $14, decision_note = $15,
    decide_time = timestamptz 'epoch' + $16::bigint * interval '1 microsecond',
    version = o.version + 1
WHERE o.id = $1
RETURNING to_jsonb(o)
