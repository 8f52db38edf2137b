-- The review service's events (ingest_review.cc).

-- Assessments are written a batch at a time (assessment_batch.cc): each statement takes the
-- batch as one JSON parameter, the latest event of each assessment.

-- name: AssessmentsBefore
-- $1 JSON array of assessment ids: what their counters and compliance depended on before this
-- batch (locked).
SELECT assessment_id, finalised, kind, year, window_index, agency_id, unit_id, position_type,
       predicate, period_id
FROM assessments
WHERE assessment_id IN (SELECT jsonb_array_elements_text($1::jsonb))
ORDER BY assessment_id
FOR UPDATE

-- name: UpsertAssessments
-- $1 JSON array of objects (the columns of `assessments`, finalise_time as microseconds since
-- the epoch): those with a newer sequence than their row are written, their ids returned.
INSERT INTO assessments AS a (assessment_id, plan_id, period_id, agency_id, year, kind,
                              window_index, window_end, unit_id, unit_head, position_type,
                              employee_id, nip, name, assessor_nip, assessor_name, results_rating,
                              behaviour_rating, predicate, finalised, finalise_time, seq)
SELECT x.assessment_id, x.plan_id, x.period_id, x.agency_id, x.year, x.kind, x.window_index,
       x.window_end, x.unit_id, x.unit_head, x.position_type, x.employee_id, x.nip, x.name,
       x.assessor_nip, x.assessor_name, x.results_rating, x.behaviour_rating, x.predicate,
       x.finalised, timestamptz 'epoch' + x.finalise_micros * interval '1 microsecond', x.seq
FROM jsonb_to_recordset($1::jsonb) AS x(
  assessment_id text, plan_id text, period_id text, agency_id text, year integer, kind text,
  window_index integer, window_end date, unit_id text, unit_head boolean, position_type text,
  employee_id text, nip text, name text, assessor_nip text, assessor_name text,
  results_rating smallint, behaviour_rating smallint, predicate smallint, finalised boolean,
  finalise_micros bigint, seq bigint)
ON CONFLICT (assessment_id) DO UPDATE
SET plan_id = EXCLUDED.plan_id, period_id = EXCLUDED.period_id, agency_id = EXCLUDED.agency_id,
    year = EXCLUDED.year, kind = EXCLUDED.kind, window_index = EXCLUDED.window_index,
    window_end = EXCLUDED.window_end, unit_id = EXCLUDED.unit_id,
    unit_head = EXCLUDED.unit_head, position_type = EXCLUDED.position_type,
    employee_id = EXCLUDED.employee_id, nip = EXCLUDED.nip, name = EXCLUDED.name,
    assessor_nip = EXCLUDED.assessor_nip, assessor_name = EXCLUDED.assessor_name,
    results_rating = EXCLUDED.results_rating, behaviour_rating = EXCLUDED.behaviour_rating,
    predicate = EXCLUDED.predicate, finalised = EXCLUDED.finalised,
    finalise_time = EXCLUDED.finalise_time, seq = EXCLUDED.seq
WHERE a.seq < EXCLUDED.seq
RETURNING assessment_id

-- name: DeleteAssessmentValues
-- $1 JSON array of the assessment ids written: their per-value ratings are replaced.
DELETE FROM assessment_values
WHERE assessment_id IN (SELECT jsonb_array_elements_text($1::jsonb))

-- name: InsertAssessmentValues
-- $1 JSON array of {assessment_id, core_value, rating}.
INSERT INTO assessment_values (assessment_id, core_value, rating)
SELECT x.assessment_id, x.core_value, x.rating
FROM jsonb_to_recordset($1::jsonb) AS x(assessment_id text, core_value text, rating smallint)
ON CONFLICT (assessment_id, core_value) DO UPDATE SET rating = EXCLUDED.rating

-- name: AddPredicateCounts
-- $1 JSON array of {year, kind, window_index, agency_id, unit_id, position_type, predicate, n}
-- (n the change, one object per unit's counter): the unit's and the agency's counters together.
WITH delta AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    year integer, kind text, window_index integer, agency_id text, unit_id text,
    position_type text, predicate smallint, n integer)
),
unit_count AS (
  INSERT INTO predicate_counts AS c (year, kind, window_index, agency_id, unit_id, position_type,
                                     predicate, n)
  SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate, n FROM delta
  ON CONFLICT (year, kind, window_index, agency_id, unit_id, position_type, predicate)
  DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING 1
)
INSERT INTO agency_predicate_counts AS c (year, kind, window_index, agency_id, position_type,
                                          predicate, n)
