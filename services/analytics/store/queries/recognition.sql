-- Recognition candidates (report_reader.cc): the facts of the domain's rule
-- (domain/recognition.h) for every employee with a finalised annual Sangat Baik (predicate 1)
-- in the scope; the rule itself runs in C++. Scope parameters: $1 year, $2 period id, $3
-- position type, $4 every agency, $5 agency ids (text[]), $6 subtree root.

-- name: RecognitionFacts
-- The employee as their latest annual assessment of the year names them; counts over all their
-- assessments and realisations of the year; years (up to $1) whose annual assessments were all
-- Sangat Baik, as a JSON array. Ordered by name, then employee id.
WITH candidates AS (
  SELECT DISTINCT a.employee_id
  FROM assessments a
  WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
    AND ($4::boolean OR a.agency_id = ANY($5::text[]))
    AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
    AND a.kind = 'ANNUAL' AND a.finalised AND a.predicate = 1 AND a.employee_id <> ''
), latest AS (
  SELECT DISTINCT ON (a.employee_id)
         a.employee_id, a.nip, a.name, a.unit_id, a.position_type, a.agency_id
  FROM assessments a JOIN candidates c ON c.employee_id = a.employee_id
  WHERE a.year = $1 AND a.kind = 'ANNUAL' AND a.finalised
  ORDER BY a.employee_id, a.window_end DESC NULLS LAST, a.finalise_time DESC NULLS LAST,
           a.assessment_id DESC
)
SELECT l.employee_id, l.nip, l.name, l.unit_id, COALESCE(u.name, ''), l.position_type,
       l.agency_id,
       (SELECT count(*) FROM assessments x WHERE x.employee_id = l.employee_id
          AND x.year = $1 AND x.kind = 'ANNUAL' AND x.finalised),
       (SELECT count(*) FROM assessments x WHERE x.employee_id = l.employee_id
          AND x.year = $1 AND x.kind = 'ANNUAL' AND x.finalised AND x.predicate = 1),
       (SELECT count(*) FROM assessments x WHERE x.employee_id = l.employee_id
          AND x.year = $1 AND x.kind = 'PERIODIC' AND x.finalised),
       (SELECT count(*) FROM assessments x WHERE x.employee_id = l.employee_id
          AND x.year = $1 AND x.kind = 'PERIODIC' AND x.finalised AND x.predicate = 1),
       (SELECT count(*) FROM realisations r JOIN plans p ON p.plan_id = r.plan_id
        WHERE p.employee_id = l.employee_id AND r.year = $1 AND r.evidence_count > 0),
       (SELECT COALESCE(json_agg(y.year), '[]')::text
        FROM (SELECT x.year FROM assessments x
              WHERE x.employee_id = l.employee_id AND x.kind = 'ANNUAL' AND x.finalised
                AND x.year <= $1
              GROUP BY x.year HAVING bool_and(x.predicate = 1)) y)
FROM latest l LEFT JOIN units u ON u.unit_id = l.unit_id
ORDER BY l.name, l.employee_id
