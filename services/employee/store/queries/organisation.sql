-- Lookups and locks of agencies, units and positions that the writes load as facts for the
-- domain rules.

-- name: AgencyExists
-- $1: agency id
SELECT 1 FROM agencies WHERE id = $1

-- name: LockAgencyTree
-- $1: 'employee.org_units/<agency id>'. Serialises changes to one agency's unit tree (cycle
-- checks read the tree they change).
SELECT pg_advisory_xact_lock(hashtextextended($1, 7))

-- name: UnitAgency
-- $1: unit id
SELECT agency_id FROM org_units WHERE id = $1

-- name: UnitAgencyVersion
-- $1: unit id
SELECT agency_id, version, NULL FROM org_units WHERE id = $1

-- name: LockUnitForLeader
-- $1: unit id. Locks the unit whose leader position is being created; the JSON is the audit's
-- before image.
SELECT agency_id, version, to_jsonb(u.*)::text FROM org_units u WHERE id = $1 FOR UPDATE

-- name: UnitIsInside
-- $1: the candidate parent, $2: the unit being moved. A row when walking up from the parent
-- meets the unit (the move would make a cycle).
WITH RECURSIVE up(id, parent_id, depth) AS (
  SELECT id, parent_id, 0 FROM org_units WHERE id = $1
  UNION ALL
  SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id
  WHERE up.id <> $2 AND up.depth < 10000
) SELECT 1 FROM up WHERE id = $2 LIMIT 1

-- name: PositionPlace
-- $1: position id
SELECT unit_id, agency_id FROM positions WHERE id = $1

-- name: PositionUnitAndEselon
-- $1: position id
SELECT unit_id, eselon, type FROM positions WHERE id = $1

-- name: UnitOccupancyFrom
-- $1: unit id, $2: the day it would be abolished from. Placements in the unit valid on or
-- after that day, and child units still open on it.
SELECT (SELECT count(*) FROM assignments a WHERE a.unit_id = $1
          AND (a.valid_to IS NULL OR a.valid_to > $2::date)),
       (SELECT count(*) FROM org_units c WHERE c.parent_id = $1
          AND (c.end_date IS NULL OR c.end_date > $2::date))

-- name: LockUnitRow
-- $1: unit id. Serialises delegations and regional head terms of one unit; returns its
-- agency, parent and end.
SELECT agency_id, parent_id, (end_date - DATE '1970-01-01') FROM org_units WHERE id = $1
FOR UPDATE

-- name: PositionAgency
-- $1: position id
SELECT agency_id FROM positions WHERE id = $1

-- name: AgenciesOfPlacementsOnDate
-- $1: employee id, $2: date. The agencies of the employee's placements valid on the date.
SELECT a.agency_id FROM assignments a WHERE a.employee_id = $1
  AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)

-- name: UnitDelegationSpans
-- $1: unit id. The unit's delegations (inclusive ends).
SELECT id, (start_date - DATE '1970-01-01'), (end_date - DATE '1970-01-01')
FROM assessment_delegations WHERE unit_id = $1

-- name: UnitHeadTerms
-- $1: unit id. The regional head terms at the unit (inclusive ends).
SELECT id, (term_start - DATE '1970-01-01'), (term_end - DATE '1970-01-01')
FROM regional_heads WHERE unit_id = $1

-- name: AgencyHeadTitle
-- $1: agency id
SELECT head_title FROM agencies WHERE id = $1
