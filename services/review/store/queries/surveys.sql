-- Public satisfaction survey results (survey_store.cc).

-- name: SurveyResultExists
-- $1 unit_id, $2 survey_id, $3 period_start, $4 period_end
SELECT s.id FROM survey_results s
WHERE s.unit_id = $1 AND s.survey_id = $2 AND s.period_start = $3::date
  AND s.period_end = $4::date
FOR UPDATE

-- name: UpsertSurveyResult
-- $1 agency_id, $2 unit_id, $3 survey_id, $4 period_start, $5 period_end,
-- $6 ikm_ten_thousandths, $7 respondents. Returns (xmax = 0) = inserted.
INSERT INTO survey_results AS s (agency_id, unit_id, survey_id, period_start, period_end,
                                 ikm_ten_thousandths, respondents)
VALUES ($1, $2, $3, $4::date, $5::date, $6, $7)
ON CONFLICT (unit_id, survey_id, period_start, period_end) DO UPDATE
SET agency_id = EXCLUDED.agency_id, ikm_ten_thousandths = EXCLUDED.ikm_ten_thousandths,
    respondents = EXCLUDED.respondents, version = s.version + 1, import_time = now()
RETURNING s.id, s.agency_id, s.unit_id, s.survey_id, (s.period_start - date '1970-01-01'),
          (s.period_end - date '1970-01-01'), s.ikm_ten_thousandths, s.respondents,
          (extract(epoch FROM s.import_time) * 1000000)::bigint, (s.xmax = 0)
