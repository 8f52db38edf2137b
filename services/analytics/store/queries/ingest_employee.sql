-- The employee service's events (ingest_employee.cc). Every upsert changes a row only for an
-- event newer than the one last applied to it (seq), and returns nothing otherwise.

-- name: UpsertAgency
-- $1 agency, $2 name, $3 seq
INSERT INTO agencies AS a (agency_id, name, seq) VALUES ($1, $2, $3)
ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, seq = EXCLUDED.seq
WHERE a.seq < EXCLUDED.seq
RETURNING agency_id

-- name: UnitBefore
-- $1 unit: the row as it is before this event (locked), if any.
SELECT parent_id, leader_position_id, seq FROM units WHERE unit_id = $1 FOR UPDATE

-- name: UpsertUnit
-- $1 unit, $2 agency, $3 parent ('' for a root), $4 name, $5 leader position, $6 end date,
-- $7 seq. A new unit's path is itself until RefreshUnitPaths runs.
INSERT INTO units AS u (unit_id, agency_id, parent_id, name, leader_position_id, end_date, path,
                        seq)
VALUES ($1, $2, $3, $4, $5, $6::date, ARRAY[$1::text], $7)
ON CONFLICT (unit_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,
    leader_position_id = EXCLUDED.leader_position_id, end_date = EXCLUDED.end_date,
    seq = EXCLUDED.seq
WHERE u.seq < EXCLUDED.seq
RETURNING unit_id

-- name: RefreshUnitPaths
-- $1 unit: recomputes the path of the unit (its parent's path and itself) and of every unit
-- below it (following parent_id), after the unit was created or moved, or after a unit that
-- arrived before its parent finds it. Depth is bounded and a cycle is never followed.
WITH RECURSIVE tree (unit_id, path) AS (
  SELECT u.unit_id, COALESCE(p.path, ARRAY[]::text[]) || u.unit_id::text
  FROM units u LEFT JOIN units p ON p.unit_id = u.parent_id AND u.parent_id <> ''
  WHERE u.unit_id = $1
  UNION ALL
  SELECT c.unit_id, t.path || c.unit_id::text
  FROM units c JOIN tree t ON c.parent_id = t.unit_id
  WHERE cardinality(t.path) < 64 AND NOT (c.unit_id = ANY (t.path))
)
UPDATE units u SET path = t.path FROM tree t
WHERE u.unit_id = t.unit_id AND u.path IS DISTINCT FROM t.path

-- name: UpsertPosition
-- $1 position, $2 agency, $3 unit, $4 name, $5 position type, $6 seq
INSERT INTO positions AS p (position_id, agency_id, unit_id, name, position_type, seq)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (position_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, unit_id = EXCLUDED.unit_id, name = EXCLUDED.name,
    position_type = EXCLUDED.position_type, seq = EXCLUDED.seq
WHERE p.seq < EXCLUDED.seq
RETURNING position_id

-- name: UpsertEmployee
-- $1 employee, $2 agency, $3 nip, $4 name, $5 unit, $6 position, $7 status, $8 seq
INSERT INTO employees AS e (employee_id, agency_id, nip, name, unit_id, position_id, status, seq)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (employee_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, nip = EXCLUDED.nip, name = EXCLUDED.name,
    unit_id = EXCLUDED.unit_id, position_id = EXCLUDED.position_id, status = EXCLUDED.status,
    seq = EXCLUDED.seq
WHERE e.seq < EXCLUDED.seq
RETURNING employee_id

-- name: UpsertActingOfficial
-- $1 id, $2 agency, $3 position, $4 employee, $5 kind, $6 start, $7 end (NULL: open), $8 seq
INSERT INTO acting_officials AS a (acting_id, agency_id, position_id, employee_id, kind,
                                   start_date, end_date, seq)
VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8)
ON CONFLICT (acting_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, position_id = EXCLUDED.position_id,
    employee_id = EXCLUDED.employee_id, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
    end_date = EXCLUDED.end_date, seq = EXCLUDED.seq
WHERE a.seq < EXCLUDED.seq
RETURNING acting_id

-- name: PeriodsWithOrgPredicate
-- $1 unit: the periods whose compliance of the unit must be recomputed after its leader
-- position changed.
SELECT period_id FROM org_predicates WHERE unit_id = $1
