-- An employee's assignment history (riwayat jabatan). Dates are days since 1970-01-01 in
-- results (in the order AssignmentFromRow in store/rows.cc decodes) and 'YYYY-MM-DD' in parameters.

-- name: AssignmentsPage
-- $1: employee id, $2: the last start date of the previous page or NULL, $3: limit
SELECT a.employee_id, a.position_id, a.unit_id, a.agency_id,
       (a.valid_from - DATE '1970-01-01'), (a.valid_to - DATE '1970-01-01'), a.reason
FROM assignments a
WHERE a.employee_id = $1 AND ($2::date IS NULL OR a.valid_from > $2::date)
ORDER BY a.valid_from LIMIT $3

-- name: OpenAssignmentStart
-- $1: employee id. Locks the open assignment for the transfer that reads it.
SELECT (valid_from - DATE '1970-01-01') FROM assignments
WHERE employee_id = $1 AND valid_to IS NULL FOR UPDATE

-- name: InsertAssignment
-- $1: employee id, $2: start date, $3: position id, $4: unit id, $5: agency id, $6: reason
INSERT INTO assignments (employee_id, valid_from, position_id, unit_id, agency_id, reason)
VALUES ($1, $2::date, $3, $4, $5, $6)

-- name: CorrectOpenAssignment
-- $1: employee id, $2: position id, $3: unit id, $4: reason (same-day correction)
UPDATE assignments SET position_id = $2, unit_id = $3, reason = $4
WHERE employee_id = $1 AND valid_to IS NULL

-- name: CloseOpenAssignment
-- $1: employee id, $2: end date (exclusive)
UPDATE assignments SET valid_to = $2::date WHERE employee_id = $1 AND valid_to IS NULL
