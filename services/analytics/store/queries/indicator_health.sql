-- Indicator health (report_reader.cc). Scope parameters: $1 year, $2 period id, $3 position
-- type, $4 every agency, $5 agency ids (text[]), $6 subtree root.

-- name: PublicServicePlanCounts
-- Plans not closed, with approved content, of units under a public-service policy: the policy
-- that applies to a unit is the nearest one on its path (its own, else the closest ancestor's
-- that includes sub-units), as goals UnitPolicy says. And those without a quality indicator.
SELECT count(*), count(*) FILTER (WHERE NOT p.has_quality_indicator)
FROM plans p LEFT JOIN units u ON u.unit_id = p.unit_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.state <> 'CLOSED' AND (p.approved_revision > 0 OR p.first_approve_time IS NOT NULL)
  AND COALESCE((SELECT up.public_service FROM unit_policies up
                 WHERE up.unit_id = p.unit_id
                    OR (up.include_subunits AND up.unit_id = ANY(u.path))
                 ORDER BY array_position(u.path, up.unit_id) DESC NULLS FIRST
                 LIMIT 1), false)

-- name: PlansWithoutQuality
-- The same plans without a quality indicator, at most $7, by unit name, employee name.
SELECT p.plan_id, p.name, p.nip, p.unit_id, COALESCE(u.name, ''), p.period_id
FROM plans p LEFT JOIN units u ON u.unit_id = p.unit_id
WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
  AND ($4::boolean OR p.agency_id = ANY($5::text[]))
  AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  AND p.state <> 'CLOSED' AND (p.approved_revision > 0 OR p.first_approve_time IS NOT NULL)
  AND NOT p.has_quality_indicator
  AND COALESCE((SELECT up.public_service FROM unit_policies up
                 WHERE up.unit_id = p.unit_id
                    OR (up.include_subunits AND up.unit_id = ANY(u.path))
                 ORDER BY array_position(u.path, up.unit_id) DESC NULLS FIRST
                 LIMIT 1), false)
ORDER BY COALESCE(u.name, ''), p.name, p.plan_id
LIMIT $7

-- name: IndicatorWindowStats
-- Per quantitative indicator of the scope's plans (closed ones too): windows with a numeric
-- realisation (the last one entered in each window), their lowest and highest value; only
-- indicators with at least $7 such windows. The domain classifies them
-- (domain/indicator_health.h).
WITH last_values AS (
  SELECT DISTINCT ON (r.plan_id, r.indicator_id, r.window_index)
         r.plan_id, r.indicator_id, r.value
  FROM realisations r JOIN plans p ON p.plan_id = r.plan_id
  WHERE p.year = $1 AND ($2 = '' OR p.period_id = $2) AND ($3 = '' OR p.position_type = $3)
    AND ($4::boolean OR p.agency_id = ANY($5::text[]))
    AND ($6 = '' OR p.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$6::text]))
  ORDER BY r.plan_id, r.indicator_id, r.window_index, r.seq DESC, r.realisation_id DESC
)
SELECT i.plan_id, i.indicator_id, i.text, p.name, p.nip, p.unit_id, COALESCE(u.name, ''),
       i.target_min, i.target_max, i.target_unit, i.lower_is_better,
       count(*), min(v.value), max(v.value)
FROM last_values v
JOIN plan_indicators i ON i.plan_id = v.plan_id AND i.indicator_id = v.indicator_id
JOIN plans p ON p.plan_id = v.plan_id
LEFT JOIN units u ON u.unit_id = p.unit_id
WHERE v.value IS NOT NULL AND NOT i.qualitative
GROUP BY i.plan_id, i.indicator_id, i.text, p.name, p.nip, p.unit_id, u.name, i.target_min,
         i.target_max, i.target_unit, i.lower_is_better
HAVING count(*) >= $7::int
ORDER BY i.plan_id, i.indicator_id
