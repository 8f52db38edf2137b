-- Periods and deadline extensions (period_store.cc). Dates are days since 1970-01-01 and times
-- microseconds since the epoch in results, 'YYYY-MM-DD' in parameters.

-- name: PeriodById
-- $1: period id
-- columns in the order of PeriodFromRow (store/rows.cc)
SELECT p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
       (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
       p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
       (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days
FROM periods p WHERE p.id = $1

-- name: LockPeriod
-- $1: period id. Locks the period for UpdatePeriod / SetPeriodState.
-- columns in the order of PeriodFromRow (store/rows.cc)
SELECT p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
       (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
       p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
       (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days
FROM periods p WHERE p.id = $1 FOR UPDATE

-- name: SharePeriod
-- $1: period id. Keeps the period from changing while an extension is granted.
-- columns in the order of PeriodFromRow (store/rows.cc)
SELECT p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
       (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
       p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
       (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days
FROM periods p WHERE p.id = $1 FOR SHARE

-- name: PeriodAgencyAndState
-- $1: period id. What creating a plan in the period needs (CreatePlan, ApplyTransfer).
SELECT agency_id, state FROM periods WHERE id = $1

-- name: InsertPeriod
-- $1: agency id, $2: year, $3: name, $4: start date, $5: end date, $6: filling deadline,
-- $7: cadence, $8: state, $9: mid-year filling days. No row when the agency has a period of
-- that year (periods_one_per_year).
-- columns returned in the order of PeriodFromRow (store/rows.cc)
INSERT INTO periods AS p (agency_id, year, name, start_date, end_date, filling_deadline,
                          cadence, state, mid_year_filling_days)
VALUES ($1, $2, $3, $4::date, $5::date, $6::date, $7, $8, $9)
ON CONFLICT (agency_id, year) WHERE NOT legacy_duplicate DO NOTHING
RETURNING p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
          (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
          p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
          (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days

-- name: PeriodOfYear
-- $1: agency id, $2: year. The agency's period of the year (CreatePeriod's PERIOD_EXISTS).
SELECT id FROM periods WHERE agency_id = $1 AND year = $2 AND NOT legacy_duplicate

-- name: PeriodHasApprovedPlan
-- $1: period id. Whether any plan of the period has had a version approved (CADENCE_LOCKED).
SELECT EXISTS (SELECT 1 FROM plans q JOIN plan_versions v ON v.plan_id = q.id
               WHERE q.period_id = $1)

-- name: UpdatePeriod
-- $1: period id, $2: name, $3: filling deadline, $4: cadence, $5: mid-year filling days
-- columns returned in the order of PeriodFromRow (store/rows.cc)
UPDATE periods AS p
SET name = $2, filling_deadline = $3::date, cadence = $4, mid_year_filling_days = $5,
    version = p.version + 1, update_time = now()
WHERE p.id = $1
RETURNING p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
          (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
          p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
          (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days

-- name: SetPeriodState
-- $1: period id, $2: state
-- columns returned in the order of PeriodFromRow (store/rows.cc)
UPDATE periods AS p SET state = $2, version = p.version + 1, update_time = now()
WHERE p.id = $1
RETURNING p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
          (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
          p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
          (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days

-- name: LockExtension
-- $1: period id, $2: employee id. The extension a grant replaces (audit "before").
-- columns in the order of ExtensionFromRow (store/rows.cc)
SELECT x.period_id, x.employee_id, (x.until - DATE '1970-01-01'), x.reason, x.granted_by,
       (extract(epoch FROM x.grant_time) * 1000000)::bigint
FROM deadline_extensions x WHERE x.period_id = $1 AND x.employee_id = $2 FOR UPDATE

-- name: UpsertExtension
-- $1: period id, $2: employee id, $3: until, $4: reason, $5: granted by
-- columns returned in the order of ExtensionFromRow (store/rows.cc)
INSERT INTO deadline_extensions AS x (period_id, employee_id, until, reason, granted_by)
VALUES ($1, $2, $3::date, $4, $5)
ON CONFLICT (period_id, employee_id) DO UPDATE
SET until = EXCLUDED.until, reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by,
    grant_time = now()
RETURNING x.period_id, x.employee_id, (x.until - DATE '1970-01-01'), x.reason, x.granted_by,
          (extract(epoch FROM x.grant_time) * 1000000)::bigint

-- name: PlanStartsOfPeriod
-- $1: period id. Every plan of the period: id, start date, filling deadline (days since
-- 1970-01-01).
SELECT p.id, (p.start_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01')
FROM plans p WHERE p.period_id = $1 ORDER BY p.id

-- name: SetPlanDeadlines
-- $1: text[] of plan ids, $2: text[] of their new filling deadlines ('YYYY-MM-DD'), in the same
-- order. Their stored answers are dropped (rebuilt from the rows on the next read).
WITH changed AS (
  UPDATE plans p SET filling_deadline = x.deadline::date
  FROM unnest($1::text[], $2::text[]) AS x(id, deadline) WHERE p.id = x.id
  RETURNING p.id)
DELETE FROM plan_answers a USING changed c WHERE a.plan_id = c.id
