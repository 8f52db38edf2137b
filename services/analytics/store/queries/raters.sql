-- Rater statistics (report_reader.cc): the tallies the domain's arithmetic runs on
-- (domain/rater_statistics.h). An assessor is (assessor_nip, assessor_name): a NON-ASN assessor
-- has no NIP. Finalised annual assessments only. Scope parameters: $1 year, $2 period id, $3
-- position type, $4 every agency, $5 agency ids (text[]), $6 subtree root.

-- name: RaterCount
SELECT count(*) FROM (
  SELECT DISTINCT a.assessor_nip, a.assessor_name
  FROM assessments a
  WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
    AND ($4::boolean OR a.agency_id = ANY($5::text[]))
    AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
    AND a.kind = 'ANNUAL' AND a.finalised) r

-- name: RaterPage
-- $7 first page (boolean), $8 / $9 the last assessor of the previous page, $10 at most. Names
-- compare byte-wise (COLLATE "C"), the order the service merges pages of several scope parts in.
SELECT DISTINCT a.assessor_nip, a.assessor_name COLLATE "C"
FROM assessments a
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND ($4::boolean OR a.agency_id = ANY($5::text[]))
  AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND a.kind = 'ANNUAL' AND a.finalised
  AND ($7::boolean
       OR (a.assessor_nip, a.assessor_name COLLATE "C") > ($8::text, $9::text COLLATE "C"))
ORDER BY a.assessor_nip, a.assessor_name COLLATE "C"
LIMIT $10

-- name: RaterUnitTallies
-- Per assessor of $7 / $8 (NIPs and names, text[] pairs) and unit: assessments, results ratings
-- above / as expected / below, behaviour ratings likewise.
SELECT a.assessor_nip, a.assessor_name, a.unit_id, COALESCE(u.name, ''), a.agency_id, count(*),
       count(*) FILTER (WHERE a.results_rating = 1), count(*) FILTER (WHERE a.results_rating = 2),
       count(*) FILTER (WHERE a.results_rating = 3),
       count(*) FILTER (WHERE a.behaviour_rating = 1),
       count(*) FILTER (WHERE a.behaviour_rating = 2),
       count(*) FILTER (WHERE a.behaviour_rating = 3)
FROM assessments a LEFT JOIN units u ON u.unit_id = a.unit_id
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND ($4::boolean OR a.agency_id = ANY($5::text[]))
  AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND a.kind = 'ANNUAL' AND a.finalised
  AND (a.assessor_nip, a.assessor_name) IN (SELECT * FROM unnest($7::text[], $8::text[]))
GROUP BY a.assessor_nip, a.assessor_name, a.unit_id, u.name, a.agency_id

-- name: UnitRatingTotals
-- Every assessor's ratings in units $4 (text[]), for the baseline. $1 year, $2 period id, $3
-- position type.
SELECT a.unit_id,
       count(*) FILTER (WHERE a.results_rating = 1), count(*) FILTER (WHERE a.results_rating = 2),
       count(*) FILTER (WHERE a.results_rating = 3),
       count(*) FILTER (WHERE a.behaviour_rating = 1),
       count(*) FILTER (WHERE a.behaviour_rating = 2),
       count(*) FILTER (WHERE a.behaviour_rating = 3)
FROM assessments a
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND a.kind = 'ANNUAL' AND a.finalised AND a.unit_id = ANY($4::text[])
GROUP BY a.unit_id

-- name: Rater360
-- Per assessment of assessors $7 / $8 with a released 360 summary of its plan: the behaviour
-- rating and the summaries' answers below / as expected / above over every core value.
SELECT a.assessor_nip, a.assessor_name, a.behaviour_rating,
       sum((SELECT COALESCE(sum(x), 0) FROM unnest(f.below) x))::bigint,
       sum((SELECT COALESCE(sum(x), 0) FROM unnest(f.as_expected) x))::bigint,
       sum((SELECT COALESCE(sum(x), 0) FROM unnest(f.above) x))::bigint
FROM assessments a JOIN feedback_summaries f ON f.plan_id = a.plan_id
WHERE a.year = $1 AND ($2 = '' OR a.period_id = $2) AND ($3 = '' OR a.position_type = $3)
  AND ($4::boolean OR a.agency_id = ANY($5::text[]))
  AND ($6 = '' OR a.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND a.kind = 'ANNUAL' AND a.finalised
  AND (a.assessor_nip, a.assessor_name) IN (SELECT * FROM unnest($7::text[], $8::text[]))
GROUP BY a.assessment_id, a.assessor_nip, a.assessor_name, a.behaviour_rating
