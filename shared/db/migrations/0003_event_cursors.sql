-- Event cursors: how far each consumer of another service's events has applied them. A consumer
-- stores its cursor in the same transaction as the event's effect (shared/events/event_follower.h),
-- so a restart resumes after the last applied event and a replay changes nothing.
CREATE TABLE event_cursors (
  consumer text PRIMARY KEY CHECK (consumer <> ''),
  cursor text NOT NULL,
  update_time timestamptz NOT NULL DEFAULT now()
);
