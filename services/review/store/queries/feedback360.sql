-- 360 rounds (feedback360_store.cc). Invitations (who may answer, whether they did) and answers
-- (what was answered) are separate tables; no statement here joins them or writes a rater into
-- an answer (docs/design.md "360 anonymity").

-- name: InsertRound
-- $1 agency_id, $2 employee_id, $3 employee_nip, $4 plan_id, $5 open_date, $6 close_date,
-- $7 raters_invited, $8 opened_by
INSERT INTO feedback_rounds AS r (agency_id, employee_id, employee_nip, plan_id, open_date,
                                  close_date, state, raters_invited, opened_by)
VALUES ($1, $2, $3, $4, $5::date, $6::date, 'OPEN', $7, $8)
RETURNING r.id, r.agency_id, r.employee_id, r.plan_id, (r.open_date - date '1970-01-01'),
          (r.close_date - date '1970-01-01'), r.state, r.raters_invited, r.raters_answered,
          r.opened_by, (extract(epoch FROM r.create_time) * 1000000)::bigint, r.employee_nip

-- name: InsertInvitation
-- $1 round_id, $2 rater_nip, $3 rater_employee_id, $4 relation
INSERT INTO feedback_invitations (round_id, rater_nip, rater_employee_id, relation)
VALUES ($1, $2, $3, $4)

-- name: RoundById
-- $1 id
SELECT r.id, r.agency_id, r.employee_id, r.plan_id, (r.open_date - date '1970-01-01'),
       (r.close_date - date '1970-01-01'), r.state, r.raters_invited, r.raters_answered,
       r.opened_by, (extract(epoch FROM r.create_time) * 1000000)::bigint, r.employee_nip
FROM feedback_rounds r WHERE r.id = $1

-- name: LockRound
-- $1 id. Answers and closing of one round are serialised on its row.
SELECT r.id, r.agency_id, r.employee_id, r.plan_id, (r.open_date - date '1970-01-01'),
       (r.close_date - date '1970-01-01'), r.state, r.raters_invited, r.raters_answered,
       r.opened_by, (extract(epoch FROM r.create_time) * 1000000)::bigint, r.employee_nip
FROM feedback_rounds r WHERE r.id = $1 FOR UPDATE

-- name: RoundInvitations
-- $1 round_id
SELECT i.rater_nip, i.relation, i.answered FROM feedback_invitations i WHERE i.round_id = $1

-- name: MarkInvitationAnswered
-- $1 round_id, $2 rater_nip. Only an unanswered invitation: no row means already answered.
UPDATE feedback_invitations SET answered = true
WHERE round_id = $1 AND rater_nip = $2 AND NOT answered
RETURNING round_id

-- name: InsertAnswer
-- $1 round_id, $2 levels (json object core value -> level), $3 comment. No rater.
INSERT INTO feedback_answers (round_id, levels, comment) VALUES ($1, $2::jsonb, $3)

-- name: CountAnswer
-- $1 round_id
UPDATE feedback_rounds AS r SET raters_answered = r.raters_answered + 1, version = r.version + 1
WHERE r.id = $1
RETURNING r.id, r.agency_id, r.employee_id, r.plan_id, (r.open_date - date '1970-01-01'),
          (r.close_date - date '1970-01-01'), r.state, r.raters_invited, r.raters_answered,
          r.opened_by, (extract(epoch FROM r.create_time) * 1000000)::bigint, r.employee_nip

-- name: CloseRound
-- $1 round_id
UPDATE feedback_rounds AS r SET state = 'CLOSED', version = r.version + 1
WHERE r.id = $1
RETURNING r.id, r.agency_id, r.employee_id, r.plan_id, (r.open_date - date '1970-01-01'),
          (r.close_date - date '1970-01-01'), r.state, r.raters_invited, r.raters_answered,
          r.opened_by, (extract(epoch FROM r.create_time) * 1000000)::bigint, r.employee_nip

-- name: RoundAnswers
-- $1 round_id. The answers without anyone's identity, in a meaningless order.
SELECT a.id, a.levels::text, a.comment FROM feedback_answers a WHERE a.round_id = $1 ORDER BY a.id
