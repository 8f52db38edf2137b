-- Realisations, window reopenings, indicator feedback and feedback notes
-- (realisation_store.cc, feedback_store.cc). Dates come back as days since 1970-01-01, times as
-- microseconds since the epoch (shared/db/row_decode.h); the column order is the decoder's.

-- name: LockRealisation
-- $1 plan_id, $2 indicator_id, $3 window_first
SELECT r.id, r.plan_id, r.plan_revision, r.indicator_id, r.window_year, r.window_index,
       (r.window_first - date '1970-01-01'), (r.window_last - date '1970-01-01'), r.month_start,
       r.month_end, r.value, r.text, r.evidence::text, r.employee_id, r.late, r.version,
       (extract(epoch FROM r.create_time) * 1000000)::bigint,
       (extract(epoch FROM r.update_time) * 1000000)::bigint, r.agency_id
FROM realisations r
WHERE r.plan_id = $1 AND r.indicator_id = $2 AND r.window_first = $3::date
FOR UPDATE

-- name: UpsertRealisation
-- $1 plan_id, $2 plan_revision, $3 agency_id, $4 employee_id, $5 indicator_id, $6 window_year,
-- $7 window_index, $8 window_first, $9 window_last, $10 month_start, $11 month_end, $12 value
-- (NULL: none), $13 text, $14 evidence (json), $15 late, $16 recorded_by
INSERT INTO realisations AS r (plan_id, plan_revision, agency_id, employee_id, indicator_id,
                               window_year, window_index, window_first, window_last, month_start,
                               month_end, value, text, evidence, late, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::date, $10, $11, $12, $13, $14::jsonb, $15, $16)
ON CONFLICT (plan_id, indicator_id, window_first) DO UPDATE
SET plan_revision = EXCLUDED.plan_revision, window_last = EXCLUDED.window_last,
    month_start = EXCLUDED.month_start, month_end = EXCLUDED.month_end, value = EXCLUDED.value,
    text = EXCLUDED.text, evidence = EXCLUDED.evidence, late = EXCLUDED.late,
    recorded_by = EXCLUDED.recorded_by, version = r.version + 1, update_time = now()
RETURNING r.id, r.plan_id, r.plan_revision, r.indicator_id, r.window_year, r.window_index,
          (r.window_first - date '1970-01-01'), (r.window_last - date '1970-01-01'),
          r.month_start, r.month_end, r.value, r.text, r.evidence::text, r.employee_id, r.late,
          r.version, (extract(epoch FROM r.create_time) * 1000000)::bigint,
          (extract(epoch FROM r.update_time) * 1000000)::bigint, r.agency_id

-- name: ReopenedUntil
-- $1 plan_id, $2 window_first. Read inside the entry's transaction.
SELECT (w.until - date '1970-01-01') FROM window_reopenings w
WHERE w.plan_id = $1 AND w.window_first = $2::date
FOR SHARE

-- name: LockReopening
-- $1 plan_id, $2 window_first
SELECT (w.until - date '1970-01-01'), w.reason, w.granted_by
FROM window_reopenings w WHERE w.plan_id = $1 AND w.window_first = $2::date FOR UPDATE

-- name: UpsertReopening
-- $1 plan_id, $2 window_first, $3 window_last, $4 window_year, $5 window_index, $6 agency_id,
-- $7 until, $8 reason, $9 granted_by
INSERT INTO window_reopenings AS w (plan_id, window_first, window_last, window_year,
                                    window_index, agency_id, until, reason, granted_by)
VALUES ($1, $2::date, $3::date, $4, $5, $6, $7::date, $8, $9)
ON CONFLICT (plan_id, window_first) DO UPDATE
SET until = EXCLUDED.until, reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by,
    grant_time = now()
RETURNING (extract(epoch FROM w.grant_time) * 1000000)::bigint

-- name: LockIndicatorFeedback
-- $1 plan_id, $2 indicator_id, $3 window_first
SELECT f.id, f.text, f.given_by::text, f.capacity, f.recorded_by
FROM indicator_feedback f
WHERE f.plan_id = $1 AND f.indicator_id = $2 AND f.window_first = $3::date
FOR UPDATE

-- name: UpsertIndicatorFeedback
-- $1 plan_id, $2 agency_id, $3 indicator_id, $4 window_year, $5 window_index, $6 window_first,
-- $7 window_last, $8 month_start, $9 month_end, $10 text, $11 given_by (json), $12 capacity,
-- $13 recorded_by
INSERT INTO indicator_feedback AS f (plan_id, agency_id, indicator_id, window_year, window_index,
                                     window_first, window_last, month_start, month_end, text,
                                     given_by, capacity, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10, $11::jsonb, $12, $13)
ON CONFLICT (plan_id, indicator_id, window_first) DO UPDATE
SET text = EXCLUDED.text, given_by = EXCLUDED.given_by, capacity = EXCLUDED.capacity,
    recorded_by = EXCLUDED.recorded_by, create_time = now()
RETURNING f.id, f.plan_id, f.indicator_id, f.window_year, f.window_index,
          (f.window_first - date '1970-01-01'), (f.window_last - date '1970-01-01'),
          f.month_start, f.month_end, f.text, f.given_by::text,
          (extract(epoch FROM f.create_time) * 1000000)::bigint

-- name: IndicatorFeedbackPage
-- $1 plan_id, $2 after window_first (days; -1000000: first page), $3 after indicator_id, $4 limit
SELECT f.id, f.plan_id, f.indicator_id, f.window_year, f.window_index,
       (f.window_first - date '1970-01-01'), (f.window_last - date '1970-01-01'), f.month_start,
       f.month_end, f.text, f.given_by::text, (extract(epoch FROM f.create_time) * 1000000)::bigint
FROM indicator_feedback f
WHERE f.plan_id = $1
  AND ((f.window_first - date '1970-01-01'), f.indicator_id) > ($2::integer, $3::text)
ORDER BY f.window_first, f.indicator_id
LIMIT $4

-- name: InsertFeedbackNote
-- $1 plan_id, $2 agency_id, $3 author (json), $4 author_role, $5 text
INSERT INTO feedback_notes AS n (plan_id, agency_id, author, author_role, text)
VALUES ($1, $2, $3::jsonb, $4, $5)
RETURNING n.id, n.plan_id, n.author::text, n.text,
          (extract(epoch FROM n.create_time) * 1000000)::bigint

-- name: FeedbackNotePage
-- $1 plan_id, $2 after create_time (micros; -1: first page), $3 after id, $4 limit
SELECT n.id, n.plan_id, n.author::text, n.text,
       (extract(epoch FROM n.create_time) * 1000000)::bigint AS create_us
FROM feedback_notes n
WHERE n.plan_id = $1
  AND ((extract(epoch FROM n.create_time) * 1000000)::bigint, n.id) > ($2::bigint, $3::text)
ORDER BY create_us, n.id
LIMIT $4
