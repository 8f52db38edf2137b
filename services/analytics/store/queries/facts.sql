-- The read model's facts behind a report's scope (report_reader.cc): the requested unit and
-- period, and the positions and units a NIP leads (access rule: domain/access.h).

-- name: UnitFactsById
-- $1 unit id. path as a JSON array; end_date as days since 1970-01-01.
SELECT u.unit_id, u.agency_id, u.name, u.leader_position_id, to_json(u.path)::text,
       u.end_date - DATE '1970-01-01'
FROM units u WHERE u.unit_id = $1

-- name: PeriodFactsById
-- $1 period id.
SELECT p.period_id, p.agency_id, p.year FROM periods p WHERE p.period_id = $1

-- name: PositionsHeldByNip
-- $1 NIP: the positions of the employee records with that NIP.
SELECT e.position_id, e.status FROM employees e
WHERE e.nip = $1 AND e.nip <> '' AND e.position_id <> ''

-- name: ActingByNip
-- $1 NIP: the acting appointments (Plt/Plh) of the employee records with that NIP.
SELECT a.position_id, a.start_date - DATE '1970-01-01', a.end_date - DATE '1970-01-01'
FROM acting_officials a JOIN employees e ON e.employee_id = a.employee_id
WHERE e.nip = $1 AND e.nip <> ''

-- name: UnitsLedByPositions
-- $1 position ids (text[]): the units whose leader position is one of them.
SELECT u.unit_id, u.agency_id, u.name, u.leader_position_id, to_json(u.path)::text,
       u.end_date - DATE '1970-01-01'
FROM units u WHERE u.leader_position_id = ANY($1::text[]) AND u.leader_position_id <> ''
ORDER BY u.unit_id

-- name: AgencyNames
-- $1 agency ids (text[]).
SELECT a.agency_id, a.name FROM agencies a WHERE a.agency_id = ANY($1::text[])

-- name: UnitNames
-- $1 unit ids (text[]).
SELECT u.unit_id, u.name FROM units u WHERE u.unit_id = ANY($1::text[])
