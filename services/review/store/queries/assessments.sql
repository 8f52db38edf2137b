-- Assessments (assessment_store.cc). Rows come back as one JSON object (store/rows.cc).

-- name: AssessmentById
-- $1: id
SELECT to_jsonb(a) FROM assessments a WHERE a.id = $1

-- name: LockAssessment
-- $1: id
SELECT to_jsonb(a) FROM assessments a WHERE a.id = $1 FOR UPDATE

-- name: LockAssessmentOfWindow
-- $1: plan id, $2: kind, $3: window index
SELECT to_jsonb(a) FROM assessments a
WHERE a.plan_id = $1 AND a.kind = $2 AND a.window_index = $3 FOR UPDATE

-- name: SaveAssessment
-- Inserts ($1 NULL: a new id) or updates the assessment; every column but the times is given.
-- $1 id, $2 plan_id, $3 plan_revision, $4 period_id, $5 agency_id, $6 unit_id, $7 employee_id,
-- $8 employee_nip, $9 employee (json), $10 employee_siasn_id, $11 position_type,
-- $12 functional_level, $13 unit_head, $14 kind, $15 cadence, $16 window_year, $17 window_index,
-- $18 window_first, $19 window_last, $20 month_start, $21 month_end, $22 results_rating,
-- $23 behaviour_rating, $24 predicate, $25 results_note, $26 behaviour_note, $27 assessor (json),
-- $28 assessor_capacity, $29 recorded_by, $30 state, $31 distribution_justification,
-- $32 distribution_findings (text[] literal), $33 finalise_time (micros), $34 delivered_date,
-- $35 credit_points_thousandths, $36 objection_id, $37 version, $38 behaviour_values (json)
INSERT INTO assessments AS a (
  id, plan_id, plan_revision, period_id, agency_id, unit_id, employee_id, employee_nip, employee,
  employee_siasn_id, position_type, functional_level, unit_head, kind, cadence, window_year,
  window_index, window_first, window_last, month_start, month_end, results_rating,
  behaviour_rating, predicate, results_note, behaviour_note, assessor, assessor_capacity,
  recorded_by, state, distribution_justification, distribution_findings, finalise_time,
  delivered_date, credit_points_thousandths, objection_id, version, behaviour_values)
VALUES (
  COALESCE($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12,
  $13, $14, $15, $16, $17, $18::date, $19::date, $20, $21, $22, $23, $24, $25, $26, $27::jsonb,
  $28, $29, $30, $31, $32::text[], timestamptz 'epoch' + $33::bigint * interval '1 microsecond',
  $34::date, $35, $36, $37, $38::jsonb)
ON CONFLICT (id) DO UPDATE SET
  plan_revision = EXCLUDED.plan_revision, unit_id = EXCLUDED.unit_id,
  employee = EXCLUDED.employee, employee_siasn_id = EXCLUDED.employee_siasn_id,
  position_type = EXCLUDED.position_type, functional_level = EXCLUDED.functional_level,
  unit_head = EXCLUDED.unit_head, results_rating = EXCLUDED.results_rating,
  behaviour_rating = EXCLUDED.behaviour_rating, predicate = EXCLUDED.predicate,
  results_note = EXCLUDED.results_note, behaviour_note = EXCLUDED.behaviour_note,
  behaviour_values = EXCLUDED.behaviour_values,
  assessor = EXCLUDED.assessor, assessor_capacity = EXCLUDED.assessor_capacity,
  recorded_by = EXCLUDED.recorded_by, state = EXCLUDED.state,
  distribution_justification = EXCLUDED.distribution_justification,
  distribution_findings = EXCLUDED.distribution_findings,
  finalise_time = EXCLUDED.finalise_time, delivered_date = EXCLUDED.delivered_date,
  credit_points_thousandths = EXCLUDED.credit_points_thousandths,
  objection_id = EXCLUDED.objection_id, version = EXCLUDED.version, update_time = now()
RETURNING to_jsonb(a)

-- name: FinalisedStaffPredicates
-- The unit's finalised staff predicates (unit heads excluded) of a period, kind and window,
-- without one assessment. $1 unit, $2 period, $3 kind, $4 window index, $5 assessment id
SELECT a.predicate, count(*)::integer FROM assessments a
WHERE a.unit_id = $1 AND a.period_id = $2 AND a.kind = $3 AND a.window_index = $4
  AND a.state = 'FINALISED' AND NOT a.unit_head AND a.id <> $5
GROUP BY a.predicate

-- name: FinalisedInUnitPeriod
-- How many assessments of the unit for the period are finalised (unit head included).
-- $1 unit, $2 period
SELECT count(*)::integer FROM assessments a
WHERE a.unit_id = $1 AND a.period_id = $2 AND a.state = 'FINALISED'

-- name: LinkObjection
-- The assessment names its objection. Not a change of the result: the version (etag, export
-- state) stays. $1 assessment id, $2 objection id
UPDATE assessments AS a SET objection_id = $2, update_time = now() WHERE a.id = $1
RETURNING to_jsonb(a)
