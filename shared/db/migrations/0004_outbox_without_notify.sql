-- Writers no longer NOTIFY. PostgreSQL serialises the commits of every transaction that sent a
-- NOTIFY (a database-wide lock held through the commit record's flush), so the per-statement
-- trigger made all audited writes of all services queue behind each other. Event streams are
-- now woken by their own process after a commit that wrote events, and poll with a short bound
-- for other replicas' commits (shared/events/outbox_notifier.h, docs/design.md).
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION outbox_notify();
