-- Participation and late entries (report_reader.cc): the rows the domain's window and deadline
-- arithmetic (domain/participation.h) runs on. Plans are grouped by what the arithmetic depends
-- on, so a national read model returns a few thousand groups rather than millions of plans.
-- Scope parameters of every query: $1 year, $2 period id ('' every period of the year), $3
-- position type ('' all), $4 every agency (boolean), $5 agency ids (text[]), $6 subtree root
-- ('' none). Days are days since 1970-01-01.

-- name: PlanDeadlineGroups
-- Plans not closed, by deadline, extension, submitted, first approval day (Asia/Jakarta).
SELECT COALESCE(p.filling_deadline, pe.filling_deadline) - DATE '1970-01-01',
       x.until - DATE '1970-01-01',
       (p.submit_time IS NOT NULL OR p.first_approve_time IS NOT NULL),
       (p.first_approve_time AT TIME ZONE 'Asia/Jakarta')::date - DATE '1970-01-01',
       count(*)
FROM plans p
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN deadline_extensions x ON x.period_id = p.period_id AND x.employee_id = p.employee_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.state <> 'CLOSED'
GROUP BY 1, 2, 3, 4

-- name: ApprovedPlanWindowGroups
-- Approved plans (closed ones too: their windows end on their last day) by cadence, days and
-- realisation grace days ($7: the default when the agency's review policy is unknown), with
-- their count.
SELECT pe.cadence,
       COALESCE(p.start_date, pe.start_date) - DATE '1970-01-01',
       COALESCE(p.end_date, pe.end_date) - DATE '1970-01-01',
       COALESCE(rp.realisation_grace_days, $7::int),
       count(*)
FROM plans p
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN review_policies rp ON rp.agency_id = p.agency_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.first_approve_time IS NOT NULL
GROUP BY 1, 2, 3, 4

-- name: ApprovedPlanIndicatorGroups
-- The indicators of approved plans' content by the plan's group (as ApprovedPlanWindowGroups,
-- $7 the default grace days) and the day they are due from (NULL: the plan's start): their
-- count.
SELECT pe.cadence,
       COALESCE(p.start_date, pe.start_date) - DATE '1970-01-01',
       COALESCE(p.end_date, pe.end_date) - DATE '1970-01-01',
       COALESCE(rp.realisation_grace_days, $7::int),
       i.due_from - DATE '1970-01-01',
       count(*)
FROM plans p
JOIN periods pe ON pe.period_id = p.period_id
JOIN plan_indicators i ON i.plan_id = p.plan_id
LEFT JOIN review_policies rp ON rp.agency_id = p.agency_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.first_approve_time IS NOT NULL
GROUP BY 1, 2, 3, 4, 5

-- name: RealisationWindowGroups
-- Realisations of approved plans for indicators of the approved content in force in their window
-- (due from before the window's end), by the plan's group
-- (as ApprovedPlanWindowGroups, $7 the default grace days) and window: distinct indicators
-- realised, and those entered late.
SELECT pe.cadence,
       COALESCE(p.start_date, pe.start_date) - DATE '1970-01-01',
       COALESCE(p.end_date, pe.end_date) - DATE '1970-01-01',
       COALESCE(rp.realisation_grace_days, $7::int),
       r.window_index,
       count(DISTINCT (r.plan_id, r.indicator_id)),
       count(DISTINCT (r.plan_id, r.indicator_id)) FILTER (WHERE r.late)
FROM realisations r
JOIN plans p ON p.plan_id = r.plan_id
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN review_policies rp ON rp.agency_id = p.agency_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.first_approve_time IS NOT NULL
  AND EXISTS (SELECT 1 FROM plan_indicators i
              WHERE i.plan_id = r.plan_id AND i.indicator_id = r.indicator_id
                AND (i.due_from IS NULL OR r.window_end >= i.due_from))
GROUP BY 1, 2, 3, 4, 5

-- name: FinalisedAssessmentWindowGroups
-- Finalised assessments of approved plans by the plan's group ($7 the default grace days), kind
-- and window (0 annual): distinct plans.
SELECT pe.cadence,
       COALESCE(p.start_date, pe.start_date) - DATE '1970-01-01',
       COALESCE(p.end_date, pe.end_date) - DATE '1970-01-01',
       COALESCE(rp.realisation_grace_days, $7::int),
       a.kind,
       a.window_index,
       count(DISTINCT a.plan_id)
FROM assessments a
JOIN plans p ON p.plan_id = a.plan_id
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN review_policies rp ON rp.agency_id = p.agency_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.first_approve_time IS NOT NULL AND a.finalised
GROUP BY 1, 2, 3, 4, 5, 6

-- name: UnapprovedPlans
-- Late entries: plans not closed and never approved, with their deadline and extension.
SELECT p.plan_id, p.employee_id, p.nip, p.name, p.unit_id, COALESCE(u.name, ''),
       COALESCE(p.filling_deadline, pe.filling_deadline) - DATE '1970-01-01',
       x.until - DATE '1970-01-01'
FROM plans p
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN deadline_extensions x ON x.period_id = p.period_id AND x.employee_id = p.employee_id
LEFT JOIN units u ON u.unit_id = p.unit_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.state <> 'CLOSED' AND p.first_approve_time IS NULL

-- name: ApprovedPlanProgress
-- Late entries: approved plans with their windows' facts ($7 the default grace days): the days
-- their indicators are due from (JSON array, null: the plan's start), realisations filed per
-- window of the indicators in force in it ({"window": distinct indicators}), windows with a
-- finalised periodic assessment, whether the annual one is finalised.
SELECT p.plan_id, p.employee_id, p.nip, p.name, p.unit_id, COALESCE(u.name, ''),
       p.assessor_nip, p.assessor_name, pe.cadence,
       COALESCE(p.start_date, pe.start_date) - DATE '1970-01-01',
       COALESCE(p.end_date, pe.end_date) - DATE '1970-01-01',
       COALESCE(rp.realisation_grace_days, $7::int),
       COALESCE((SELECT json_agg(i.due_from - DATE '1970-01-01')::text FROM plan_indicators i
                 WHERE i.plan_id = p.plan_id), '[]'),
       COALESCE((SELECT json_object_agg(w.window_index, w.n)::text
                 FROM (SELECT r.window_index, count(DISTINCT r.indicator_id) AS n
                       FROM realisations r
                       WHERE r.plan_id = p.plan_id
                         AND EXISTS (SELECT 1 FROM plan_indicators i
                                     WHERE i.plan_id = r.plan_id
                                       AND i.indicator_id = r.indicator_id
                                       AND (i.due_from IS NULL
                                            OR r.window_end >= i.due_from))
                       GROUP BY r.window_index) w), '{}'),
       COALESCE((SELECT json_agg(DISTINCT a.window_index)::text FROM assessments a
                 WHERE a.plan_id = p.plan_id AND a.kind = 'PERIODIC' AND a.finalised), '[]'),
       EXISTS (SELECT 1 FROM assessments a
               WHERE a.plan_id = p.plan_id AND a.kind = 'ANNUAL' AND a.finalised)
FROM plans p
JOIN periods pe ON pe.period_id = p.period_id
LEFT JOIN review_policies rp ON rp.agency_id = p.agency_id
LEFT JOIN units u ON u.unit_id = p.unit_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.first_approve_time IS NOT NULL

-- name: PlansByYear
-- Trends: plans not closed and those approved, per year. $1 from year, $2 to year, $3
-- position type, $4 every agency, $5 agency ids, $6 subtree root.
SELECT p.year, count(*), count(*) FILTER (WHERE p.first_approve_time IS NOT NULL)
FROM plans p
WHERE p.year BETWEEN $1 AND $2 AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.state <> 'CLOSED'
GROUP BY p.year

-- name: RecentPlanYears
-- Trends: the last 5 years with plans in the scope, newest first. $1 up to this year, $2
-- position type, $3 every agency, $4 agency ids, $5 subtree root.
SELECT DISTINCT p.year
FROM plans p
WHERE p.year <= $1 AND ($2 = '' OR p.position_type = $2)
  AND ($3::boolean OR p.agency_id = ANY($4::text[]))
  AND ($5 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$5::text]))
ORDER BY p.year DESC
LIMIT 5
