-- Development needs (report_reader.cc). Scope parameters: $1 year, $2 period id ('' every period
-- of the year), $3 position type ('' all), $4 every agency (boolean), $5 agency ids (text[]), $6
-- subtree root ('' none). Assessments are the finalised annual ones of the scope; 360 summaries
-- those of the scope's plans (the read model keeps released summaries only).

-- name: AssessedEmployees
SELECT count(DISTINCT a.employee_id)
FROM assessments a
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND ($4::boolean OR a.agency_id = ANY($5::text[]))
  AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND a.kind = 'ANNUAL' AND a.finalised

-- name: DevelopmentValueCounts
-- $7 the core values' stable names in official order (text[], domain/development.h): values
-- are reported by their position (1..7). A 360 summary places the employee below expectation for
-- a value when more raters answered below than above (domain Peer360Below). Rows: kind
-- ('RATED' assessments, 'PEER' summaries, 'EMPLOYEES' distinct employees with either, 'UNIT' an
-- employees count of one of the value's 10 units with most), value position, unit id, count.
WITH rated AS (
  SELECT a.employee_id, a.unit_id, array_position($7::text[], v.core_value::text) AS idx
  FROM assessments a JOIN assessment_values v ON v.assessment_id = a.assessment_id
  WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
    AND ($4::boolean OR a.agency_id = ANY($5::text[]))
    AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
    AND a.kind = 'ANNUAL' AND a.finalised AND v.rating = 3
), peer AS (
  SELECT f.employee_id, p.unit_id, i AS idx
  FROM feedback_summaries f
  JOIN plans p ON p.plan_id = f.plan_id
  CROSS JOIN generate_series(1, cardinality($7::text[])) AS i
  WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
    AND ($4::boolean OR p.agency_id = ANY($5::text[]))
    AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
    AND COALESCE(f.below[i], 0) > COALESCE(f.above[i], 0)
), pairs AS (
  SELECT employee_id, unit_id, idx FROM rated WHERE idx IS NOT NULL
  UNION
  SELECT employee_id, unit_id, idx FROM peer
), units_ranked AS (
  SELECT idx, unit_id, count(DISTINCT employee_id) AS n,
         row_number() OVER (PARTITION BY idx ORDER BY count(DISTINCT employee_id) DESC, unit_id)
           AS rank
  FROM pairs GROUP BY idx, unit_id
)
SELECT 'RATED', idx, '', count(*) FROM rated WHERE idx IS NOT NULL GROUP BY idx
UNION ALL
SELECT 'PEER', idx, '', count(*) FROM peer GROUP BY idx
UNION ALL
SELECT 'EMPLOYEES', idx, '', count(DISTINCT employee_id) FROM pairs GROUP BY idx
UNION ALL
SELECT 'UNIT', idx, unit_id, n FROM units_ranked WHERE rank <= 10

-- name: BehaviourBelowWithoutValues
-- Finalised annual assessments with behaviour below expectation and no per-value rating.
SELECT count(*)
FROM assessments a
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND ($4::boolean OR a.agency_id = ANY($5::text[]))
  AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND a.kind = 'ANNUAL' AND a.finalised AND a.behaviour_rating = 3
  AND NOT EXISTS (SELECT 1 FROM assessment_values v WHERE v.assessment_id = a.assessment_id)
