-- GetPlan's read model: each plan as GetPlan answers it (the serialized kinerja.goals.v1.Plan),
-- written in the transaction of every plan change (plan.create, the workflow steps, content
-- edits, closes by transfer), so that a read is one primary-key lookup of one bytea and a
-- ParseFromString instead of the plan's columns, three JSON columns and the results aggregated
-- as JSON. Plans stored before this migration have no answer yet: GetPlan builds theirs from the
-- plan's columns as before (the answer cannot be built in SQL) until their next change stores
-- one. The answers are kept inline (compressed when large) rather than moved to a TOAST table,
-- so a read touches one heap page.
CREATE TABLE plan_answers (
  plan_id text COLLATE "C" PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  answer bytea NOT NULL
);
ALTER TABLE plan_answers ALTER COLUMN answer SET STORAGE MAIN;
