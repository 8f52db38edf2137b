-- The day from which an indicator's realisations are due: NULL for the plan's first approved
-- content (due from the plan's start), the approval day (Asia/Jakarta) of the revision that
-- added it otherwise (goals: a later revision applies from its approval day). Expand-only: the
-- previous binary ignores the column.
ALTER TABLE plan_indicators ADD COLUMN due_from date;
