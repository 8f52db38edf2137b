-- Employee point reads: the hot path (GetEmployee, BatchGetEmployees and the coalesced lookups
-- behind them). The columns are those of EmployeeColumns() in store/rows.cc, in the order
-- EmployeeFromRow decodes them; a single key is an array of one.

-- name: EmployeesByIds
-- $1: text[] of employee ids
SELECT e.id, e.nip, e.kind, e.candidate, e.name, e.sex, (e.birth_date - DATE '1970-01-01'),
       e.rank, e.status, e.agency_id, e.unit_id, e.position_id,
       (e.appointment_date - DATE '1970-01-01'), (e.position_start_date - DATE '1970-01-01'),
       e.siasn_id, e.version, (extract(epoch FROM e.create_time) * 1000000)::bigint,
       (extract(epoch FROM e.update_time) * 1000000)::bigint
FROM employees e WHERE e.id = ANY($1::text[])

-- name: EmployeesByNips
-- $1: text[] of NIPs / NI PPPKs
SELECT e.id, e.nip, e.kind, e.candidate, e.name, e.sex, (e.birth_date - DATE '1970-01-01'),
       e.rank, e.status, e.agency_id, e.unit_id, e.position_id,
       (e.appointment_date - DATE '1970-01-01'), (e.position_start_date - DATE '1970-01-01'),
       e.siasn_id, e.version, (extract(epoch FROM e.create_time) * 1000000)::bigint,
       (extract(epoch FROM e.update_time) * 1000000)::bigint
FROM employees e WHERE e.nip = ANY($1::text[])

-- name: EmployeeExists
-- $1: employee id
SELECT 1 FROM employees WHERE id = $1

-- name: EmployeeIdByNip
-- $1: NIP
SELECT id FROM employees WHERE nip = $1

-- name: EmployeeIdBySiasnId
-- $1: SIASN person id
SELECT id FROM employees WHERE siasn_id = $1

-- name: EmployeeAgency
-- $1: employee id
SELECT agency_id FROM employees WHERE id = $1
