-- Review service schema (feedback area): realisations with evidence, the assessor's indicator
-- feedback, continuous feedback notes, windows HR reopened, 360 rounds and public satisfaction
-- survey results. Conventions as 0001_review.sql: unqualified names, text enum columns with the
-- domain's stable names, uuid text ids, snapshots instead of foreign keys across services.
--
-- 360 ANONYMITY (docs/design.md "360 anonymity"): who was invited and whether they answered is
-- kept in feedback_invitations; what was answered is kept in feedback_answers, which has NO
-- column naming or pointing at a rater (no nip, employee id, relation, invitation key or time).
-- Both rows are written in one transaction (the invitation marked answered, the answer
-- inserted), so an invitation can answer once, and no table row links a rater to an answer.

-- Realisasi: one per plan, indicator and window (first day); re-recording updates it.
CREATE TABLE realisations (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  plan_id text COLLATE "C" NOT NULL CHECK (plan_id <> ''),
  plan_revision integer NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  indicator_id text COLLATE "C" NOT NULL CHECK (indicator_id <> ''),
  window_year integer NOT NULL,
  window_index integer NOT NULL,
  window_first date NOT NULL,
  window_last date NOT NULL CHECK (window_last >= window_first),
  month_start integer NOT NULL CHECK (month_start BETWEEN 1 AND 12),
  month_end integer NOT NULL CHECK (month_end BETWEEN 1 AND 12),
  value double precision,
  text text NOT NULL DEFAULT '',
  evidence jsonb NOT NULL DEFAULT '[]',
  late boolean NOT NULL DEFAULT false,
  recorded_by text NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, indicator_id, window_first)
);
CREATE INDEX realisations_list ON realisations (plan_id, window_first, indicator_id);

-- A window of a plan HR reopened for late entries, until a day (inclusive). Reopening again
-- replaces the day.
CREATE TABLE window_reopenings (
  plan_id text COLLATE "C" NOT NULL,
  window_first date NOT NULL,
  window_last date NOT NULL,
  window_year integer NOT NULL,
  window_index integer NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  until date NOT NULL,
  reason text NOT NULL,
  granted_by text NOT NULL,
  grant_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, window_first)
);

-- The assessor's feedback per indicator and window: one per plan, indicator and window.
CREATE TABLE indicator_feedback (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  plan_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  indicator_id text COLLATE "C" NOT NULL,
  window_year integer NOT NULL,
  window_index integer NOT NULL,
  window_first date NOT NULL,
  window_last date NOT NULL,
  month_start integer NOT NULL,
  month_end integer NOT NULL,
  text text NOT NULL,
  given_by jsonb NOT NULL,
  capacity text NOT NULL
    CHECK (capacity IN ('DEFINITIVE', 'PLT', 'PLH', 'DELEGATED', 'PJ', 'HR_FOR_NON_ASN')),
  recorded_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, indicator_id, window_first)
);

-- Umpan balik berkelanjutan: notes on a plan, append-only.
CREATE TABLE feedback_notes (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  plan_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  author jsonb NOT NULL,
  author_role text NOT NULL CHECK (author_role IN ('EMPLOYEE', 'ASSESSOR')),
  text text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX feedback_notes_list ON feedback_notes (plan_id, create_time, id);

-- A 360 round for one employee and plan; raters are taken on open_date.
CREATE TABLE feedback_rounds (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  agency_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  employee_nip text COLLATE "C" NOT NULL,
  plan_id text COLLATE "C" NOT NULL,
  open_date date NOT NULL,
  close_date date NOT NULL CHECK (close_date >= open_date),
  state text NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
  raters_invited integer NOT NULL CHECK (raters_invited >= 0),
  raters_answered integer NOT NULL DEFAULT 0 CHECK (raters_answered BETWEEN 0 AND raters_invited),
  opened_by text NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now()
);

-- Who may answer a round and whether they did (never what).
CREATE TABLE feedback_invitations (
  round_id text COLLATE "C" NOT NULL REFERENCES feedback_rounds (id),
  rater_nip text COLLATE "C" NOT NULL CHECK (rater_nip <> ''),
  rater_employee_id text COLLATE "C" NOT NULL,
  relation text NOT NULL CHECK (relation IN ('PEER', 'SUBORDINATE')),
  answered boolean NOT NULL DEFAULT false,
  PRIMARY KEY (round_id, rater_nip)
);

-- What was answered (never who): the levels per core value and the comment.
CREATE TABLE feedback_answers (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  round_id text COLLATE "C" NOT NULL REFERENCES feedback_rounds (id),
  levels jsonb NOT NULL,
  comment text NOT NULL DEFAULT ''
);
CREATE INDEX feedback_answers_round ON feedback_answers (round_id);

-- Indeks kepuasan masyarakat of a unit for a survey and period, as the survey office delivered
-- it; ikm kept exactly as ten-thousandths.
CREATE TABLE survey_results (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL CHECK (unit_id <> ''),
  survey_id text COLLATE "C" NOT NULL CHECK (survey_id <> ''),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  ikm_ten_thousandths integer NOT NULL CHECK (ikm_ten_thousandths BETWEEN 0 AND 1000000),
  respondents integer NOT NULL CHECK (respondents >= 0),
  version bigint NOT NULL DEFAULT 1,
  import_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, survey_id, period_start, period_end)
);
CREATE INDEX survey_results_list ON survey_results (agency_id, id);
CREATE INDEX survey_results_survey ON survey_results (survey_id, id);