SELECT year, kind, window_index, agency_id, position_type, predicate, sum(n)
FROM delta
GROUP BY year, kind, window_index, agency_id, position_type, predicate
ON CONFLICT (year, kind, window_index, agency_id, position_type, predicate)
DO UPDATE SET n = c.n + EXCLUDED.n

-- name: UpsertRealisation
-- $1 id, $2 plan, $3 indicator, $4 year, $5 window index, $6 window end, $7 value (NULL),
-- $8 evidence count, $9 late, $10 seq
INSERT INTO realisations AS r (realisation_id, plan_id, indicator_id, year, window_index,
                               window_end, value, evidence_count, late, seq)
VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10)
ON CONFLICT (realisation_id) DO UPDATE
SET plan_id = EXCLUDED.plan_id, indicator_id = EXCLUDED.indicator_id, year = EXCLUDED.year,
    window_index = EXCLUDED.window_index, window_end = EXCLUDED.window_end,
    value = EXCLUDED.value, evidence_count = EXCLUDED.evidence_count, late = EXCLUDED.late,
    seq = EXCLUDED.seq
WHERE r.seq < EXCLUDED.seq
RETURNING realisation_id

-- name: UpsertFeedbackSummary
-- $1 round, $2 agency, $3 employee, $4 plan, $5 raters, $6 below[7], $7 as expected[7],
-- $8 above[7], $9 seq
INSERT INTO feedback_summaries AS f (round_id, agency_id, employee_id, plan_id, raters, below,
                                     as_expected, above, seq)
VALUES ($1, $2, $3, $4, $5, $6::integer[], $7::integer[], $8::integer[], $9)
ON CONFLICT (round_id) DO UPDATE
SET raters = EXCLUDED.raters, below = EXCLUDED.below, as_expected = EXCLUDED.as_expected,
    above = EXCLUDED.above, seq = EXCLUDED.seq
WHERE f.seq < EXCLUDED.seq
RETURNING round_id

-- name: UpsertOrgPredicate
-- $1 unit, $2 period, $3 agency, $4 predicate (1..5), $5 seq
INSERT INTO org_predicates AS o (unit_id, period_id, agency_id, predicate, seq)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (unit_id, period_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, predicate = EXCLUDED.predicate, seq = EXCLUDED.seq
WHERE o.seq < EXCLUDED.seq
RETURNING unit_id

-- name: UpsertObjection
-- $1 id, $2 assessment, $3 agency, $4 state, $5 predicate before (NULL), $6 after (NULL), $7 seq
INSERT INTO objections AS o (objection_id, assessment_id, agency_id, state, predicate_before,
                             predicate_after, seq)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (objection_id) DO UPDATE
SET state = EXCLUDED.state, predicate_before = EXCLUDED.predicate_before,
    predicate_after = EXCLUDED.predicate_after, seq = EXCLUDED.seq
WHERE o.seq < EXCLUDED.seq
RETURNING objection_id

-- name: UpsertSurveyResult
-- $1 id, $2 agency, $3 unit, $4 survey, $5 period end, $6 ikm, $7 respondents, $8 seq
INSERT INTO survey_results AS s (result_id, agency_id, unit_id, survey_id, period_end, ikm,
                                 respondents, seq)
VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8)
ON CONFLICT (result_id) DO UPDATE
SET unit_id = EXCLUDED.unit_id, survey_id = EXCLUDED.survey_id, period_end = EXCLUDED.period_end,
    ikm = EXCLUDED.ikm, respondents = EXCLUDED.respondents, seq = EXCLUDED.seq
WHERE s.seq < EXCLUDED.seq
RETURNING result_id

-- name: UpsertReviewPolicy
-- $1 agency, $2 realisation grace days, $3 seq
INSERT INTO review_policies AS r (agency_id, realisation_grace_days, seq) VALUES ($1, $2, $3)
ON CONFLICT (agency_id) DO UPDATE
SET realisation_grace_days = EXCLUDED.realisation_grace_days, seq = EXCLUDED.seq
WHERE r.seq < EXCLUDED.seq
RETURNING agency_id
