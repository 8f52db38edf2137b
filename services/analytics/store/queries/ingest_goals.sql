-- The goals service's events (ingest_goals.cc).

-- name: UpsertPeriod
-- $1 period, $2 agency, $3 year, $4 start, $5 end, $6 filling deadline, $7 cadence, $8 state,
-- $9 seq
INSERT INTO periods AS p (period_id, agency_id, year, start_date, end_date, filling_deadline,
                          cadence, state, seq)
VALUES ($1, $2, $3, $4::date, $5::date, $6::date, $7, $8, $9)
ON CONFLICT (period_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, year = EXCLUDED.year, start_date = EXCLUDED.start_date,
    end_date = EXCLUDED.end_date, filling_deadline = EXCLUDED.filling_deadline,
    cadence = EXCLUDED.cadence, state = EXCLUDED.state, seq = EXCLUDED.seq
WHERE p.seq < EXCLUDED.seq
RETURNING period_id

-- name: UpsertUnitPolicy
-- $1 unit, $2 agency, $3 public service, $4 include subunits, $5 survey id, $6 seq
INSERT INTO unit_policies AS u (unit_id, agency_id, public_service, include_subunits, survey_id,
                                seq)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (unit_id) DO UPDATE
SET agency_id = EXCLUDED.agency_id, public_service = EXCLUDED.public_service,
    include_subunits = EXCLUDED.include_subunits, survey_id = EXCLUDED.survey_id,
    seq = EXCLUDED.seq
WHERE u.seq < EXCLUDED.seq
RETURNING unit_id

-- name: UpsertDeadlineExtension
-- $1 period, $2 employee, $3 until. An extension only ever moves the deadline later.
INSERT INTO deadline_extensions AS d (period_id, employee_id, until) VALUES ($1, $2, $3::date)
ON CONFLICT (period_id, employee_id) DO UPDATE SET until = greatest(d.until, EXCLUDED.until)

-- name: PlanBefore
-- $1 plan: the row before this event (locked), if any.
SELECT period_id, unit_id, position_id, state, seq FROM plans WHERE plan_id = $1 FOR UPDATE

-- name: UpsertPlan
-- $1 plan, $2 period, $3 agency, $4 year when the period is unknown here, $5 employee, $6 nip,
-- $7 name, $8 position, $9 unit, $10 position type, $11 state, $12 start, $13 end,
-- $14 filling deadline, $15 submit time (micros, NULL), $16 approve time (micros, NULL),
-- $17 approved revision, $18 assessor nip, $19 assessor name, $20 seq.
-- first_approve_time keeps the first approval (a revision's approval does not move it).
INSERT INTO plans AS p (plan_id, period_id, agency_id, year, employee_id, nip, name, position_id,
                        unit_id, position_type, state, start_date, end_date, filling_deadline,
                        submit_time, first_approve_time, approved_revision, assessor_nip,
                        assessor_name, seq)
VALUES ($1, $2, $3, COALESCE((SELECT year FROM periods WHERE period_id = $2), $4), $5, $6, $7,
        $8, $9, $10, $11, $12::date, $13::date, $14::date,
        timestamptz 'epoch' + $15::bigint * interval '1 microsecond',
        timestamptz 'epoch' + $16::bigint * interval '1 microsecond', $17, $18, $19, $20)
ON CONFLICT (plan_id) DO UPDATE
SET period_id = EXCLUDED.period_id, agency_id = EXCLUDED.agency_id, year = EXCLUDED.year,
    employee_id = EXCLUDED.employee_id, nip = EXCLUDED.nip, name = EXCLUDED.name,
    position_id = EXCLUDED.position_id, unit_id = EXCLUDED.unit_id,
    position_type = EXCLUDED.position_type, state = EXCLUDED.state,
    start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
    filling_deadline = EXCLUDED.filling_deadline,
    submit_time = COALESCE(p.submit_time, EXCLUDED.submit_time),
    first_approve_time = COALESCE(p.first_approve_time, EXCLUDED.first_approve_time),
    approved_revision = EXCLUDED.approved_revision, assessor_nip = EXCLUDED.assessor_nip,
    assessor_name = EXCLUDED.assessor_name, seq = EXCLUDED.seq
WHERE p.seq < EXCLUDED.seq
RETURNING plan_id

-- name: PlanIndicatorsDueFrom
-- $1 plan: the indicators of its approved content as the read model holds them, with the day
-- each is due from (NULL: the plan's start).
SELECT indicator_id, due_from::text FROM plan_indicators WHERE plan_id = $1

-- name: DeletePlanIndicators
-- $1 plan
DELETE FROM plan_indicators WHERE plan_id = $1

-- name: InsertPlanIndicator
-- $1 plan, $2 indicator, $3 text, $4 aspect, $5 qualitative, $6 target min, $7 target max,
-- $8 target unit, $9 lower is better, $10 due from ('YYYY-MM-DD' or NULL)
INSERT INTO plan_indicators (plan_id, indicator_id, text, aspect, qualitative, target_min,
                             target_max, target_unit, lower_is_better, due_from)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date)
ON CONFLICT (plan_id, indicator_id) DO NOTHING

-- name: ApprovalDay
-- $1 microseconds since the epoch: the day in Asia/Jakarta ('YYYY-MM-DD').
SELECT ((timestamptz 'epoch' + $1::bigint * interval '1 microsecond')
        AT TIME ZONE 'Asia/Jakarta')::date::text

-- name: SetPlanQuality
-- $1 plan, $2 has a QUALITY indicator in its approved content
UPDATE plans SET has_quality_indicator = $2 WHERE plan_id = $1
