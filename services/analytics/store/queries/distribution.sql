-- Finalised predicates from the counters the ingestion keeps (predicate_counts per unit,
-- agency_predicate_counts per agency), never from the assessments themselves, so that a
-- national read model answers in milliseconds (report_reader.cc).

-- name: AgencyPredicateCounts
-- Whole agencies (or every agency). $1 year, $2 kind ('ANNUAL' | 'PERIODIC'), $3 window index
-- (0: every window), $4 position type ('' all), $5 every agency (boolean), $6 agency ids
-- (text[]), $7 grouping (0 none, 1 agency, 3 position type). Rows: group id, predicate, count.
SELECT CASE $7::int WHEN 1 THEN c.agency_id WHEN 3 THEN c.position_type ELSE '' END,
       c.predicate, sum(c.n)::bigint
FROM agency_predicate_counts c
WHERE c.year = $1 AND c.kind = $2 AND ($3::int = 0 OR c.window_index = $3::int)
  AND ($4 = '' OR c.position_type = $4)
  AND ($5::boolean OR c.agency_id = ANY($6::text[]))
GROUP BY 1, 2

-- name: UnitPredicateCounts
-- Units: a subtree, or whole agencies grouped by unit. $1..$6 as AgencyPredicateCounts, $7
-- subtree root ('' none), $8 grouping (0 none, 1 agency, 2 unit, 3 position type), $9 depth of
-- the scope's unit (1 for an agency: its root units): grouping by unit takes the unit one level
-- below it in each path, or the scope's unit itself for its own staff. A count of a unit the
-- read model has no tree row for (not seen yet) is its own group.
SELECT CASE $8::int
         WHEN 1 THEN c.agency_id
         WHEN 2 THEN COALESCE(u.path[LEAST(cardinality(u.path), $9::int + 1)], c.unit_id)
         WHEN 3 THEN c.position_type
         ELSE '' END,
       c.predicate, sum(c.n)::bigint
FROM predicate_counts c LEFT JOIN units u ON u.unit_id = c.unit_id
WHERE c.year = $1 AND c.kind = $2 AND ($3::int = 0 OR c.window_index = $3::int)
  AND ($4 = '' OR c.position_type = $4)
  AND ($5::boolean OR c.agency_id = ANY($6::text[]))
  AND ($7 = '' OR c.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$7::text]))
GROUP BY 1, 2
