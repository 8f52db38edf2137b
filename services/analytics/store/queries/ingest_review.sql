-- The review service's events (ingest_review.cc).

-- name: AssessmentBefore
-- $1 assessment: what its counters and compliance depended on before this event (locked).
SELECT finalised, kind, year, window_index, agency_id, unit_id, position_type, predicate,
       unit_head, period_id, seq
FROM assessments WHERE assessment_id = $1 FOR UPDATE

-- name: UpsertAssessment
-- $1 id, $2 plan, $3 period, $4 agency, $5 year, $6 kind, $7 window index, $8 window end,
-- $9 unit, $10 unit head, $11 position type, $12 employee, $13 nip, $14 name, $15 assessor nip,
-- $16 assessor name, $17 results rating, $18 behaviour rating, $19 predicate, $20 finalised,
-- $21 finalise time (micros, NULL), $22 seq
INSERT INTO assessments AS a (assessment_id, plan_id, period_id, agency_id, year, kind,
                              window_index, window_end, unit_id, unit_head, position_type,
                              employee_id, nip, name, assessor_nip, assessor_name, results_rating,
                              behaviour_rating, predicate, finalised, finalise_time, seq)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
        $19, $20, timestamptz 'epoch' + $21::bigint * interval '1 microsecond', $22)
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
-- $1 assessment
DELETE FROM assessment_values WHERE assessment_id = $1

-- name: InsertAssessmentValue
-- $1 assessment, $2 core value, $3 rating
INSERT INTO assessment_values (assessment_id, core_value, rating) VALUES ($1, $2, $3)
ON CONFLICT (assessment_id, core_value) DO UPDATE SET rating = EXCLUDED.rating

-- name: AddPredicateCount
-- $1 year, $2 kind, $3 window index, $4 agency, $5 unit, $6 position type, $7 predicate,
-- $8 delta (+1 / -1): the unit's and the agency's counters together.
WITH unit_count AS (
  INSERT INTO predicate_counts AS c (year, kind, window_index, agency_id, unit_id, position_type,
                                     predicate, n)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (year, kind, window_index, agency_id, unit_id, position_type, predicate)
  DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING 1
)
INSERT INTO agency_predicate_counts AS c (year, kind, window_index, agency_id, position_type,
                                          predicate, n)
VALUES ($1, $2, $3, $4, $6, $7, $8)
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
