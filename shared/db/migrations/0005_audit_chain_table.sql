-- The hash chain's links move to their own insert-only table (docs/design.md, "Audit log: a hash
-- chain sealed after commit"). Sealing used to UPDATE every audit row (its position and hashes):
-- a second write of a wide row, a new entry in each of its indexes (chain_seq was indexed, so
-- no HOT update), and dead index entries that every later sealing walked until vacuum. Under a
-- stream of audited writes it cost more database time than the writes themselves. Now a row is
-- written once, and sealing appends one narrow row per audit row to audit_chain.
--
-- Chain order is (txid, id) order, as before; the last link records its row's (txid, id), so the
-- sealer finds the rows still to seal with one range scan of audit_log (txid, id).

CREATE TABLE audit_chain (
  chain_seq bigint PRIMARY KEY,  -- position in the chain, 1-based
  audit_id bigint NOT NULL,      -- the audit_log row at this position
  audit_txid xid8 NOT NULL,      -- its txid (the sealer resumes after (audit_txid, audit_id))
  prev_hash bytea NOT NULL,      -- row_hash of position chain_seq - 1 (zeros for the first)
  row_hash bytea NOT NULL        -- sha256(prev_hash || audit_link_payload(chain_seq, row))
);

-- The bytes a link's hash covers: the position, then every column of the row, each as its text
-- form prefixed by its UTF-8 byte length ("5:alice"), NULL as "N". The same encoding as
-- audit_chain_payload(audit_log) of migration 0002 with the position given, so links sealed
-- before this migration keep their hashes. db::SealAuditChain builds these bytes in C++.
CREATE FUNCTION audit_link_payload(seq bigint, a audit_log) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT string_agg(
           CASE WHEN f IS NULL THEN '\x4e'::bytea
                ELSE convert_to(octet_length(convert_to(f, 'UTF8')) || ':', 'UTF8')
                     || convert_to(f, 'UTF8') END,
           ''::bytea ORDER BY n)
  FROM unnest(ARRAY[seq::text, a.txid::text, a.id::text,
                    (extract(epoch FROM a.at) * 1000000)::bigint::text, a.actor, a.request_id,
                    a.action, a.resource_type, a.resource_id, a.before::text, a.after::text])
       WITH ORDINALITY AS fields(f, n)
$$;

INSERT INTO audit_chain (chain_seq, audit_id, audit_txid, prev_hash, row_hash)
  SELECT chain_seq, id, txid, prev_hash, row_hash FROM audit_log WHERE chain_seq IS NOT NULL;

DROP FUNCTION audit_seal(integer);
DROP FUNCTION audit_chain_payload(audit_log);
DROP INDEX audit_log_unsealed;
ALTER TABLE audit_log DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN row_hash;
CREATE INDEX audit_log_chain_order ON audit_log (txid, id);

-- The reference sealer, row by row (the services seal with db::SealAuditChain, which builds the
-- same chain set-based). Seals up to max_rows committed rows; returns how many. Concurrent
-- sealers queue on a transaction advisory lock; writers never take it. Call it in a READ
-- COMMITTED transaction.
CREATE FUNCTION audit_seal(max_rows integer DEFAULT 500) RETURNS bigint LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
DECLARE
  head audit_chain;
  r audit_log;
  horizon xid8;
  seq bigint := 0;
  prev bytea := decode(repeat('00', 32), 'hex');
  after_txid xid8 := '0';
  after_id bigint := 0;
  h bytea;
  sealed bigint := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('kinerja.audit_seal.' || current_schema(), 0));
  horizon := pg_snapshot_xmin(pg_current_snapshot());
  SELECT * INTO head FROM audit_chain ORDER BY chain_seq DESC LIMIT 1;
  IF FOUND THEN
    seq := head.chain_seq; prev := head.row_hash;
    after_txid := head.audit_txid; after_id := head.audit_id;
  END IF;
  FOR r IN
    SELECT * FROM audit_log a
    WHERE a.txid < horizon AND (a.txid, a.id) > (after_txid, after_id)
    ORDER BY a.txid, a.id
    LIMIT max_rows
  LOOP
    seq := seq + 1;
    h := sha256(prev || audit_link_payload(seq, r));
    INSERT INTO audit_chain (chain_seq, audit_id, audit_txid, prev_hash, row_hash)
      VALUES (seq, r.id, r.txid, prev, h);
    prev := h;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END $$;
