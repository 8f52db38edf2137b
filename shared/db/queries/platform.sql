-- Statements on the platform tables every service schema has (shared/db/migrations/): the audit
-- log, the outbox and the event cursors. Every write transaction's audit row and event run them.

-- name: AuditInsert
-- $1 actor, $2 request_id, $3 action, $4 resource_type, $5 resource_id, $6 before, $7 after
INSERT INTO audit_log (actor, request_id, action, resource_type, resource_id, before, after)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)

-- name: OutboxInsert
-- $1 type, $2 aggregate_type, $3 aggregate_id, $4 payload_type, $5 payload, $6 actor,
-- $7 request_id
INSERT INTO outbox (type, aggregate_type, aggregate_id, payload_type, payload, actor, request_id)
VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: CursorSelect
-- $1 consumer -> its cursor
SELECT cursor FROM event_cursors WHERE consumer = $1

-- name: CursorLock
-- $1 consumer -> its cursor, the row locked until the transaction ends: a follower's transaction
-- checks that no other replica moved the cursor since it read it (event_follower.cc).
SELECT cursor FROM event_cursors WHERE consumer = $1 FOR UPDATE

-- name: FollowerLeadership
-- $1 schema, $2 consumer -> true when this session now leads the consumer: a session advisory
-- lock, released when the session ends (the replica stopped or died), so one replica of a
-- service follows each stream and the others wait.
SELECT pg_try_advisory_lock(hashtextextended('kinerja.follower/' || $1 || '/' || $2, 0))

-- name: FollowerLeadershipRelease
-- $1 schema, $2 consumer: one hold of the lock above less (FollowerLeadership taken again by the
-- session that holds it, to see that the session is still alive, counts once more).
SELECT pg_advisory_unlock(hashtextextended('kinerja.follower/' || $1 || '/' || $2, 0))

-- name: CursorUpsert
-- $1 consumer, $2 cursor
INSERT INTO event_cursors (consumer, cursor) VALUES ($1, $2)
ON CONFLICT (consumer) DO UPDATE SET cursor = EXCLUDED.cursor, update_time = now()

-- name: AuditAndOutboxInsert
-- A change's audit row and its event in one statement (one round trip).
-- $1 actor, $2 request_id, $3 action, $4 resource_type, $5 resource_id, $6 before, $7 after,
-- $8 type, $9 aggregate_type, $10 aggregate_id, $11 payload_type, $12 payload
WITH audit AS (
  INSERT INTO audit_log (actor, request_id, action, resource_type, resource_id, before, after)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
)
INSERT INTO outbox (type, aggregate_type, aggregate_id, payload_type, payload, actor, request_id)
VALUES ($8, $9, $10, $11, $12, $1, $2)

-- name: SynchronousCommitOff
-- SET LOCAL synchronous_commit = off, as a statement that can be prepared: this transaction's
-- commit does not wait for its WAL flush (event followers of read models, see event_follower.h).
SELECT set_config('synchronous_commit', 'off', true)
