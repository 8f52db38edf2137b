-- Tamper-evident audit log: every row is sealed into a SHA-256 hash chain per schema
-- (docs/design.md, "Audit log: a hash chain sealed after commit").
--
-- Writers insert rows as before and take no lock: the row only records its writer's transaction
-- id, like the outbox. audit_seal() later appends committed rows to the chain in (txid, id)
-- order, taking only rows whose transaction is older than its snapshot's xmin, so a row that
-- commits late can never belong before a row already sealed.

-- Rows written before this migration get txid 0: they sort first and are sealed below in id
-- order. Adding the column with a constant default rewrites nothing.
ALTER TABLE audit_log
  ADD COLUMN txid xid8 NOT NULL DEFAULT '0',
  ADD COLUMN chain_seq bigint UNIQUE,  -- position in the chain, 1-based; NULL until sealed
  ADD COLUMN prev_hash bytea,          -- row_hash of position chain_seq - 1 (zeros for the first)
  ADD COLUMN row_hash bytea;           -- sha256(prev_hash || audit_chain_payload(row))
ALTER TABLE audit_log ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
CREATE INDEX audit_log_unsealed ON audit_log (txid, id) WHERE chain_seq IS NULL;

-- The canonical encoding of a row that its hash covers: every column except the two hashes,
-- each as its text form prefixed by its UTF-8 byte length ("5:alice"), NULL as "N". Times are
-- epoch microseconds and jsonb is in its normalised text form, so neither the session's
-- TimeZone/DateStyle nor the JSON's original spacing changes the bytes. db::VerifyAuditChain
-- hashes this same payload with OpenSSL.
CREATE FUNCTION audit_chain_payload(a audit_log) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT string_agg(
           CASE WHEN f IS NULL THEN '\x4e'::bytea
                ELSE convert_to(octet_length(convert_to(f, 'UTF8')) || ':', 'UTF8')
                     || convert_to(f, 'UTF8') END,
           ''::bytea ORDER BY n)
  FROM unnest(ARRAY[a.chain_seq::text, a.txid::text, a.id::text,
                    (extract(epoch FROM a.at) * 1000000)::bigint::text, a.actor, a.request_id,
                    a.action, a.resource_type, a.resource_id, a.before::text, a.after::text])
       WITH ORDINALITY AS fields(f, n)
$$;

-- Seals up to max_rows (NULL: all) committed rows onto the chain; returns how many. Concurrent
-- sealers (replicas, a verify run) queue on a transaction advisory lock; writers never take it.
-- Call it in a READ COMMITTED transaction: each statement below then sees a fresh snapshot
-- taken after the lock, so the head it reads is the latest one.
CREATE FUNCTION audit_seal(max_rows integer DEFAULT 10000) RETURNS bigint LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
DECLARE
  head audit_log;
  r audit_log;
  horizon xid8;
  sealed bigint := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('kinerja.audit_seal.' || current_schema(), 0));
  -- Every transaction below the horizon has finished: its rows are all visible or gone for good.
  horizon := pg_snapshot_xmin(pg_current_snapshot());
  SELECT * INTO head FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  -- A row sorting before the head cannot be legitimate (its transaction would have finished
  -- before the head was sealed); it is left unsealed for VerifyAuditChain to report.
  FOR r IN
    SELECT * FROM audit_log
    WHERE chain_seq IS NULL AND txid < horizon
      AND (head.id IS NULL OR (txid, id) > (head.txid, head.id))
    ORDER BY txid, id
    LIMIT max_rows
  LOOP
    r.chain_seq := coalesce(head.chain_seq, 0) + 1;
    r.prev_hash := coalesce(head.row_hash, decode(repeat('00', 32), 'hex'));
    r.row_hash := sha256(r.prev_hash || audit_chain_payload(r));
    UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
      WHERE id = r.id;
    head := r;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END $$;

SELECT audit_seal(NULL);
