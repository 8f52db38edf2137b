-- Each unit's compliance with the bands of its organisation predicate (compliance_refresh.cc),
-- recomputed for the units a batch of events touched: each statement takes them as one JSON
-- parameter, an array of {period_id, unit_id}.

-- name: LockUnitsCompliance
-- $1 the units, in lock order: serialises the recomputation of a unit's row between the
-- followers of different producers, whose transactions run at the same time. The one that waits
-- computes after the other committed, so it sees both transactions' rows (a plan and an
-- assessment, say). Every follower locks in the same order, so none waits for another in a ring.
SELECT pg_advisory_xact_lock(hashtextextended(w.period_id || '/' || w.unit_id, 0))
FROM (SELECT x.period_id, x.unit_id
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (period_id text, unit_id text))
           WITH ORDINALITY AS x(period_id, unit_id, n)
      ORDER BY x.n
      OFFSET 0) w

-- name: ComplianceFacts
-- $1 the units: for each with an organisation predicate for its period, the predicate, the staff
-- to be assessed (plans of the unit in the period that are not closed, without the unit head's,
-- plus finalised annual assessments of plans closed since), and the finalised annual predicates
-- of the unit's staff (not its head) by code. The same facts as AllComplianceFacts (rebuild.sql).
SELECT w.period_id, w.unit_id, o.predicate, o.agency_id,
       COALESCE((SELECT pe.year FROM periods pe WHERE pe.period_id = w.period_id),
                (SELECT max(p.year) FROM plans p WHERE p.period_id = w.period_id),
                (SELECT max(a.year) FROM assessments a WHERE a.period_id = w.period_id), 0),
       open_plans.n + closed_staff.n,
       f.p1, f.p2, f.p3, f.p4, f.p5
FROM jsonb_to_recordset($1::jsonb) AS w(period_id text, unit_id text)
JOIN org_predicates o ON o.unit_id = w.unit_id AND o.period_id = w.period_id
CROSS JOIN LATERAL (
  SELECT COALESCE((SELECT u.leader_position_id FROM units u WHERE u.unit_id = w.unit_id), '')
    AS position_id
) leader
CROSS JOIN LATERAL (
  SELECT count(*) AS n FROM plans p
  WHERE p.period_id = w.period_id AND p.unit_id = w.unit_id AND p.state <> 'CLOSED'
    AND (leader.position_id = '' OR p.position_id <> leader.position_id)
) open_plans
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE a.predicate = 1) AS p1,
         count(*) FILTER (WHERE a.predicate = 2) AS p2,
         count(*) FILTER (WHERE a.predicate = 3) AS p3,
         count(*) FILTER (WHERE a.predicate = 4) AS p4,
         count(*) FILTER (WHERE a.predicate = 5) AS p5
  FROM assessments a
  WHERE a.period_id = w.period_id AND a.unit_id = w.unit_id AND a.kind = 'ANNUAL'
    AND a.finalised AND NOT a.unit_head AND a.predicate IS NOT NULL
) f
CROSS JOIN LATERAL (
  SELECT count(*) AS n FROM assessments a
  WHERE a.period_id = w.period_id AND a.unit_id = w.unit_id AND a.kind = 'ANNUAL'
    AND a.finalised AND NOT a.unit_head AND a.predicate IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM plans p
      WHERE p.plan_id = a.plan_id AND p.period_id = w.period_id AND p.unit_id = w.unit_id
        AND p.state <> 'CLOSED'
        AND (leader.position_id = '' OR p.position_id <> leader.position_id))
) closed_staff

-- name: UpsertUnitCompliance
-- $1 JSON array of unit_compliance rows (counts: an array of 5 integers, violations: JSON).
INSERT INTO unit_compliance (period_id, unit_id, agency_id, year, org_predicate, unit_staff,
                             counts, violations, breaking, excess_staff, skipped_small_unit)
SELECT x.period_id, x.unit_id, x.agency_id, x.year, x.org_predicate, x.unit_staff,
       ARRAY(SELECT c::integer FROM jsonb_array_elements_text(x.counts) AS c),
       x.violations, x.breaking, x.excess_staff, x.skipped_small_unit
FROM jsonb_to_recordset($1::jsonb) AS x(
  period_id text, unit_id text, agency_id text, year integer, org_predicate smallint,
  unit_staff integer, counts jsonb, violations jsonb, breaking boolean, excess_staff integer,
  skipped_small_unit boolean)
ON CONFLICT (period_id, unit_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, year = EXCLUDED.year, org_predicate = EXCLUDED.org_predicate,
    unit_staff = EXCLUDED.unit_staff, counts = EXCLUDED.counts,
    violations = EXCLUDED.violations, breaking = EXCLUDED.breaking,
    excess_staff = EXCLUDED.excess_staff, skipped_small_unit = EXCLUDED.skipped_small_unit

-- name: DeleteUnitCompliance
-- $1 the units that have no row any more (no organisation predicate for the period).
DELETE FROM unit_compliance u
USING jsonb_to_recordset($1::jsonb) AS x(period_id text, unit_id text)
WHERE u.period_id = x.period_id AND u.unit_id = x.unit_id

-- name: SetComplianceYear
-- $1 period, $2 year: a unit's row written before its period was known here gets its year.
UPDATE unit_compliance SET year = $2 WHERE period_id = $1 AND year <> $2
