-- The organisation around one employee on one date, for the reporting-line resolvers
-- (store/org_snapshot_loader.cc). Dates: 'YYYY-MM-DD' in parameters, days since 1970-01-01 in
-- results. The unit queries return (id, parent_id, leader_position_id, unit name, leader
-- position name, non_asn_holder_name, whether the unit's staff is wanted, end_date).

-- name: SubjectOnDate
-- $1: employee id, $2: date. The person and the assignment valid on the date (if any).
SELECT e.nip, e.name, e.kind, e.rank, a.position_id, a.unit_id,
       (a.valid_from - DATE '1970-01-01'), (a.valid_to - DATE '1970-01-01')
FROM employees e LEFT JOIN assignments a ON a.employee_id = e.id
  AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
WHERE e.id = $1 ORDER BY a.valid_from DESC LIMIT 1

-- name: UnitChain
-- $1: unit id. The unit and its ancestors up to the root.
WITH RECURSIVE chain(id, parent_id) AS (
  SELECT id, parent_id FROM org_units WHERE id = $1
  UNION
  SELECT u.id, u.parent_id FROM org_units u JOIN chain c ON u.id = c.parent_id
)
SELECT u.id, u.parent_id, u.leader_position_id, u.name, p.name, p.non_asn_holder_name, false,
       (u.end_date - DATE '1970-01-01')
FROM org_units u JOIN chain w ON w.id = u.id LEFT JOIN positions p ON p.id = u.leader_position_id

-- name: UnitsLedByEmployee
-- $1: employee id, $2: date. The units whose leader position the employee holds or acts in on
-- the date, their subtrees (staff wanted) and their ancestors.
WITH RECURSIVE led(id) AS (
  SELECT u.id FROM org_units u WHERE u.leader_position_id IN (
    SELECT position_id FROM assignments WHERE employee_id = $1
      AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
    UNION
    SELECT position_id FROM acting_officials WHERE employee_id = $1
      AND start_date <= $2::date AND end_date >= $2::date)
  UNION
  SELECT unit_id FROM regional_heads WHERE employee_id = $1
    AND term_start <= $2::date AND (term_end IS NULL OR term_end >= $2::date)
  UNION
  -- Delegated units: their staff only (their subtree is harmless: resolution filters it).
  SELECT unit_id FROM assessment_delegations WHERE delegate_employee_id = $1
    AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)
), down(id) AS (
  SELECT id FROM led
  UNION
  SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id
), up(id, parent_id) AS (
  SELECT u.id, u.parent_id FROM org_units u JOIN led ON u.id = led.id
  UNION
  SELECT u.id, u.parent_id FROM org_units u JOIN up ON u.id = up.parent_id
), wanted(id) AS (SELECT id FROM down UNION SELECT id FROM up)
SELECT u.id, u.parent_id, u.leader_position_id, u.name, p.name, p.non_asn_holder_name,
       u.id IN (SELECT id FROM down), (u.end_date - DATE '1970-01-01')
FROM org_units u JOIN wanted w ON w.id = u.id LEFT JOIN positions p ON p.id = u.leader_position_id

-- name: UnitsLedByPosition
-- $1: position id (held by a NON-ASN political head), $2: regional head id (or ''). The same
-- for the units it leads.
WITH RECURSIVE led(id) AS (
  SELECT id FROM org_units WHERE leader_position_id = $1
  UNION
  SELECT unit_id FROM regional_heads WHERE id = $2
), down(id) AS (
  SELECT id FROM led
  UNION
  SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id
), up(id, parent_id) AS (
  SELECT u.id, u.parent_id FROM org_units u JOIN led ON u.id = led.id
  UNION
  SELECT u.id, u.parent_id FROM org_units u JOIN up ON u.id = up.parent_id
), wanted(id) AS (SELECT id FROM down UNION SELECT id FROM up)
SELECT u.id, u.parent_id, u.leader_position_id, u.name, p.name, p.non_asn_holder_name,
       u.id IN (SELECT id FROM down), (u.end_date - DATE '1970-01-01')
FROM org_units u JOIN wanted w ON w.id = u.id LEFT JOIN positions p ON p.id = u.leader_position_id

-- name: HoldersOnDate
-- $1: text[] units whose staff is wanted, $2: text[] leader positions, $3: date, $4: text[] all
-- loaded units. Definitive holders (A) through the positions' units (assignments are indexed
-- by unit; positions never change unit) and Plt/Plh (P) of the leader positions.
SELECT 'A', a.employee_id, a.position_id, a.unit_id,
  (a.valid_from - DATE '1970-01-01'), (a.valid_to - DATE '1970-01-01'), NULL,
  e.nip, e.name, e.kind, e.rank
FROM assignments a JOIN employees e ON e.id = a.employee_id
WHERE a.unit_id = ANY($4::text[])
  AND (a.unit_id = ANY($1::text[]) OR a.position_id = ANY($2::text[]))
  AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > $3::date)
UNION ALL
SELECT 'P', ac.employee_id, ac.position_id, NULL,
  (ac.start_date - DATE '1970-01-01'), (ac.end_date + 1 - DATE '1970-01-01'), ac.kind,
  e.nip, e.name, e.kind, e.rank
FROM acting_officials ac JOIN employees e ON e.id = ac.employee_id
WHERE ac.position_id = ANY($2::text[])
  AND ac.start_date <= $3::date AND ac.end_date >= $3::date

-- name: UnitSubtree
-- $1: unit id, $2: with its subunits. The unit (and its subtree) with staff wanted, and its
-- ancestors.
WITH RECURSIVE down(id) AS (
  SELECT id FROM org_units WHERE id = $1
  UNION
  SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id WHERE $2::boolean
), up(id, parent_id) AS (
  SELECT id, parent_id FROM org_units WHERE id = $1
  UNION
  SELECT u.id, u.parent_id FROM org_units u JOIN up ON u.id = up.parent_id
), wanted(id) AS (SELECT id FROM down UNION SELECT id FROM up)
SELECT u.id, u.parent_id, u.leader_position_id, u.name, p.name, p.non_asn_holder_name,
       u.id IN (SELECT id FROM down), (u.end_date - DATE '1970-01-01')
FROM org_units u JOIN wanted w ON w.id = u.id LEFT JOIN positions p ON p.id = u.leader_position_id

-- name: DelegationsOnDate
-- $1: text[] unit ids, $2: date. Delegations of those units running on the date; the end is
-- returned exclusive.
SELECT d.id, d.unit_id, d.delegate_employee_id, (d.start_date - DATE '1970-01-01'),
       (d.end_date + 1 - DATE '1970-01-01')
FROM assessment_delegations d
WHERE d.unit_id = ANY($1::text[]) AND d.start_date <= $2::date
  AND (d.end_date IS NULL OR d.end_date >= $2::date)

-- name: HeadsOnDate
-- $1: text[] unit ids, $2: date. Regional head terms at those units on the date (end
-- exclusive), with a Pj's person.
SELECT h.id, h.unit_id, h.name, h.employee_id, (h.term_start - DATE '1970-01-01'),
       (h.term_end + 1 - DATE '1970-01-01'), e.nip, e.name, e.kind, e.rank
FROM regional_heads h LEFT JOIN employees e ON e.id = h.employee_id
WHERE h.unit_id = ANY($1::text[]) AND h.term_start <= $2::date
  AND (h.term_end IS NULL OR h.term_end >= $2::date)

-- name: PositionNames
-- $1: text[] position ids.
SELECT id, name FROM positions WHERE id = ANY($1::text[])
