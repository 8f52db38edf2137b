-- Each unit's compliance with the bands of its organisation predicate (compliance_refresh.cc).

-- name: ComplianceFacts
-- $1 unit, $2 period: the organisation predicate, the staff to be assessed (plans of the unit in
-- the period that are not closed, without the unit head's, plus finalised annual assessments of
-- plans closed since), and the finalised annual predicates of the unit's staff (not its head) by
-- code. No row when the unit has no organisation predicate for the period.
WITH leader AS (
  SELECT COALESCE((SELECT leader_position_id FROM units WHERE unit_id = $1), '') AS position_id
),
open_plans AS (
  SELECT p.plan_id FROM plans p, leader l
  WHERE p.period_id = $2 AND p.unit_id = $1 AND p.state <> 'CLOSED'
    AND (l.position_id = '' OR p.position_id <> l.position_id)
),
finalised AS (
  SELECT a.plan_id, a.predicate FROM assessments a
  WHERE a.period_id = $2 AND a.unit_id = $1 AND a.kind = 'ANNUAL' AND a.finalised
    AND NOT a.unit_head AND a.predicate IS NOT NULL
)
SELECT o.predicate, o.agency_id,
       COALESCE((SELECT year FROM periods WHERE period_id = $2),
                (SELECT max(year) FROM plans WHERE period_id = $2),
                (SELECT max(year) FROM assessments WHERE period_id = $2), 0),
       (SELECT count(*) FROM open_plans)
         + (SELECT count(*) FROM finalised f WHERE f.plan_id NOT IN (SELECT plan_id FROM open_plans)),
       (SELECT count(*) FROM finalised WHERE predicate = 1),
       (SELECT count(*) FROM finalised WHERE predicate = 2),
       (SELECT count(*) FROM finalised WHERE predicate = 3),
       (SELECT count(*) FROM finalised WHERE predicate = 4),
       (SELECT count(*) FROM finalised WHERE predicate = 5)
FROM org_predicates o WHERE o.unit_id = $1 AND o.period_id = $2

-- name: UpsertUnitCompliance
-- $1 period, $2 unit, $3 agency, $4 year, $5 org predicate, $6 unit staff, $7 counts[5],
-- $8 violations (json), $9 breaking, $10 excess staff, $11 skipped small unit
INSERT INTO unit_compliance (period_id, unit_id, agency_id, year, org_predicate, unit_staff,
                             counts, violations, breaking, excess_staff, skipped_small_unit)
VALUES ($1, $2, $3, $4, $5, $6, $7::integer[], $8::jsonb, $9, $10, $11)
ON CONFLICT (period_id, unit_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, year = EXCLUDED.year, org_predicate = EXCLUDED.org_predicate,
    unit_staff = EXCLUDED.unit_staff, counts = EXCLUDED.counts,
    violations = EXCLUDED.violations, breaking = EXCLUDED.breaking,
    excess_staff = EXCLUDED.excess_staff, skipped_small_unit = EXCLUDED.skipped_small_unit

-- name: DeleteUnitCompliance
-- $1 period, $2 unit
DELETE FROM unit_compliance WHERE period_id = $1 AND unit_id = $2

-- name: LockUnitCompliance
-- $1 period, $2 unit: serialises the recomputation of one unit's row between the followers of
-- different producers, whose transactions run at the same time. The one that waits computes
-- after the other committed, so it sees both transactions' rows (a plan and an assessment, say).
SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || $2, 0))

-- name: SetComplianceYear
-- $1 period, $2 year: a unit's row written before its period was known here gets its year.
UPDATE unit_compliance SET year = $2 WHERE period_id = $1 AND year <> $2
