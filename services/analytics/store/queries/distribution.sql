-- Finalised predicates from the counters the ingestion keeps (predicate_counts per unit,
-- agency_predicate_counts per agency), never from the assessments themselves, so that a
-- national read model answers in milliseconds (report_reader.cc).

-- name: AgencyPredicateCounts
-- Whole agencies (or every agency). $1 year, $2 kind ('ANNUAL' | 'PERIODIC'), $3..$4 the
-- windows (0..0 annual; w..w one window; 1..12 every periodic window: a range on the key, so that
-- an annual or one-window read keeps the agency in the index prefix), $5 position type ('' all),
-- $6 every agency (boolean), $7 agency ids (text[]), $8 grouping (0 none, 1 agency, 3 position
-- type). Rows: group id, predicate, count.
SELECT CASE $8::int WHEN 1 THEN c.agency_id WHEN 3 THEN c.position_type ELSE '' END,
       c.predicate, sum(c.n)::bigint
FROM agency_predicate_counts c
WHERE c.year = $1 AND c.kind = $2 AND c.window_index BETWEEN $3::int AND $4::int
  AND ($5 = '' OR c.position_type = $5)
  AND ($6::boolean OR c.agency_id = ANY($7::text[]))
GROUP BY 1, 2

-- name: UnitPredicateCounts
-- Units: a subtree, or whole agencies grouped by unit. $1..$7 as AgencyPredicateCounts, $8
-- subtree root ('' none), $9 grouping (0 none, 1 agency, 2 unit, 3 position type), $10 depth of
-- the scope's unit (1 for an agency: its root units): grouping by unit takes the unit one level
-- below it in each path, or the scope's unit itself for its own staff. A count of a unit the
-- read model has no tree row for (not seen yet) is its own group. (The agency condition on the
-- units too: it lets the join read an agency's units rather than hash every unit.)
SELECT CASE $9::int
         WHEN 1 THEN c.agency_id
         WHEN 2 THEN COALESCE(u.path[LEAST(cardinality(u.path), $10::int + 1)], c.unit_id)
         WHEN 3 THEN c.position_type
         ELSE '' END,
       c.predicate, sum(c.n)::bigint
FROM predicate_counts c
LEFT JOIN units u
  ON u.unit_id = c.unit_id AND ($6::boolean OR u.agency_id = ANY($7::text[]))
WHERE c.year = $1 AND c.kind = $2 AND c.window_index BETWEEN $3::int AND $4::int
  AND ($5 = '' OR c.position_type = $5)
  AND ($6::boolean OR c.agency_id = ANY($7::text[]))
  AND ($8 = '' OR c.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$8::text]))
GROUP BY 1, 2
