-- Rebuilding what the ingestion keeps incrementally (rebuild.cc): after a bulk load of the read
-- model (the national benchmark), or by an operator who suspects drift.

-- name: ClearPredicateCounts
DELETE FROM predicate_counts

-- name: ClearAgencyPredicateCounts
DELETE FROM agency_predicate_counts

-- name: RecountPredicates
-- Counters from the finalised assessments.
INSERT INTO predicate_counts (year, kind, window_index, agency_id, unit_id, position_type,
                              predicate, n)
SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate, count(*)
FROM assessments WHERE finalised AND predicate IS NOT NULL
GROUP BY year, kind, window_index, agency_id, unit_id, position_type, predicate

-- name: RecountAgencyPredicates
INSERT INTO agency_predicate_counts (year, kind, window_index, agency_id, position_type,
                                     predicate, n)
SELECT year, kind, window_index, agency_id, position_type, predicate, sum(n)
FROM predicate_counts GROUP BY year, kind, window_index, agency_id, position_type, predicate

-- name: AllComplianceFacts
-- ComplianceFacts (compliance.sql) for every (unit, period) with an organisation predicate, in
-- one pass over the plans and annual assessments instead of one statement per unit: unit,
-- period, organisation predicate, agency, year, staff to be assessed, finalised annual
-- predicates by code 1..5.
WITH open_staff AS (
  -- Plans of the unit in the period that are not closed, without the head's.
  SELECT p.unit_id, p.period_id, count(*) AS staff
  FROM plans p
  JOIN org_predicates o ON o.unit_id = p.unit_id AND o.period_id = p.period_id
  LEFT JOIN units u ON u.unit_id = p.unit_id
  WHERE p.state <> 'CLOSED'
    AND (COALESCE(u.leader_position_id, '') = '' OR p.position_id <> u.leader_position_id)
  GROUP BY p.unit_id, p.period_id
),
finalised AS (
  -- The staff's finalised annual predicates; closed_staff: those whose plan is not one of the
  -- open plans above (closed since, or of another unit or period).
  SELECT a.unit_id, a.period_id,
         count(*) FILTER (
           WHERE NOT COALESCE(p.state <> 'CLOSED' AND p.unit_id = a.unit_id
                                AND p.period_id = a.period_id
                                AND (COALESCE(u.leader_position_id, '') = ''
                                     OR p.position_id <> u.leader_position_id), false))
           AS closed_staff,
         count(*) FILTER (WHERE a.predicate = 1) AS p1,
         count(*) FILTER (WHERE a.predicate = 2) AS p2,
         count(*) FILTER (WHERE a.predicate = 3) AS p3,
         count(*) FILTER (WHERE a.predicate = 4) AS p4,
         count(*) FILTER (WHERE a.predicate = 5) AS p5
  FROM assessments a
  JOIN org_predicates o ON o.unit_id = a.unit_id AND o.period_id = a.period_id
  LEFT JOIN plans p ON p.plan_id = a.plan_id
  LEFT JOIN units u ON u.unit_id = a.unit_id
  WHERE a.kind = 'ANNUAL' AND a.finalised AND NOT a.unit_head AND a.predicate IS NOT NULL
  GROUP BY a.unit_id, a.period_id
)
SELECT o.unit_id, o.period_id, o.predicate, o.agency_id,
       COALESCE(pe.year, (SELECT max(p.year) FROM plans p WHERE p.period_id = o.period_id), 0),
       COALESCE(s.staff, 0) + COALESCE(f.closed_staff, 0),
       COALESCE(f.p1, 0), COALESCE(f.p2, 0), COALESCE(f.p3, 0), COALESCE(f.p4, 0),
       COALESCE(f.p5, 0)
FROM org_predicates o
LEFT JOIN periods pe ON pe.period_id = o.period_id
LEFT JOIN open_staff s ON s.unit_id = o.unit_id AND s.period_id = o.period_id
LEFT JOIN finalised f ON f.unit_id = o.unit_id AND f.period_id = o.period_id

-- name: InsertUnitComplianceRows
-- Many unit_compliance rows at once, column by column: $1 periods, $2 units, $3 agencies,
-- $4 years, $5 organisation predicates, $6 unit staff, $7..$11 finalised counts of codes 1..5,
-- $12 violations (JSON texts), $13 breaking, $14 excess staff, $15 skipped small unit.
INSERT INTO unit_compliance (period_id, unit_id, agency_id, year, org_predicate, unit_staff,
                             counts, violations, breaking, excess_staff, skipped_small_unit)
SELECT r.period_id, r.unit_id, r.agency_id, r.year, r.org_predicate, r.unit_staff,
       ARRAY[r.c1, r.c2, r.c3, r.c4, r.c5], r.violations::jsonb, r.breaking, r.excess_staff,
       r.skipped
FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::integer[], $6::integer[],
            $7::integer[], $8::integer[], $9::integer[], $10::integer[], $11::integer[],
            $12::text[], $13::boolean[], $14::integer[], $15::boolean[])
  AS r(period_id, unit_id, agency_id, year, org_predicate, unit_staff, c1, c2, c3, c4, c5,
       violations, breaking, excess_staff, skipped)

-- name: ClearUnitCompliance
DELETE FROM unit_compliance
