-- Plan workflow steps (submit, approve, return, revise) change a plan's state but none of the
-- columns its indexes key on, so they can be HOT updates (no index entry written) if no index
-- depends on `state` either. Two partial indexes did (WHERE state <> 'CLOSED'): they now depend
-- on is_open, a stored generated column that changes only when a plan is closed (PostgreSQL
-- compares the indexed values, not the assigned columns, when it decides on HOT). The table
-- keeps free space in each page for the new row versions (fillfactor; the table is rewritten by
-- the new column, so existing pages get it too). Stored plans are carried over as they are.
ALTER TABLE plans SET (fillfactor = 80);
ALTER TABLE plans ADD COLUMN is_open boolean GENERATED ALWAYS AS (state <> 'CLOSED') STORED;

-- At most one open plan per employee, period and position (CreatePlan: PLAN_EXISTS).
DROP INDEX plans_one_open;
CREATE UNIQUE INDEX plans_one_open ON plans (period_id, employee_id, position_id) WHERE is_open;
-- The cascade's recursive step: the open plans of a period assessed by one employee.
DROP INDEX plans_cascade;
CREATE INDEX plans_cascade ON plans (period_id, assessor_employee_id) INCLUDE (employee_id)
  WHERE is_open;
-- Approving marks a plan's results approved, a column no index of plan_results keys on: leave
-- room in new pages for those HOT updates too.
ALTER TABLE plan_results SET (fillfactor = 90);
