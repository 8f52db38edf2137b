-- Plans that follow the organisation through the year (DOMAIN.md "Organisation", "Planning: SKP"):
-- - start_date / end_date: the days a plan covers. A plan made at the start of the period covers
--   the whole period; a transfer or a new hire starts on the assignment date. end_date is now set
--   from the start (the period's last day) and moved to the last day in the position when the
--   plan is closed.
-- - filling_deadline: the last day the plan's first version may be submitted: the period's
--   filling deadline, or for a plan that starts after the period's start, its start plus the
--   period's mid_year_filling_days (never earlier than the period's deadline, never after its end).
-- - original_assessor / original_assessor_superior: the reporting line the plan was created with
--   (history); assessor / assessor_superior are the line of the day, refreshed at every decision
--   and when the employee service reports an organisation change.
-- - approved_revision: the last approved revision (0 before the first approval).
-- - plan_versions.effective_from: the first day an approved version applies (revision 1 from the
--   plan's start, later ones from their approval day, Asia/Jakarta).
-- - plan_decisions: who decided each approval and return, in what capacity (definitive, Plt, Plh,
--   delegated, Pj, or an HR admin recording the decision of a NON-ASN head).
-- Stored answers (plan_answers) are dropped: they are rebuilt from the columns with the new fields.
ALTER TABLE plans
  ADD COLUMN start_date date,
  ADD COLUMN filling_deadline date,
  ADD COLUMN original_assessor jsonb
    CHECK (original_assessor IS NULL OR jsonb_typeof(original_assessor) = 'object'),
  ADD COLUMN original_assessor_superior jsonb
    CHECK (original_assessor_superior IS NULL
           OR jsonb_typeof(original_assessor_superior) = 'object'),
  ADD COLUMN approved_revision integer NOT NULL DEFAULT 0 CHECK (approved_revision >= 0);

UPDATE plans p
SET start_date = pe.start_date, filling_deadline = pe.filling_deadline,
    end_date = coalesce(p.end_date, pe.end_date), original_assessor = p.assessor,
    original_assessor_superior = p.assessor_superior,
    approved_revision = coalesce((SELECT max(v.revision) FROM plan_versions v
                                  WHERE v.plan_id = p.id), 0)
FROM periods pe WHERE pe.id = p.period_id;

ALTER TABLE plans
  ALTER COLUMN start_date SET NOT NULL,
  ALTER COLUMN filling_deadline SET NOT NULL,
  ALTER COLUMN end_date SET NOT NULL,
  ADD CHECK (end_date >= start_date - 1);

ALTER TABLE plan_versions ADD COLUMN effective_from date;
UPDATE plan_versions v
SET effective_from = CASE WHEN v.revision = 1 THEN p.start_date
                          ELSE (v.approve_time AT TIME ZONE 'Asia/Jakarta')::date END
FROM plans p WHERE p.id = v.plan_id;
ALTER TABLE plan_versions ALTER COLUMN effective_from SET NOT NULL;

CREATE TABLE plan_decisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id text COLLATE "C" NOT NULL REFERENCES plans (id),
  revision integer NOT NULL CHECK (revision >= 1),
  action text NOT NULL CHECK (action IN ('APPROVE', 'RETURN')),
  -- The official who decided (PlanPerson JSON, names.h field names).
  decided_by jsonb NOT NULL CHECK (jsonb_typeof(decided_by) = 'object'),
  capacity text NOT NULL
    CHECK (capacity IN ('DEFINITIVE', 'PLT', 'PLH', 'DELEGATED', 'PJ', 'HR_FOR_NON_ASN')),
  -- The authenticated caller (token subject): the official, or the HR admin recording.
  recorded_by text NOT NULL,
  note text NOT NULL DEFAULT '',
  decide_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_decisions_plan ON plan_decisions (plan_id, id);

DELETE FROM plan_answers;
