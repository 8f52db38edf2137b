-- The compliance report (report_reader.cc), from unit_compliance (kept by the ingestion with
-- the review service's distribution check). Scope parameters of every query: $1 year, $2 period
-- id ('' every period of the year), $3 every agency (boolean), $4 agency ids
-- (text[]), $5 subtree root ('' none).

-- name: ComplianceTotals
-- Units with an organisation predicate, and those breaking a band.
SELECT count(*), count(*) FILTER (WHERE c.breaking)
FROM unit_compliance c
WHERE c.year = $1 AND ($2 = '' OR c.period_id = $2)
  AND ($3::boolean OR c.agency_id = ANY($4::text[]))
  AND ($5 = '' OR c.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$5::text]))

-- name: ComplianceUnits
-- $6 breaking only (boolean), $7 at most this many rows. Breaking units first, most excess
-- staff first. counts: finalised predicates by code 1..5; violations as JSON.
SELECT c.unit_id, COALESCE(u.name, ''), c.agency_id, c.period_id, c.org_predicate, c.unit_staff,
       c.counts[1], c.counts[2], c.counts[3], c.counts[4], c.counts[5], c.violations::text,
       c.skipped_small_unit, c.breaking
FROM unit_compliance c LEFT JOIN units u ON u.unit_id = c.unit_id
WHERE c.year = $1 AND ($2 = '' OR c.period_id = $2)
  AND ($3::boolean OR c.agency_id = ANY($4::text[]))
  AND ($5 = '' OR c.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$5::text]))
  AND (NOT $6::boolean OR c.breaking)
ORDER BY c.breaking DESC, c.excess_staff DESC, c.unit_id, c.period_id
LIMIT $7

-- name: UnitsWithoutOrgPredicate
-- Units with finalised annual assessments of the year (from the counters) and no organisation
-- predicate in the scope's period(s). Driven by the units of the scope: two index probes each.
SELECT count(*)
FROM units u
WHERE ($3::boolean OR u.agency_id = ANY($4::text[]))
  AND ($5 = '' OR u.path @> ARRAY[$5::text])
  AND EXISTS (SELECT 1 FROM predicate_counts c
              WHERE c.unit_id = u.unit_id AND c.year = $1 AND c.kind = 'ANNUAL' AND c.n > 0)
  AND NOT EXISTS (SELECT 1 FROM unit_compliance uc
                  WHERE uc.unit_id = u.unit_id AND uc.year = $1
                    AND ($2 = '' OR uc.period_id = $2))

-- name: BreakingUnitsByYear
-- Trends: units breaking a band per year. $1 from year, $2 to year, $3..$5 as above.
SELECT c.year, count(*) FILTER (WHERE c.breaking)
FROM unit_compliance c
WHERE c.year BETWEEN $1 AND $2
  AND ($3::boolean OR c.agency_id = ANY($4::text[]))
  AND ($5 = '' OR c.unit_id IN (SELECT s.unit_id FROM units s WHERE s.path @> ARRAY[$5::text]))
GROUP BY c.year
