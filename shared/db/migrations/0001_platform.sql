-- Platform tables every service schema has: transactional outbox, idempotency keys, audit log.

-- Outbox: written in the same transaction as the business change. Readers deliver rows in
-- (txid, sequence) order and only rows whose writer transaction is older than their snapshot's
-- xmin, i.e. certainly finished, so a row that commits late is never skipped (ARCHITECTURE.md).
CREATE TABLE outbox (
  sequence bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL DEFAULT gen_random_uuid(),
  type text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  payload_type text NOT NULL,
  payload bytea NOT NULL,
  actor text NOT NULL DEFAULT '',
  request_id text NOT NULL DEFAULT '',
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_delivery_order ON outbox (txid, sequence);

-- Wake live readers once per writing statement; NOTIFY is delivered at commit.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotency: the first answer to (principal, method, request_id), stored in the write's own
-- transaction. The fingerprint detects a request_id reused for a different request.
CREATE TABLE idempotency_keys (
  principal text NOT NULL,
  method text NOT NULL,
  request_id text NOT NULL,
  fingerprint text NOT NULL,
  response bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, method, request_id)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Audit: who changed what, when, before/after, under which request id.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  request_id text NOT NULL DEFAULT '',
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id, at);
